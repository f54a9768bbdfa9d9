package org.dars.curriculum;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dars.content.ItemId;
import org.dars.platform.DarsException;

/**
 * One edit of a draft. A request sends a list of them, applied in order and atomically: if any is
 * refused, none is kept. Parsed from JSON with every field checked, so a problem names the field
 * ({@code operations[2].parent}).
 */
public sealed interface DraftOperation {
  /** Most operations one request may carry; more is refused as a whole (413). */
  int MAX_PER_REQUEST = 5_000;

  void apply(CurriculumDocument draft, Map<ItemId, ItemState> items);

  /** The item this operation makes the draft refer to, if any: checked before anything is applied. */
  default ItemId referencedItem() {
    return null;
  }

  /** Adds a module or a lesson. */
  record AddContainer(boolean module, NodeId id, NodeId parent, Integer position, String title) implements DraftOperation {
    @Override
    public void apply(CurriculumDocument draft, Map<ItemId, ItemState> items) {
      NodeId nodeId = id != null ? id : draft.tree.freshId();
      draft.tree.add(Node.container(nodeId, module ? Node.Kind.MODULE : Node.Kind.LESSON, title), parent, position);
    }
  }

  /** Adds an entry for an item, following its latest version or pinning {@code version}. */
  record AddEntry(NodeId id, NodeId parent, Integer position, ItemId item, Integer version, String note) implements DraftOperation {
    @Override
    public void apply(CurriculumDocument draft, Map<ItemId, ItemState> items) {
      ItemState.usable(items, item, version);
      if (parent == null) {
        throw DarsException.invalid("misplaced-node", "An entry needs a 'parent' module or lesson.");
      }
      NodeId nodeId = id != null ? id : draft.tree.freshId();
      draft.tree.add(Node.entry(nodeId, item, version, null), parent, position);
      draft.tree.note(nodeId, note);
    }

    @Override
    public ItemId referencedItem() {
      return item;
    }
  }

  record Rename(NodeId node, String title) implements DraftOperation {
    @Override
    public void apply(CurriculumDocument draft, Map<ItemId, ItemState> items) {
      draft.tree.rename(node, title);
    }
  }

  /** Moves a node (with its subtree) under another parent, or to another position; parent null is the top level. */
  record Move(NodeId node, NodeId parent, Integer position) implements DraftOperation {
    @Override
    public void apply(CurriculumDocument draft, Map<ItemId, ItemState> items) {
      draft.tree.move(node, parent, position);
    }
  }

  record Remove(NodeId node) implements DraftOperation {
    @Override
    public void apply(CurriculumDocument draft, Map<ItemId, ItemState> items) {
      draft.tree.remove(node);
    }
  }

  record Pin(NodeId node, int version) implements DraftOperation {
    @Override
    public void apply(CurriculumDocument draft, Map<ItemId, ItemState> items) {
      ItemState.usable(items, draft.tree.entry(node).item, version);
      draft.tree.pin(node, version);
    }
  }

  record Follow(NodeId node) implements DraftOperation {
    @Override
    public void apply(CurriculumDocument draft, Map<ItemId, ItemState> items) {
      draft.tree.follow(node);
    }
  }

  record SetNote(NodeId node, String note) implements DraftOperation {
    @Override
    public void apply(CurriculumDocument draft, Map<ItemId, ItemState> items) {
      draft.tree.note(node, note);
    }
  }

  /** Changes the curriculum's description: the fields present replace the current ones. */
  record Describe(JsonObject patch) implements DraftOperation {
    @Override
    public void apply(CurriculumDocument draft, Map<ItemId, ItemState> items) {
      draft.info = draft.info.merge(patch);
    }
  }

  /** The operation's name as clients write it in "op". */
  static String name(DraftOperation op) {
    if (op instanceof AddContainer a) {
      return a.module() ? "addModule" : "addLesson";
    }
    String simple = op.getClass().getSimpleName();
    return simple.equals("SetNote") ? "setNote" : simple.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + simple.substring(1);
  }

  static List<DraftOperation> parse(JsonArray array) {
    if (array.size() > MAX_PER_REQUEST) {
      throw DarsException.tooLarge("One request carries at most " + MAX_PER_REQUEST + " operations, not "
          + array.size() + ". Send them in several requests, each with the ETag the previous one returned.");
    }
    if (array.isEmpty()) {
      throw DarsException.invalid("invalid-field", "'operations' is empty: send at least one operation.");
    }
    List<DraftOperation> ops = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonValue v = array.get(i);
      String at = "operations[" + i + "]";
      if (v.getValueType() != JsonValue.ValueType.OBJECT) {
        throw DarsException.invalid("invalid-field", "'" + at + "' must be an object with an 'op'.");
      }
      try {
        ops.add(parse(v.asJsonObject(), at));
      } catch (DarsException e) {
        throw Problems.atOperation(i, v.asJsonObject().getString("op", "?"), e);
      }
    }
    return ops;
  }

  private static DraftOperation parse(JsonObject o, String at) {
    String op = Json2.string(o, at + ".op");
    if (op == null) {
      throw DarsException.invalid("invalid-field", "'" + at + ".op' is missing.");
    }
    return switch (op) {
      case "addModule", "addLesson" -> new AddContainer(op.equals("addModule"), nodeId(o, "id"), nodeId(o, "parent"),
          Json2.integer(o, "position", at + ".position"), required(o, at, "title"));
      case "addEntry" -> new AddEntry(nodeId(o, "id"), nodeId(o, "parent"), Json2.integer(o, "position", at + ".position"),
          ItemId.parse(required(o, at, "item")), Json2.integer(o, "version", at + ".version"), Json2.string(o, at + ".note"));
      case "rename" -> new Rename(node(o, at), required(o, at, "title"));
      case "move" -> new Move(node(o, at), nodeId(o, "parent"), Json2.integer(o, "position", at + ".position"));
      case "remove" -> new Remove(node(o, at));
      case "pin" -> {
        Integer version = Json2.integer(o, "version", at + ".version");
        if (version == null) {
          throw DarsException.invalid("invalid-field", "'" + at + ".version' is the item version to pin.");
        }
        yield new Pin(node(o, at), version);
      }
      case "follow" -> new Follow(node(o, at));
      case "setNote" -> new SetNote(node(o, at), Json2.string(o, at + ".note"));
      case "describe" -> {
        JsonObject patch = jakarta.json.Json.createObjectBuilder(o).remove("op").build();
        CurriculumInfo.checkPatch(patch);
        yield new Describe(patch);
      }
      default -> throw DarsException.invalid("unknown-operation", "'" + Problems.abbreviate(op) + "' is not an operation."
          + " Use addModule, addLesson, addEntry, rename, move, remove, pin, follow, setNote or describe.");
    };
  }

  private static String required(JsonObject o, String at, String key) {
    String value = Json2.string(o, at + "." + key);
    if (value == null || value.isBlank()) {
      throw DarsException.invalid("invalid-field", "'" + at + "." + key + "' is required.");
    }
    return value;
  }

  private static NodeId node(JsonObject o, String at) {
    NodeId id = nodeId(o, "node");
    if (id == null) {
      throw DarsException.invalid("invalid-field", "'" + at + ".node' names the node to change.");
    }
    return id;
  }

  private static NodeId nodeId(JsonObject o, String key) {
    String value = Json2.string(o, key);
    return value == null ? null : new NodeId(value);
  }
}
