package org.dars.curriculum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurriculumDiffTest {
  private static DiffView diff(CurriculumDocument a, CurriculumDocument b) {
    return CurriculumDiff.compare("c", "1.0", a, "1.1", b);
  }

  private static NodeId id(String s) {
    return new NodeId(s);
  }

  @Test
  void reportsAddedRemovedRenamedAndMovedNodes() {
    CurriculumDocument a = TreeFixtures.small();
    CurriculumDocument b = TreeFixtures.small();
    b.tree.add(Node.container(id("m2"), Node.Kind.MODULE, "بسته‌بندی"), null, null);
    b.tree.remove(id("e3"));
    b.tree.rename(id("l2"), "النظافة الشخصية");
    b.tree.move(id("e2"), id("l2"), null);
    DiffView d = diff(a, b);
    assertEquals(List.of("m2"), d.structure().added().stream().map(DiffView.NodeChange::node).toList());
    assertEquals(List.of("e3"), d.structure().removed().stream().map(DiffView.NodeChange::node).toList());
    assertEquals("النظافة الشخصية", d.structure().renamed().get(0).to());
    assertEquals(List.of("e2"), d.structure().moved().stream().map(DiffView.Moved::node).toList());
    assertEquals("l1", d.structure().moved().get(0).fromParent());
    assertTrue(d.content().isEmpty());
  }

  @Test
  void insertingOneNodeDoesNotMarkItsYoungerSiblingsAsMoved() {
    CurriculumDocument a = TreeFixtures.small();
    CurriculumDocument b = TreeFixtures.small();
    b.tree.add(Node.entry(id("e0"), TreeFixtures.item(7), null, null), id("l1"), 0);
    assertTrue(diff(a, b).structure().moved().isEmpty());
    b.tree.move(id("e2"), id("l1"), 0);
    assertEquals(List.of("e2"), diff(a, b).structure().moved().stream().map(DiffView.Moved::node).toList());
  }

  @Test
  void removedSubtreeIsReportedOnceAtItsRootWithItsEntryCount() {
    CurriculumDocument a = TreeFixtures.small();
    CurriculumDocument b = TreeFixtures.small();
    b.tree.remove(id("l1"));
    List<DiffView.NodeChange> removed = diff(a, b).structure().removed();
    assertEquals(1, removed.size());
    assertEquals(2, removed.get(0).entries());
  }

  @Test
  void reportsEntriesWhoseResolvedVersionChanged() {
    CurriculumDocument a = TreeFixtures.small();
    CurriculumDocument b = TreeFixtures.small();
    a.tree.node(id("e1")).version = 1;
    b.tree.node(id("e1")).version = 2;
    a.tree.node(id("e2")).version = 1;
    b.tree.node(id("e2")).version = 1;
    DiffView d = diff(a, b);
    assertEquals(1, d.content().size());
    assertEquals(1, d.content().get(0).fromVersion());
    assertEquals(2, d.content().get(0).toVersion());
    assertFalse(DiffReadable.lines(d).isEmpty());
  }

  @Test
  void longestIncreasingRunKeepsTheMostNodesInPlace() {
    assertArrayEquals(new boolean[] {true, false, true, true}, CurriculumDiff.longestIncreasing(new int[] {0, 3, 1, 2}));
    assertArrayEquals(new boolean[] {true, true, true}, CurriculumDiff.longestIncreasing(new int[] {0, 1, 2}));
  }
}
