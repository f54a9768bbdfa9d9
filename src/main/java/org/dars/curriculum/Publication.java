package org.dars.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dars.content.ItemId;
import org.dars.platform.DarsException;

/**
 * Turns a draft tree into a release tree: every entry that follows the latest version gets the
 * item's version current at this moment, and every entry records the item's title. Pure, so the
 * benchmark and the tests run it without a server.
 */
final class Publication {
  private static final int LISTED = 20;

  private Publication() {}

  /** Resolves in place; refuses an empty tree or entries whose item is unknown or deleted. */
  static void resolve(CurriculumTree tree, Map<ItemId, ItemState> items) {
    List<Node> entries = tree.entries();
    if (entries.isEmpty()) {
      throw DarsException.invalid("empty-curriculum",
          "The draft has no entries, so there is nothing to publish. Add entries with addEntry first.");
    }
    List<String> dangling = new ArrayList<>();
    for (Node e : entries) {
      ItemState s = items.get(e.item);
      if (s == null || s.deleted()) {
        dangling.add("'" + e.id + "' → " + e.item + (s == null ? " (unknown)" : " ('" + s.title() + "', deleted)"));
        continue;
      }
      e.version = e.pin != null ? e.pin : s.latestVersion();
      e.itemTitle = s.title();
    }
    if (!dangling.isEmpty()) {
      throw new DarsException(422, "dangling-entries", "Unprocessable content",
          dangling.size() + " entries refer to items that are deleted or unknown: "
              + String.join(", ", dangling.subList(0, Math.min(LISTED, dangling.size())))
              + (dangling.size() > LISTED ? " …" : "") + ". Remove them or point them at a replacement, then publish.",
          Map.of("entries", dangling.size()), null);
    }
  }

  /** Resolves what can be resolved, for a diff against the draft; dangling entries keep no version. */
  static void preview(CurriculumTree tree, Map<ItemId, ItemState> items) {
    for (Node e : tree.entries()) {
      ItemState s = items.get(e.item);
      if (s != null) {
        e.version = s.deleted() ? e.pin : e.pin != null ? e.pin : s.latestVersion();
        e.itemTitle = s.title();
      }
    }
  }
}
