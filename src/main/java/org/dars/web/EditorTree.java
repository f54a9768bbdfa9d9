package org.dars.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dars.curriculum.NodeView;
import org.dars.web.CurriculumEditor.NodeData;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * The curriculum editor's PrimeFaces tree, built from the draft as the service returns it. The
 * tree is only ever a picture of the draft: the editor rebuilds it after every change.
 */
final class EditorTree {
  private EditorTree() {}

  /** The tree of {@code nodes}, every node expanded; an entry is labelled with its item's title. */
  static TreeNode<NodeData> of(List<NodeView> nodes, Function<String, String> itemTitle) {
    TreeNode<NodeData> root = new DefaultTreeNode<>(new NodeData("", "root", "", null, null, null), null);
    add(root, nodes, new HashMap<>(), itemTitle);
    return root;
  }

  private static void add(TreeNode<NodeData> parent, List<NodeView> nodes, Map<String, String> titles,
      Function<String, String> itemTitle) {
    if (nodes == null) {
      return;
    }
    for (NodeView n : nodes) {
      String label = n.title();
      if (n.item() != null) {
        label = titles.computeIfAbsent(n.item(), itemTitle);
      }
      TreeNode<NodeData> t = new DefaultTreeNode<>(n.kind(),
          new NodeData(n.id(), n.kind(), label, n.item(), n.follows(), n.pin()), parent);
      t.setExpanded(true);
      add(t, n.children(), titles, itemTitle);
    }
  }

  static TreeNode<NodeData> find(TreeNode<NodeData> node, String nodeId) {
    if (node.getData() != null && nodeId.equals(node.getData().id())) {
      return node;
    }
    for (TreeNode<NodeData> c : node.getChildren()) {
      TreeNode<NodeData> f = find(c, nodeId);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  static void expandTo(TreeNode<NodeData> node) {
    for (TreeNode<NodeData> p = node.getParent(); p != null; p = p.getParent()) {
      p.setExpanded(true);
    }
  }

  /** The node's id, or null for the invisible root (a move to the top level names no parent). */
  static String idOf(TreeNode<NodeData> node) {
    return node.getData() == null || node.getData().id().isEmpty() ? null : node.getData().id();
  }
}
