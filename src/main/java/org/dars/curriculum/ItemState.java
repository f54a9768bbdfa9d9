package org.dars.curriculum;

import java.util.Map;
import org.dars.content.Item;
import org.dars.content.ItemId;
import org.dars.platform.DarsException;

/** What curricula need to know about an item: whether it exists, its title and latest version. */
record ItemState(ItemId id, String title, int latestVersion, boolean deleted) {
  static ItemState of(Item item) {
    return new ItemState(item.id(), item.title(), item.latestVersion(), item.isDeleted());
  }

  /** The item an entry may refer to, with that version (null: the latest) existing. */
  static ItemState usable(Map<ItemId, ItemState> items, ItemId id, Integer version) {
    ItemState s = items.get(id);
    if (s == null) {
      throw DarsException.invalid("unknown-item",
          "There is no item " + id + ". Add entries by the id of an existing item (GET /api/v1/items lists them).");
    }
    if (s.deleted) {
      throw DarsException.invalid("deleted-item",
          "Item " + id + " ('" + s.title + "') was deleted; an entry cannot refer to it. GET /p/items/" + id
              + " shows why and whether it has a replacement.");
    }
    if (version != null && (version < 1 || version > s.latestVersion)) {
      throw DarsException.invalid("unknown-item-version",
          "Item " + id + " has versions 1 to " + s.latestVersion + ", not " + version + ".");
    }
    return s;
  }
}
