package org.dars.curriculum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dars.platform.DarsException;

/**
 * The ordered tree of a curriculum, with the rules every edit must keep: node ids are unique,
 * entries live in modules or lessons, lessons hold only entries, modules nest, the tree is at most
 * {@value #MAX_DEPTH} levels deep and has at most {@value #MAX_NODES} nodes, and no node is moved
 * into its own subtree. Each edit checks its rule before it changes anything, so a refused edit
 * leaves the tree as it was.
 */
final class CurriculumTree {
  static final int MAX_DEPTH = 6;
  static final int MAX_NODES = 20_000;
  static final int MAX_TITLE = 500;
  static final int MAX_NOTE = 2_000;

  private final List<Node> top = new ArrayList<>();
  private final Map<NodeId, Node> index = new HashMap<>();

  List<Node> top() {
    return top;
  }

  int size() {
    return index.size();
  }

  Node node(NodeId id) {
    Node n = index.get(id);
    if (n == null) {
      throw Problems.unknownNode(id);
    }
    return n;
  }

  boolean contains(NodeId id) {
    return index.containsKey(id);
  }

  /** A fresh node id that this tree does not use yet. */
  NodeId freshId() {
    NodeId id;
    do {
      id = NodeId.random();
    } while (index.containsKey(id));
    return id;
  }

  /** Adds a node with no children under {@code parent} (null: the top level) at {@code position}. */
  void add(Node node, NodeId parent, Integer position) {
    if (index.containsKey(node.id)) {
      throw DarsException.invalid("duplicate-node-id",
          "The draft already has a node '" + node.id + "'. Choose another id, or leave 'id' out and one is made up.");
    }
    if (index.size() >= MAX_NODES) {
      throw DarsException.invalid("too-many-nodes",
          "A curriculum has at most " + MAX_NODES + " nodes. Split it into several curricula.");
    }
    checkTitle(node);
    Node p = parent == null ? null : node(parent);
    checkPlacement(node, p);
    insert(node, p, position);
    index.put(node.id, node);
  }

  void rename(NodeId id, String title) {
    Node n = node(id);
    if (n.isEntry()) {
      throw DarsException.invalid("entry-has-no-title",
          "'" + id + "' is an entry; it shows its item's title. Change its instructor note with setNote.");
    }
    String old = n.title;
    n.title = title;
    try {
      checkTitle(n);
    } catch (DarsException e) {
      n.title = old;
      throw e;
    }
  }

  void move(NodeId id, NodeId parent, Integer position) {
    Node n = node(id);
    Node p = parent == null ? null : node(parent);
    if (p != null && p.isWithin(n)) {
      throw DarsException.invalid("move-into-itself",
          "'" + id + "' cannot move under '" + parent + "', which is " + (p == n ? "itself" : "inside it") + ".");
    }
    checkPlacement(n, p);
    int room = (p == null ? top : p.children).size() - (n.parent == p ? 1 : 0);
    checkPosition(position, room);
    detach(n);
    insert(n, p, position);
  }

  void remove(NodeId id) {
    Node n = node(id);
    detach(n);
    walk(List.of(n), d -> index.remove(d.id));
  }

  void pin(NodeId id, int version) {
    entry(id).pin = version;
  }

  void follow(NodeId id) {
    entry(id).pin = null;
  }

  void note(NodeId id, String note) {
    if (note != null && note.length() > MAX_NOTE) {
      throw DarsException.invalid("invalid-field", "An instructor note is limited to " + MAX_NOTE + " characters.");
    }
    entry(id).note = note == null || note.isBlank() ? null : note.strip();
  }

  Node entry(NodeId id) {
    Node n = node(id);
    if (!n.isEntry()) {
      throw DarsException.invalid("not-an-entry", "'" + id + "' is a " + n.kind.json() + ", not an entry.");
    }
    return n;
  }

  /** Every entry, in reading order. */
  List<Node> entries() {
    List<Node> entries = new ArrayList<>();
    walk(top, n -> {
      if (n.isEntry()) {
        entries.add(n);
      }
    });
    return entries;
  }

  /** Visits nodes depth-first in reading order. */
  static void walk(List<Node> nodes, Consumer<Node> visitor) {
    for (Node n : nodes) {
      visitor.accept(n);
      walk(n.children, visitor);
    }
  }

  private void checkPlacement(Node n, Node parent) {
    String where = parent == null ? "at the top level" : "in " + parent.kind.json() + " '" + parent.id + "'";
    boolean allowed = switch (n.kind) {
      case MODULE -> parent == null || parent.kind == Node.Kind.MODULE;
      case LESSON -> parent == null || parent.kind == Node.Kind.MODULE;
      case ENTRY -> parent != null && parent.kind != Node.Kind.ENTRY;
    };
    if (!allowed) {
      throw DarsException.invalid("misplaced-node",
          "A " + n.kind.json() + " cannot be placed " + where + ". Modules hold modules, lessons and entries;"
              + " lessons hold entries; the top level holds modules and lessons.");
    }
    int depth = (parent == null ? 0 : parent.depth()) + n.height();
    if (depth > MAX_DEPTH) {
      throw DarsException.invalid("too-deep",
          "Placing '" + n.id + "' " + where + " makes the tree " + depth + " levels deep; at most " + MAX_DEPTH + " are allowed.");
    }
  }

  private static void checkTitle(Node n) {
    if (n.isEntry()) {
      return;
    }
    if (n.title == null || n.title.isBlank()) {
      throw DarsException.invalid("invalid-field", "A " + n.kind.json() + " needs a non-empty title.");
    }
    if (n.title.length() > MAX_TITLE) {
      throw DarsException.invalid("invalid-field", "Titles are limited to " + MAX_TITLE + " characters.");
    }
    n.title = n.title.strip();
  }

  private void insert(Node n, Node parent, Integer position) {
    List<Node> siblings = parent == null ? top : parent.children;
    checkPosition(position, siblings.size());
    siblings.add(position == null ? siblings.size() : position, n);
    n.parent = parent;
  }

  private static void checkPosition(Integer position, int room) {
    if (position != null && (position < 0 || position > room)) {
      throw DarsException.invalid("invalid-position",
          "Position " + position + " is outside 0.." + room + " (the number of nodes there). Leave it out to append.");
    }
  }

  private void detach(Node n) {
    (n.parent == null ? top : n.parent.children).remove(n);
    n.parent = null;
  }
}
