package org.dars.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.dars.platform.DarsException;
import org.junit.jupiter.api.Test;

class CurriculumTreeTest {
  private static String type(Runnable r) {
    DarsException e = assertThrows(DarsException.class, r::run);
    return e.type().toString().substring("https://dars.example/problems/".length());
  }

  private static List<String> ids(List<Node> nodes) {
    return nodes.stream().map(n -> n.id.value()).toList();
  }

  @Test
  void refusesMovingANodeUnderItselfOrItsDescendant() {
    CurriculumTree t = TreeFixtures.small().tree;
    t.add(Node.container(new NodeId("m1a"), Node.Kind.MODULE, "زیر بخش"), new NodeId("m1"), null);
    assertEquals("move-into-itself", type(() -> t.move(new NodeId("m1"), new NodeId("m1"), null)));
    assertEquals("move-into-itself", type(() -> t.move(new NodeId("m1"), new NodeId("m1a"), null)));
    assertEquals(List.of("l1", "l2", "m1a"), ids(t.node(new NodeId("m1")).children));
  }

  @Test
  void refusesDuplicateNodeIds() {
    CurriculumTree t = TreeFixtures.small().tree;
    assertEquals("duplicate-node-id", type(() -> t.add(Node.container(new NodeId("l1"), Node.Kind.LESSON, "تکراری"), null, null)));
  }

  @Test
  void refusesTreesDeeperThanTheLimit() {
    CurriculumTree t = new CurriculumTree();
    String parent = null;
    for (int i = 0; i < CurriculumTree.MAX_DEPTH; i++) {
      t.add(Node.container(new NodeId("m" + i), Node.Kind.MODULE, "سطح " + i), parent == null ? null : new NodeId(parent), null);
      parent = "m" + i;
    }
    String deepest = parent;
    assertEquals("too-deep", type(() -> t.add(Node.container(new NodeId("x"), Node.Kind.LESSON, "درس"), new NodeId(deepest), null)));
    // Moving a subtree counts its own height too.
    t.add(Node.container(new NodeId("top"), Node.Kind.MODULE, "بالا"), null, null);
    t.add(Node.container(new NodeId("sub"), Node.Kind.MODULE, "پایین"), new NodeId("top"), null);
    assertEquals("too-deep", type(() -> t.move(new NodeId("top"), new NodeId("m4"), null)));
  }

  @Test
  void keepsEntriesInModulesOrLessonsAndLessonsOutOfLessons() {
    CurriculumTree t = TreeFixtures.small().tree;
    assertEquals("misplaced-node", type(() -> t.add(Node.entry(new NodeId("x"), TreeFixtures.item(9), null, null), null, null)));
    assertEquals("misplaced-node", type(() -> t.add(Node.container(new NodeId("x"), Node.Kind.LESSON, "درس"), new NodeId("l1"), null)));
    assertEquals("misplaced-node", type(() -> t.move(new NodeId("l2"), new NodeId("e1"), null)));
  }

  @Test
  void reordersAndMovesAtTheGivenPositionAndRefusesPositionsOutside() {
    CurriculumTree t = TreeFixtures.small().tree;
    t.move(new NodeId("e2"), new NodeId("l1"), 0);
    assertEquals(List.of("e2", "e1"), ids(t.node(new NodeId("l1")).children));
    assertEquals("invalid-position", type(() -> t.move(new NodeId("e1"), new NodeId("l2"), 5)));
    assertEquals(List.of("e2", "e1"), ids(t.node(new NodeId("l1")).children), "a refused move leaves the node where it was");
    t.move(new NodeId("e1"), new NodeId("l2"), 0);
    assertEquals(List.of("e1", "e3"), ids(t.node(new NodeId("l2")).children));
  }

  @Test
  void removingANodeRemovesItsSubtreeFromTheIndex() {
    CurriculumTree t = TreeFixtures.small().tree;
    t.remove(new NodeId("l1"));
    assertFalse(t.contains(new NodeId("e1")));
    assertEquals(List.of("e3"), ids(t.entries()));
    assertEquals("unknown-node", type(() -> t.rename(new NodeId("e1"), "x")));
  }

  @Test
  void documentSurvivesAJsonRoundTripWithPinsNotesAndPersianTitles() {
    CurriculumDocument d = TreeFixtures.small();
    CurriculumDocument back = CurriculumDocument.read(d.write());
    assertEquals(d.write(), back.write());
    Node e2 = back.tree.node(new NodeId("e2"));
    assertEquals(1, e2.pin);
    assertEquals("متن اصلی", e2.note);
    assertEquals("صنایع تبدیلی خرما", back.info.displayTitle());
  }
}
