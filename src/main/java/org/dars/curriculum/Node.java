package org.dars.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dars.content.ItemId;

/**
 * One node of a curriculum tree. Modules and lessons have a title and children; an entry refers to
 * an item and either pins a version ({@code pin}) or follows the latest. In a release every entry
 * also has the exact {@code version} it resolved to, and the item's title at that moment.
 */
final class Node {
  enum Kind {
    MODULE,
    LESSON,
    ENTRY;

    String json() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind of(String json) {
      for (Kind k : values()) {
        if (k.json().equals(json)) {
          return k;
        }
      }
      return null;
    }
  }

  final NodeId id;
  final Kind kind;
  String title;
  ItemId item;
  Integer pin;
  Integer version;
  String itemTitle;
  String note;
  Node parent;
  /** Index among siblings, filled in by a diff (never stored). */
  int position;
  final List<Node> children = new ArrayList<>();

  Node(NodeId id, Kind kind) {
    this.id = id;
    this.kind = kind;
  }

  static Node container(NodeId id, Kind kind, String title) {
    Node n = new Node(id, kind);
    n.title = title;
    return n;
  }

  static Node entry(NodeId id, ItemId item, Integer pin, String note) {
    Node n = new Node(id, Kind.ENTRY);
    n.item = item;
    n.pin = pin;
    n.note = note;
    return n;
  }

  boolean isEntry() {
    return kind == Kind.ENTRY;
  }

  /** The version a reader gets: the resolved one in a release, the pinned one (or none) in a draft. */
  Integer effectiveVersion() {
    return version != null ? version : pin;
  }

  /** Levels of nodes at and below this one (an entry has height 1). */
  int height() {
    int h = 0;
    for (Node c : children) {
      h = Math.max(h, c.height());
    }
    return h + 1;
  }

  /** 1 for a top-level node. */
  int depth() {
    int d = 1;
    for (Node p = parent; p != null; p = p.parent) {
      d++;
    }
    return d;
  }

  boolean isWithin(Node ancestor) {
    for (Node n = this; n != null; n = n.parent) {
      if (n == ancestor) {
        return true;
      }
    }
    return false;
  }
}
