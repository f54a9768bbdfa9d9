package org.dars.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every bad input gets a precise problem, and leaves the draft and releases as they were. */
@ExtendWith(ArquillianExtension.class)
class CurriculumBadInputIT {
  @Deployment(testable = false)
  static WebArchive d() {
    return Deployments.dars(CurriculumFixtures.class, CurriculumLifecycleIT.class);
  }

  @ArquillianResource URL base;

  private Http http;
  private CurriculumFixtures f;

  @BeforeEach
  void setUp() {
    http = new Http(base).asAdmin();
    f = new CurriculumFixtures(http);
  }

  private String sampleItem() {
    JsonObject page = Http.json(http.get("/api/v1/items?size=1").body());
    return page.getJsonArray("items").getJsonObject(0).getString("id");
  }

  private static void assertProblem(HttpResponse<String> r, int status, String type) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
    assertEquals("https://dars.example/problems/" + type, Http.json(r.body()).getString("type"), r.body());
  }

  @Test
  void releaseVersionNotGreaterThanTheLastIsRefused() {
    String id = f.curriculum(sampleItem()).getString("id");
    assertEquals(201, f.publish(id, "1.1").statusCode());
    assertProblem(f.publish(id, "1.1"), 409, "version-not-increasing");
    assertProblem(f.publish(id, "1.0"), 409, "version-not-increasing");
    assertEquals(1, Http.jsonArray(http.get("/api/v1/curricula/" + id + "/releases").body()).size());
    assertEquals(201, f.publish(id, "1.10").statusCode());
  }

  @Test
  void malformedVersionsAreRefused() {
    String id = f.curriculum(sampleItem()).getString("id");
    for (String bad : new String[] {"1", "1.0.0", "v1.0", "01.0", "۱.۰", "1.-1"}) {
      assertProblem(f.publish(id, bad), 400, "malformed-version");
    }
    assertProblem(http.get("/api/v1/curricula/" + id + "/diff?from=1.x&to=draft"), 400, "malformed-version");
    assertTrue(Http.jsonArray(http.get("/api/v1/curricula/" + id + "/releases").body()).isEmpty());
  }

  @Test
  void publishingAnEmptyCurriculumIsRefused() {
    String body = "{\"title\": {\"ar\": \"الري بالتنقيط\"}, \"language\": \"ar\"}";
    String id = Http.json(http.postJson("/api/v1/curricula", body).body()).getString("id");
    assertProblem(f.publish(id, "1.0"), 422, "empty-curriculum");
    assertTrue(Http.jsonArray(http.get("/api/v1/curricula/" + id + "/releases").body()).isEmpty());
  }

  @Test
  void entriesForUnknownOrDeletedItemsAreRefusedAndPublishingADraftWithOneIsToo() {
    String item = f.item("آبیاری قطره‌ای", "fa", "لوله‌ها را هر هفته بازدید کنید.\n");
    String id = f.curriculum(item).getString("id");
    String etag = f.etag(id);
    assertProblem(f.operations(id, etag, Json.createArrayBuilder().add(entry("x1", "00000000-0000-4000-8000-000000000000"))),
        422, "unknown-item");
    assertEquals(200, http.delete("/api/v1/items/" + item + "?reason=" + Http.q("تکراری")).statusCode());
    assertProblem(f.operations(id, etag, Json.createArrayBuilder().add(entry("x1", item))), 422, "deleted-item");
    assertProblem(f.publish(id, "1.0"), 422, "dangling-entries");
    assertEquals(etag, f.etag(id));
  }

  @Test
  void movingANodeUnderItselfIsRefusedAndChangesNothing() {
    String id = f.curriculum(sampleItem()).getString("id");
    String etag = f.etag(id);
    HttpResponse<String> r = f.operations(id, etag, Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "addModule").add("id", "m1-sub").add("parent", "m1").add("title", "زیر بخش"))
        .add(Json.createObjectBuilder().add("op", "move").add("node", "m1").add("parent", "m1-sub")));
    assertProblem(r, 422, "move-into-itself");
    assertEquals(1, Http.json(r.body()).getInt("operation"));
    assertProblem(f.operations(id, etag, Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "move").add("node", "m1").add("parent", "m1"))), 422, "move-into-itself");
    JsonObject draft = Http.json(http.get("/api/v1/curricula/" + id).body());
    assertEquals(1, draft.getJsonArray("nodes").size());
    assertEquals(1, draft.getJsonArray("nodes").getJsonObject(0).getJsonArray("children").size(), "m1-sub was not kept");
    assertEquals(etag, f.etag(id));
  }

  @Test
  void staleOrMissingIfMatchIsRefusedWithWhoChangedItAndWhen() {
    String id = f.curriculum(sampleItem()).getString("id");
    String old = f.etag(id);
    JsonArrayBuilder rename = Json.createArrayBuilder().add(Json.createObjectBuilder().add("op", "rename").add("node", "m1").add("title", "ماژول یک"));
    assertEquals(200, f.operations(id, old, rename).statusCode());
    HttpResponse<String> stale = f.operations(id, old, Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "rename").add("node", "m1").add("title", "ماژول دو")));
    assertProblem(stale, 412, "stale-draft");
    assertEquals(f.etag(id), Http.json(stale.body()).getString("etag"));
    assertProblem(f.operations(id, null, Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "rename").add("node", "m1").add("title", "ماژول سه"))), 428, "if-match-required");
    assertEquals("ماژول یک", Http.json(http.get("/api/v1/curricula/" + id).body()).getJsonArray("nodes").getJsonObject(0).getString("title"));
  }

  @Test
  void tenThousandEntriesInOneRequestAreRefusedAsTooLarge() {
    String item = sampleItem();
    String id = f.curriculum(item).getString("id");
    String etag = f.etag(id);
    JsonArrayBuilder ops = Json.createArrayBuilder();
    for (int i = 0; i < 10_000; i++) {
      ops.add(entry("bulk-" + i, item));
    }
    assertProblem(f.operations(id, etag, ops), 413, "payload-too-large");
    assertEquals(etag, f.etag(id));
  }

  @Test
  void duplicateNodeIdsAndTooDeepTreesAreRefused() {
    String id = f.curriculum(sampleItem()).getString("id");
    String etag = f.etag(id);
    assertProblem(f.operations(id, etag, Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "addLesson").add("id", "l1").add("parent", "m1").add("title", "تکراری"))),
        422, "duplicate-node-id");
    JsonArrayBuilder deep = Json.createArrayBuilder();
    String parent = "m1";
    for (int i = 0; i < 6; i++) {
      deep.add(Json.createObjectBuilder().add("op", "addModule").add("id", "d" + i).add("parent", parent).add("title", "سطح " + i));
      parent = "d" + i;
    }
    assertProblem(f.operations(id, etag, deep), 422, "too-deep");
    assertEquals(etag, f.etag(id));
  }

  @Test
  void malformedIdsAndUnknownCurriculaAreProblemsNotBare404s() {
    assertProblem(http.get("/api/v1/curricula/not-a-uuid"), 400, "malformed-curriculum-id");
    assertProblem(http.get("/api/v1/curricula/00000000-0000-4000-8000-000000000000"), 404, "unknown-curriculum");
    assertProblem(http.postJson("/api/v1/curricula", "{\"title\": {\"fa\": \"درس\"}"), 400, "malformed-json");
    assertProblem(http.postJson("/api/v1/curricula", "{\"title\": {\"fa\": \"درس\"}, \"language\": \"fa\", \"colour\": 1}"), 422, "invalid-curriculum");
  }

  private static JsonObject entry(String id, String item) {
    return Json.createObjectBuilder().add("op", "addEntry").add("id", id).add("parent", "l1").add("item", item).build();
  }
}
