package org.dars.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.dars.content.ItemId;
import org.dars.platform.DarsException;
import org.junit.jupiter.api.Test;

class PublicationTest {
  private static Map<ItemId, ItemState> items(boolean thirdDeleted) {
    Map<ItemId, ItemState> m = new HashMap<>();
    m.put(TreeFixtures.item(1), new ItemState(TreeFixtures.item(1), "برداشت خرما", 4, false));
    m.put(TreeFixtures.item(2), new ItemState(TreeFixtures.item(2), "حصاد التمور", 3, false));
    m.put(TreeFixtures.item(3), new ItemState(TreeFixtures.item(3), "النظافة", 2, thirdDeleted));
    return m;
  }

  @Test
  void resolvesLatestEntriesToTheCurrentVersionAndKeepsPins() {
    CurriculumTree t = TreeFixtures.small().tree;
    Publication.resolve(t, items(false));
    assertEquals(4, t.node(new NodeId("e1")).version);
    assertNull(t.node(new NodeId("e1")).pin);
    assertEquals(1, t.node(new NodeId("e2")).version);
    assertEquals("حصاد التمور", t.node(new NodeId("e2")).itemTitle);
  }

  @Test
  void refusesAnEmptyTree() {
    DarsException e = assertThrows(DarsException.class, () -> Publication.resolve(TreeFixtures.document().tree, Map.of()));
    assertEquals("https://dars.example/problems/empty-curriculum", e.type().toString());
  }

  @Test
  void refusesEntriesForDeletedOrUnknownItemsNamingThem() {
    CurriculumTree t = TreeFixtures.small().tree;
    DarsException e = assertThrows(DarsException.class, () -> Publication.resolve(t, items(true)));
    assertEquals(422, e.status());
    assertEquals(1, e.extensions().get("entries"));
    Map<ItemId, ItemState> missing = items(false);
    missing.remove(TreeFixtures.item(1));
    DarsException unknown = assertThrows(DarsException.class, () -> Publication.resolve(TreeFixtures.small().tree, missing));
    assertEquals("https://dars.example/problems/dangling-entries", unknown.type().toString());
  }
}
