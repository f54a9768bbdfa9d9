package org.dars.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole life of a curriculum over HTTP: create, edit, publish 1.0, change an item, publish 1.1,
 * diff, the 1.0 pins still served, revert, withdraw, the tombstone's 410 and where used.
 */
@ExtendWith(ArquillianExtension.class)
class CurriculumLifecycleIT {
  @Deployment(testable = false)
  static WebArchive d() {
    return Deployments.dars(CurriculumFixtures.class);
  }

  @ArquillianResource URL base;

  @Test
  void curriculumLivesFromDraftThroughReleasesDiffRevertWithdrawalAndTombstone() {
    Http http = new Http(base).asAdmin();
    CurriculumFixtures f = new CurriculumFixtures(http);
    String harvest = f.item("برداشت خرما", "fa", "خرما را در مرحله رطب برداشت کنید.\n\nخوشه‌ها را با طناب پایین بیاورید.\n");
    String hygiene = f.item("النظافة في المعمل", "ar", "اغسل يديك قبل العمل.\n\nنظّف الأرضيات يومياً.\n");

    // Create, with the tree in the same request.
    JsonObject created = f.curriculum(harvest, hygiene);
    String id = created.getString("id");
    assertEquals("صنایع تبدیلی خرما", created.getJsonObject("title").getString("fa"));
    assertEquals(2, created.getInt("entries"));
    String etag = f.etag(id);

    // Edit: rename the lesson, pin the Arabic entry to version 1, add a second lesson.
    HttpResponse<String> edited = f.operations(id, etag, Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "rename").add("node", "l1").add("title", "زمان و روش برداشت"))
        .add(Json.createObjectBuilder().add("op", "pin").add("node", "e2").add("version", 1))
        .add(Json.createObjectBuilder().add("op", "addLesson").add("id", "l2").add("parent", "m1").add("title", "بهداشت کارگاه"))
        .add(Json.createObjectBuilder().add("op", "setNote").add("node", "e1").add("note", "متن اصلی درس")));
    assertEquals(200, edited.statusCode(), edited.body());
    String etag2 = edited.headers().firstValue("ETag").orElseThrow();
    assertNotEquals(etag, etag2);

    // Someone still holding the old ETag is refused, told who changed the draft and when.
    HttpResponse<String> stale = f.operations(id, etag, Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "rename").add("node", "m1").add("title", "کهنه")));
    assertEquals(412, stale.statusCode(), stale.body());
    assertEquals("admin", Http.json(stale.body()).getString("changedBy"));
    assertTrue(Http.json(stale.body()).containsKey("changedAt"));

    // Publish 1.0: the "latest" entry is resolved to version 1.
    HttpResponse<String> r10 = f.publish(id, "1.0");
    assertEquals(201, r10.statusCode(), r10.body());
    JsonObject e1in10 = entry(Http.json(r10.body()), "e1");
    assertEquals(1, e1in10.getInt("version"));
    assertEquals("latest", e1in10.getString("follows"));

    // The item changes; the draft follows it, release 1.0 does not.
    f.newVersion(harvest, "خرما را در مرحله رطب برداشت کنید.\n\nپیش از برداشت، ابزار را ضدعفونی کنید.\n\nخوشه‌ها را با طناب پایین بیاورید.\n\nسبدها را در سایه بگذارید.\n");
    String etag3 = f.etag(id);
    HttpResponse<String> moved = f.operations(id, etag3, Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "move").add("node", "e2").add("parent", "l2"))
        .add(Json.createObjectBuilder().add("op", "addModule").add("id", "m2").add("title", "بسته‌بندی")));
    assertEquals(200, moved.statusCode(), moved.body());
    HttpResponse<String> r11 = f.publish(id, "1.1");
    assertEquals(201, r11.statusCode(), r11.body());
    assertEquals(2, entry(Http.json(r11.body()), "e1").getInt("version"));
    assertEquals(1, entry(Http.json(http.get("/api/v1/curricula/" + id + "/releases/1.0").body()), "e1").getInt("version"));

    // Diff 1.0 → 1.1: the new module, the moved entry, the new item version with two more paragraphs.
    HttpResponse<String> diffResponse = http.get("/api/v1/curricula/" + id + "/diff?from=1.0&to=1.1", "Accept", "application/json");
    assertEquals(200, diffResponse.statusCode(), diffResponse.body());
    JsonObject diff = Http.json(diffResponse.body());
    assertEquals(List.of("m2"), ids(diff.getJsonObject("structure").getJsonArray("added")));
    assertEquals(List.of("e2"), ids(diff.getJsonObject("structure").getJsonArray("moved")));
    JsonObject change = diff.getJsonArray("content").getJsonObject(0);
    assertEquals("e1", change.getString("node"));
    assertEquals(1, change.getInt("fromVersion"));
    assertEquals(2, change.getInt("toVersion"));
    assertEquals(2, change.getJsonObject("text").getInt("paragraphsAdded"));
    assertEquals(0, change.getJsonObject("text").getInt("paragraphsRemoved"));
    HttpResponse<String> readable = http.get("/api/v1/curricula/" + id + "/diff?from=1.0&to=1.1", "Accept", "text/html");
    assertEquals(200, readable.statusCode());
    assertTrue(readable.body().contains("<html lang=\"fa\" dir=\"rtl\">"), readable.body());
    assertTrue(readable.body().contains("بسته‌بندی"), readable.body());

    // The 1.0 link still serves 1.0's pins, and says that 1.1 exists.
    HttpResponse<String> pinned = http.get("/p/curricula/" + id + "/r/1.0", "Accept", "application/json");
    assertEquals(200, pinned.statusCode(), pinned.body());
    assertEquals(1, entry(Http.json(pinned.body()), "e1").getInt("version"));
    assertEquals("1.1", Http.json(pinned.body()).getString("newerRelease"));
    assertEquals("1.1", Http.json(http.get("/p/curricula/" + id, "Accept", "application/json").body()).getString("version"));

    // Revert: a new draft from 1.0; the change since (the move) is gone, and the history says so.
    HttpResponse<String> reverted = http.postJson("/api/v1/curricula/" + id + "/drafts?from=1.0", "", "If-Match", f.etag(id));
    assertEquals(200, reverted.statusCode(), reverted.body());
    JsonObject draft = Http.json(reverted.body());
    assertEquals(List.of("e1", "e2"), ids(draft.getJsonArray("nodes").getJsonObject(0).getJsonArray("children").getJsonObject(0).getJsonArray("children")));
    HttpResponse<String> toDraft = http.get("/api/v1/curricula/" + id + "/diff?from=1.0&to=draft");
    assertTrue(Http.json(toDraft.body()).getJsonObject("structure").getJsonArray("moved").isEmpty(), toDraft.body());

    // Withdraw 1.1: the impact is shown first; afterwards 1.1 stays readable, and the latest link serves 1.0.
    JsonObject impact = Http.json(http.get("/api/v1/curricula/" + id + "/releases/1.1/impact").body());
    assertTrue(impact.getBoolean("servedAsLatest"));
    assertEquals("1.0", impact.getString("latestLinkMovesTo"));
    HttpResponse<String> withdrawn = http.postJson("/api/v1/curricula/" + id + "/releases/1.1/withdrawal",
        "{\"reason\": \"خطا در ترتیب درس‌ها\"}");
    assertEquals(200, withdrawn.statusCode(), withdrawn.body());
    JsonObject r11after = Http.json(http.get("/api/v1/curricula/" + id + "/releases/1.1").body());
    assertTrue(r11after.getBoolean("withdrawn"));
    assertEquals("خطا در ترتیب درس‌ها", r11after.getString("withdrawnReason"));
    assertEquals("1.0", Http.json(http.get("/p/curricula/" + id, "Accept", "application/json").body()).getString("version"));

    // Where used, with a registered course link, before the Arabic item is deleted.
    HttpResponse<String> link = http.postJson("/api/v1/items/" + hygiene + "/links",
        "{\"url\": \"https://lms.maysan.example/course/12\", \"title\": \"النظافة - الأسبوع الأول\", \"lms\": \"Moodle\"}");
    assertEquals(201, link.statusCode(), link.body());
    JsonObject usage = Http.json(http.get("/api/v1/items/" + hygiene + "/usage").body());
    List<String> uses = usage.getJsonArray("curricula").stream().map(JsonValue::asJsonObject)
        .map(u -> u.getString("release") + ":" + u.getString("follows") + ":" + u.getInt("version")).sorted().toList();
    assertEquals(List.of("1.0:exact:1", "1.1:exact:1", "draft:pinned:1"), uses);
    assertEquals("https://lms.maysan.example/course/12", usage.getJsonArray("links").getJsonObject(0).getString("url"));

    // Deleted: the link answers 410 with the tombstone; the releases that pin it still list it.
    assertEquals(200, http.delete("/api/v1/items/" + hygiene + "?reason=" + Http.q("نسخه جدید جایگزین شد")).statusCode());
    HttpResponse<String> gone = http.get("/p/items/" + hygiene, "Accept", "application/json");
    assertEquals(410, gone.statusCode(), gone.body());
    assertEquals("نسخه جدید جایگزین شد", Http.json(gone.body()).getJsonObject("tombstone").getString("reason"));
    assertEquals(3, Http.json(http.get("/api/v1/items/" + hygiene + "/usage").body()).getJsonArray("curricula").size());

    // The history records who did what, in order.
    JsonArray history = Http.jsonArray(http.get("/api/v1/curricula/" + id + "/history").body());
    assertEquals(List.of("CREATED", "DRAFT_CHANGED", "PUBLISHED", "DRAFT_CHANGED", "PUBLISHED", "REVERTED", "WITHDRAWN"),
        history.stream().map(h -> h.asJsonObject().getString("action")).toList());
    assertFalse(history.getJsonObject(1).getJsonObject("detail").getJsonArray("operations").isEmpty());
  }

  static JsonObject entry(JsonObject tree, String id) {
    JsonObject found = find(tree.getJsonArray("nodes"), id);
    if (found == null) {
      throw new AssertionError("No node " + id + " in " + tree);
    }
    return found;
  }

  private static JsonObject find(JsonArray nodes, String id) {
    for (JsonValue v : nodes) {
      JsonObject n = v.asJsonObject();
      if (n.getString("id").equals(id)) {
        return n;
      }
      if (n.containsKey("children")) {
        JsonObject inner = find(n.getJsonArray("children"), id);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  static List<String> ids(JsonArray nodes) {
    return nodes.stream().map(v -> v.asJsonObject().getString(v.asJsonObject().containsKey("node") ? "node" : "id")).toList();
  }
}
