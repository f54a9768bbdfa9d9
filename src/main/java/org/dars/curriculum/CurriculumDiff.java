package org.dars.curriculum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two curriculum documents by node id, which survives every edit. A node is moved when its
 * parent changed, or when it left the longest run of siblings that kept their relative order (so
 * inserting one node does not make all its younger siblings "moved"). That run is a longest
 * increasing subsequence, O(n log n), which keeps a 5,000-entry diff well under a second.
 */
final class CurriculumDiff {
  private CurriculumDiff() {}

  static DiffView compare(String curriculum, String fromLabel, CurriculumDocument from, String toLabel, CurriculumDocument to) {
    Map<NodeId, Node> before = index(from.tree);
    Map<NodeId, Node> after = index(to.tree);
    List<DiffView.NodeChange> added = new ArrayList<>();
    List<DiffView.NodeChange> removed = new ArrayList<>();
    List<DiffView.Moved> moved = new ArrayList<>();
    List<DiffView.Renamed> renamed = new ArrayList<>();
    List<DiffView.ContentChange> content = new ArrayList<>();

    CurriculumTree.walk(from.tree.top(), n -> {
      // Only the root of a removed subtree is reported; its descendants go with it.
      if (!after.containsKey(n.id) && (n.parent == null || after.containsKey(n.parent.id))) {
        removed.add(change(n));
      }
    });
    CurriculumTree.walk(to.tree.top(), n -> {
      Node old = before.get(n.id);
      if (old == null) {
        if (n.parent == null || before.containsKey(n.parent.id)) {
          added.add(change(n));
        }
        return;
      }
      if (!n.isEntry() && old.kind == n.kind && !Objects.equals(old.title, n.title)) {
        renamed.add(new DiffView.Renamed(n.id.value(), n.kind.json(), old.title, n.title));
      }
      if (n.isEntry() && old.isEntry()
          && (!old.item.equals(n.item) || !Objects.equals(old.effectiveVersion(), n.effectiveVersion()))) {
        content.add(new DiffView.ContentChange(n.id.value(), n.item.toString(), title(n),
            old.item.equals(n.item) ? null : old.item.toString(), old.effectiveVersion(), n.effectiveVersion(), null));
      }
    });
    moved(from, before, to, after, moved);
    return new DiffView(curriculum, fromLabel, toLabel, !from.info.equals(to.info),
        new DiffView.Structure(added, removed, moved, renamed), content, List.of());
  }

  /** Nodes whose parent changed, then, per parent, those that left the longest in-order run. */
  private static void moved(CurriculumDocument from, Map<NodeId, Node> before, CurriculumDocument to,
      Map<NodeId, Node> after, List<DiffView.Moved> out) {
    List<List<Node>> sibling = new ArrayList<>();
    sibling.add(to.tree.top());
    CurriculumTree.walk(to.tree.top(), n -> {
      if (!n.children.isEmpty()) {
        sibling.add(n.children);
      }
    });
    for (List<Node> children : sibling) {
      List<Node> stayed = new ArrayList<>();
      for (Node n : children) {
        Node old = before.get(n.id);
        if (old == null) {
          continue;
        }
        if (!sameParent(old, n)) {
          out.add(moved(old, n));
        } else {
          stayed.add(n);
        }
      }
      if (stayed.size() < 2) {
        continue;
      }
      int[] oldPositions = new int[stayed.size()];
      for (int i = 0; i < oldPositions.length; i++) {
        oldPositions[i] = position(before.get(stayed.get(i).id));
      }
      boolean[] inOrder = longestIncreasing(oldPositions);
      for (int i = 0; i < inOrder.length; i++) {
        if (!inOrder[i]) {
          out.add(moved(before.get(stayed.get(i).id), stayed.get(i)));
        }
      }
    }
  }

  /** Marks one longest strictly increasing subsequence (patience sorting with back links). */
  static boolean[] longestIncreasing(int[] a) {
    int[] tailIndex = new int[a.length];
    int[] previous = new int[a.length];
    int length = 0;
    int[] tails = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      int at = Arrays.binarySearch(tails, 0, length, a[i]);
      if (at < 0) {
        at = -at - 1;
      }
      tails[at] = a[i];
      tailIndex[at] = i;
      previous[i] = at > 0 ? tailIndex[at - 1] : -1;
      if (at == length) {
        length++;
      }
    }
    boolean[] marked = new boolean[a.length];
    for (int i = length == 0 ? -1 : tailIndex[length - 1]; i >= 0; i = previous[i]) {
      marked[i] = true;
    }
    return marked;
  }

  private static boolean sameParent(Node a, Node b) {
    return a.parent == null ? b.parent == null : b.parent != null && a.parent.id.equals(b.parent.id);
  }

  private static DiffView.Moved moved(Node old, Node n) {
    return new DiffView.Moved(n.id.value(), n.kind.json(), title(n), parentId(old), position(old), parentId(n), position(n));
  }

  private static DiffView.NodeChange change(Node n) {
    int[] entries = {0};
    CurriculumTree.walk(List.of(n), d -> entries[0] += d.isEntry() ? 1 : 0);
    return new DiffView.NodeChange(n.id.value(), n.kind.json(), title(n), parentId(n), entries[0]);
  }

  static String title(Node n) {
    return n.isEntry() ? (n.itemTitle != null ? n.itemTitle : n.item.toString()) : n.title;
  }

  private static String parentId(Node n) {
    return n.parent == null ? null : n.parent.id.value();
  }

  private static int position(Node n) {
    return n.position;
  }

  private static Map<NodeId, Node> index(CurriculumTree tree) {
    Map<NodeId, Node> index = new HashMap<>(tree.size() * 2);
    CurriculumTree.walk(tree.top(), n -> index.put(n.id, n));
    numberSiblings(tree.top());
    return index;
  }

  private static void numberSiblings(List<Node> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      nodes.get(i).position = i;
      numberSiblings(nodes.get(i).children);
    }
  }
}
