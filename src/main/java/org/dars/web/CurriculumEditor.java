package org.dars.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dars.content.ItemId;
import org.dars.content.ItemService;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.CurriculumService;
import org.dars.curriculum.CurriculumView;
import org.dars.platform.Actor;
import org.dars.platform.DarsException;
import org.dars.search.SearchHit;
import org.dars.search.SearchRequest;
import org.dars.search.SearchService;
import org.primefaces.event.TreeDragDropEvent;
import org.primefaces.model.TreeNode;

/**
 * The curriculum editor ({@code /curriculum.xhtml?id=}). The page holds the draft's ETag; every
 * change is one batch of draft operations sent to {@link CurriculumService#change} with it, and the
 * tree is then read again from the service, so the page never shows a state the server refused. A
 * drag and drop in the tree becomes a {@code move}; the move buttons do the same from the keyboard.
 * Publishing, reverting and diffs are the {@link ReleasePanel}'s, on this editor's draft.
 */
@Named
@ViewScoped
public class CurriculumEditor implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject CurriculumService curricula;
  @Inject SearchService search;
  @Inject ItemService items;
  @Inject Actor actor;
  @Inject Ui ui;

  /** What a tree node shows and refers to. */
  public record NodeData(String id, String kind, String label, String item, String follows, Integer pin)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A search hit offered for adding. */
  public record Candidate(String id, String title, String language) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private String id;
  private String etag;
  private String title;
  private String latestRelease;
  private int entries;
  private TreeNode<NodeData> root;
  private TreeNode<NodeData> selected;
  private String newTitle;
  private String renameTitle;
  private String searchQuery;
  private List<Candidate> candidates = List.of();
  private Integer pinVersion;
  private String problem;
  private String selectedId;

  public void init() {
    if (root != null) {
      return;
    }
    String param = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    try {
      id = CurriculumId.parse(param).toString();
      reload();
    } catch (DarsException e) {
      problem = ui.problem(e);
    }
  }

  /** Reads the draft again and rebuilds the tree, keeping the selection where the node still exists. */
  public void reload() {
    CurriculumView view = curricula.view(CurriculumId.parse(id));
    etag = view.etag();
    title = view.title().in(ui.getLang());
    latestRelease = view.latestRelease();
    entries = view.entries();
    root = EditorTree.of(view.nodes(), this::itemTitle);
    selected = selectedId == null ? null : EditorTree.find(root, selectedId);
    if (selected != null) {
      selected.setSelected(true);
      EditorTree.expandTo(selected);
    }
  }

  private String itemTitle(String item) {
    try {
      return items.view(ItemId.parse(item)).title();
    } catch (DarsException e) {
      return e.extensions().get("tombstone") instanceof Map<?, ?> t ? String.valueOf(t.get("title")) : item;
    }
  }

  /** The draft's ETag, which every change to it must carry. */
  public String etag() {
    return etag;
  }

  public void deselect() {
    selectedId = null;
  }

  /** Sends one batch of operations with the page's ETag, then reads the draft again. */
  private boolean change(JsonArrayBuilder ops) {
    try {
      curricula.change(CurriculumId.parse(id), etag, ops.build(), actor.name());
      reload();
      return true;
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
      try {
        reload();
      } catch (DarsException again) {
        // the first message says enough
      }
      return false;
    }
  }

  private static JsonObjectBuilder op(String name) {
    return Json.createObjectBuilder().add("op", name);
  }

  private static String freshId(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  // ---- structure ----

  public void addModule() {
    addContainer("addModule", null);
  }

  /** Adds a lesson to the selected module (or to the module holding the selected node). */
  public void addLesson() {
    TreeNode<NodeData> module = selected;
    while (module != null && module.getData() != null && !"module".equals(module.getData().kind())) {
      module = module.getParent();
    }
    if (module == null || module.getData() == null || module.getData().id().isEmpty()) {
      PageMessages.error(ui.t("editor.chooseModule"));
      return;
    }
    addContainer("addLesson", module.getData().id());
  }

  private void addContainer(String opName, String parent) {
    if (newTitle == null || newTitle.isBlank()) {
      PageMessages.error(ui.t("editor.titleNeeded"));
      return;
    }
    String nodeId = freshId(opName.equals("addModule") ? "m-" : "l-");
    JsonObjectBuilder o = op(opName).add("id", nodeId).add("title", newTitle.strip());
    if (parent != null) {
      o.add("parent", parent);
    }
    if (change(Json.createArrayBuilder().add(o))) {
      selectedId = nodeId;
      newTitle = null;
      reload();
      PageMessages.info(ui.t("editor.saved"));
    }
  }

  public void rename() {
    if (selected == null || renameTitle == null || renameTitle.isBlank()) {
      PageMessages.error(ui.t("editor.titleNeeded"));
      return;
    }
    if (change(Json.createArrayBuilder().add(op("rename").add("node", selected.getData().id()).add("title", renameTitle.strip())))) {
      renameTitle = null;
      PageMessages.info(ui.t("editor.saved"));
    }
  }

  public void remove() {
    if (selected == null) {
      PageMessages.error(ui.t("editor.chooseNode"));
      return;
    }
    String gone = selected.getData().id();
    selectedId = null;
    if (change(Json.createArrayBuilder().add(op("remove").add("node", gone)))) {
      PageMessages.info(ui.t("editor.saved"));
    }
  }

  /** Moves the selected node one place up ({@code -1}) or down ({@code +1}) among its siblings. */
  public void shift(int delta) {
    if (selected == null) {
      PageMessages.error(ui.t("editor.chooseNode"));
      return;
    }
    TreeNode<NodeData> parent = selected.getParent();
    int index = parent.getChildren().indexOf(selected);
    int target = index + delta;
    if (target < 0 || target >= parent.getChildren().size()) {
      return;
    }
    move(selected, parent, target);
  }

  public void moveUp() {
    shift(-1);
  }

  public void moveDown() {
    shift(1);
  }

  /** A node dropped elsewhere in the tree: PrimeFaces has moved it in the page's model already. */
  @SuppressWarnings("unchecked")
  public void onDragDrop(TreeDragDropEvent event) {
    TreeNode<NodeData> dragged = (TreeNode<NodeData>) event.getDragNode();
    TreeNode<NodeData> target = (TreeNode<NodeData>) event.getDropNode();
    selectedId = dragged.getData().id();
    move(dragged, target, Math.max(0, target.getChildren().indexOf(dragged)));
  }

  private void move(TreeNode<NodeData> node, TreeNode<NodeData> parent, int position) {
    JsonObjectBuilder o = op("move").add("node", node.getData().id()).add("position", position);
    String parentId = EditorTree.idOf(parent);
    if (parentId != null) {
      o.add("parent", parentId);
    }
    if (change(Json.createArrayBuilder().add(o))) {
      PageMessages.info(ui.t("editor.moved"));
    }
  }

  public void onSelect() {
    selectedId = selected == null ? null : selected.getData().id();
    renameTitle = selected == null || selected.getData().item() != null ? null : selected.getData().label();
    pinVersion = selected == null ? null : selected.getData().pin();
  }

  // ---- entries ----

  public void findItems() {
    candidates = new ArrayList<>();
    if (searchQuery == null || searchQuery.isBlank()) {
      return;
    }
    for (SearchHit h : search.search(SearchRequest.of(searchQuery, 0, 8)).hits()) {
      candidates.add(new Candidate(h.id(), h.title(), h.language().isEmpty() ? "" : h.language().get(0)));
    }
    if (candidates.isEmpty()) {
      PageMessages.info(ui.t("editor.noItems"));
    }
  }

  /** Adds an item under the selected lesson or module (under the parent of a selected entry). */
  public void addEntry(String item) {
    TreeNode<NodeData> parent = selected;
    if (parent != null && parent.getData() != null && "entry".equals(parent.getData().kind())) {
      parent = parent.getParent();
    }
    if (parent == null || parent.getData() == null || parent.getData().id().isEmpty()) {
      PageMessages.error(ui.t("editor.chooseContainer"));
      return;
    }
    String nodeId = freshId("e-");
    if (change(Json.createArrayBuilder().add(op("addEntry").add("id", nodeId).add("parent", parent.getData().id()).add("item", item)))) {
      PageMessages.info(ui.t("editor.entryAdded"));
    }
  }

  public void pin() {
    if (selected == null || selected.getData().item() == null || pinVersion == null) {
      PageMessages.error(ui.t("editor.chooseEntry"));
      return;
    }
    if (change(Json.createArrayBuilder().add(op("pin").add("node", selected.getData().id()).add("version", pinVersion)))) {
      PageMessages.info(ui.t("editor.saved"));
    }
  }

  public void follow() {
    if (selected == null || selected.getData().item() == null) {
      PageMessages.error(ui.t("editor.chooseEntry"));
      return;
    }
    if (change(Json.createArrayBuilder().add(op("follow").add("node", selected.getData().id())))) {
      PageMessages.info(ui.t("editor.saved"));
    }
  }

  // ---- accessors ----

  public String getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getLatestRelease() {
    return latestRelease;
  }

  public int getEntries() {
    return entries;
  }

  public String getProblem() {
    return problem;
  }

  public TreeNode<NodeData> getRoot() {
    return root;
  }

  public TreeNode<NodeData> getSelected() {
    return selected;
  }

  public void setSelected(TreeNode<NodeData> selected) {
    this.selected = selected;
  }

  public NodeData getSelectedData() {
    return selected == null ? null : selected.getData();
  }

  public String getNewTitle() {
    return newTitle;
  }

  public void setNewTitle(String newTitle) {
    this.newTitle = newTitle;
  }

  public String getRenameTitle() {
    return renameTitle;
  }

  public void setRenameTitle(String renameTitle) {
    this.renameTitle = renameTitle;
  }

  public String getSearchQuery() {
    return searchQuery;
  }

  public void setSearchQuery(String searchQuery) {
    this.searchQuery = searchQuery;
  }

  public List<Candidate> getCandidates() {
    return candidates;
  }

  public Integer getPinVersion() {
    return pinVersion;
  }

  public void setPinVersion(Integer pinVersion) {
    this.pinVersion = pinVersion;
  }
}
