package org.dars.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.dars.Http;

/** Items and curricula made over HTTP for the curriculum tests, each test with its own. */
final class CurriculumFixtures {
  private final Http http;

  CurriculumFixtures(Http http) {
    this.http = http;
  }

  /** Uploads a Persian or Arabic text item and waits until its text is extracted. */
  String item(String title, String language, String text) {
    String meta = Json.createObjectBuilder().add("title", title)
        .add("language", Json.createArrayBuilder().add(language)).build().toString();
    HttpResponse<String> r = http.upload("/api/v1/items", "lesson.txt", text.getBytes(StandardCharsets.UTF_8), meta);
    assertEquals(201, r.statusCode(), r.body());
    String id = Http.json(r.body()).getString("id");
    http.await("/api/v1/items/" + id, o -> o.getString("status").equals("READY"), Duration.ofSeconds(60));
    return id;
  }

  void newVersion(String item, String text) {
    HttpResponse<String> r = http.upload("/api/v1/items/" + item + "/versions", "lesson.txt",
        text.getBytes(StandardCharsets.UTF_8), null);
    assertEquals(201, r.statusCode(), r.body());
    int version = Http.json(r.body()).getInt("version");
    http.await("/api/v1/items/" + item + "/versions/" + version, o -> o.getString("status").equals("READY"), Duration.ofSeconds(60));
  }

  /** A Persian curriculum with one module, one lesson and entries for the given items. */
  JsonObject curriculum(String... items) {
    JsonArrayBuilder ops = Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "addModule").add("id", "m1").add("title", "برداشت و درجه‌بندی"))
        .add(Json.createObjectBuilder().add("op", "addLesson").add("id", "l1").add("parent", "m1").add("title", "زمان برداشت"));
    for (int i = 0; i < items.length; i++) {
      ops.add(Json.createObjectBuilder().add("op", "addEntry").add("id", "e" + (i + 1)).add("parent", "l1").add("item", items[i]));
    }
    String body = Json.createObjectBuilder()
        .add("title", Json.createObjectBuilder().add("fa", "صنایع تبدیلی خرما").add("ar", "تصنيع التمور").add("en", "Date processing"))
        .add("description", "دوره مهارتی فرآوری خرما")
        .add("language", "fa").add("subject", "7512").add("level", "beginner")
        .add("organisation", "khuzestan-tvto").add("license", "CC-BY-4.0")
        .add("operations", ops).build().toString();
    HttpResponse<String> r = http.postJson("/api/v1/curricula", body);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r.body());
  }

  HttpResponse<String> operations(String curriculum, String etag, JsonArrayBuilder ops) {
    String body = Json.createObjectBuilder().add("operations", ops).build().toString();
    return etag == null
        ? http.postJson("/api/v1/curricula/" + curriculum + "/draft/operations", body)
        : http.postJson("/api/v1/curricula/" + curriculum + "/draft/operations", body, "If-Match", etag);
  }

  HttpResponse<String> publish(String curriculum, String version) {
    return http.postJson("/api/v1/curricula/" + curriculum + "/releases",
        Json.createObjectBuilder().add("version", version).add("notes", "انتشار " + version).build().toString());
  }

  String etag(String curriculum) {
    return http.get("/api/v1/curricula/" + curriculum).headers().firstValue("ETag").orElseThrow();
  }

  static JsonObject op(String op) {
    return Json.createObjectBuilder().add("op", op).build();
  }
}
