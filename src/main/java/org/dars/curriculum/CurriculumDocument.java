package org.dars.curriculum;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.dars.content.ItemId;

/**
 * A curriculum as stored: its description and its tree, as one JSON document. The draft is one
 * such document; each release is another, with every entry resolved. Documents are only ever
 * written by this class from a valid tree, so reading trusts their shape.
 */
final class CurriculumDocument {
  CurriculumInfo info;
  final CurriculumTree tree;

  CurriculumDocument(CurriculumInfo info, CurriculumTree tree) {
    this.info = info;
    this.tree = tree;
  }

  static CurriculumDocument read(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      CurriculumTree tree = new CurriculumTree();
      for (JsonValue v : o.getJsonArray("nodes")) {
        read(tree, v.asJsonObject(), null);
      }
      return new CurriculumDocument(CurriculumInfo.fromJson(o.getJsonObject("info")), tree);
    }
  }

  private static void read(CurriculumTree tree, JsonObject o, NodeId parent) {
    NodeId id = new NodeId(o.getString("id"));
    Node.Kind kind = Node.Kind.of(o.getString("kind"));
    Node n;
    if (kind == Node.Kind.ENTRY) {
      n = Node.entry(id, ItemId.parse(o.getString("item")), intOrNull(o, "pin"), o.getString("note", null));
      n.version = intOrNull(o, "version");
      n.itemTitle = o.getString("itemTitle", null);
    } else {
      n = Node.container(id, kind, o.getString("title"));
    }
    tree.add(n, parent, null);
    JsonArray children = o.getJsonArray("children");
    if (children != null) {
      for (JsonValue c : children) {
        read(tree, c.asJsonObject(), id);
      }
    }
  }

  String write() {
    StringWriter out = new StringWriter(64 + tree.size() * 120);
    try (JsonGenerator g = Json.createGenerator(out)) {
      g.writeStartObject();
      g.write("info", info.toJson());
      g.writeStartArray("nodes");
      write(g, tree.top());
      g.writeEnd();
      g.writeEnd();
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, List<Node> nodes) {
    for (Node n : nodes) {
      g.writeStartObject();
      g.write("id", n.id.value());
      g.write("kind", n.kind.json());
      if (n.isEntry()) {
        g.write("item", n.item.toString());
        writeIf(g, "pin", n.pin);
        writeIf(g, "version", n.version);
        if (n.itemTitle != null) {
          g.write("itemTitle", n.itemTitle);
        }
        if (n.note != null) {
          g.write("note", n.note);
        }
      } else {
        g.write("title", n.title);
        g.writeStartArray("children");
        write(g, n.children);
        g.writeEnd();
      }
      g.writeEnd();
    }
  }

  private static void writeIf(JsonGenerator g, String key, Integer value) {
    if (value != null) {
      g.write(key, value);
    }
  }

  private static Integer intOrNull(JsonObject o, String key) {
    return o.containsKey(key) && o.get(key).getValueType() == JsonValue.ValueType.NUMBER ? o.getInt(key) : null;
  }
}
