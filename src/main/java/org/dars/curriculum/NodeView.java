package org.dars.curriculum;

import java.util.ArrayList;
import java.util.List;

/**
 * A node as the API shows it. Entries carry {@code follows} ("latest" or "pinned"), the pinned
 * version if any, and in releases the exact {@code version} and the item's title when published.
 */
public record NodeView(
    String id,
    String kind,
    String title,
    String item,
    String follows,
    Integer pin,
    Integer version,
    String itemTitle,
    String note,
    List<NodeView> children) {

  static List<NodeView> of(List<Node> nodes) {
    List<NodeView> views = new ArrayList<>(nodes.size());
    for (Node n : nodes) {
      views.add(n.isEntry()
          ? new NodeView(n.id.value(), n.kind.json(), null, n.item.toString(), n.pin == null ? "latest" : "pinned",
              n.pin, n.version, n.itemTitle, n.note, null)
          : new NodeView(n.id.value(), n.kind.json(), n.title, null, null, null, null, null, null, of(n.children)));
    }
    return views;
  }
}
