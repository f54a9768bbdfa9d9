package org.dars.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The item API as clients use it: upload, extraction, download, versions, metadata, deletion. */
@ExtendWith(ArquillianExtension.class)
class ItemApiIT {
  static final Path SAMPLES = Path.of(System.getProperty("dars.samples", "content-samples"));

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;

  private Http http() {
    return new Http(base).asAdmin();
  }

  private JsonObject awaitSettled(Http http, String id) {
    return http.await("api/v1/items/" + id, o -> !o.getString("status").equals("PROCESSING"), Duration.ofSeconds(120));
  }

  @Test
  void uploadsPersianWordFileAndFindsItsText() throws Exception {
    Http http = http();
    Path docx = SAMPLES.resolve("items/date-harvest.fa.docx");
    HttpResponse<String> created = http.upload("api/v1/items", docx,
        "{\"title\": \"برداشت خرما — آزمون بارگذاری\", \"language\": [\"fa\"], \"subjects\": [\"صنایع تبدیلی خرما\"], \"license\": \"CC-BY-4.0\"}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject item = Http.json(created.body());
    String id = item.getString("id");
    assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/items/" + id));
    assertEquals(1, item.getInt("version"));
    assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", item.getString("mediaType"));
    assertEquals(sha256(Files.readAllBytes(docx)), item.getString("sha256"));
    assertEquals(Files.size(docx), item.getJsonNumber("size").longValue());

    JsonObject ready = awaitSettled(http, id);
    assertEquals("READY", ready.getString("status"), ready.toString());
    assertEquals("fa", ready.getString("detectedLanguage"));

    HttpResponse<String> text = http.get("api/v1/items/" + id + "/text");
    assertEquals(200, text.statusCode());
    assertTrue(text.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    assertTrue(text.body().contains("خرما"), text.body());

    JsonObject found = http.await("api/v1/search?q=" + Http.q("آزمون بارگذاری"),
        o -> o.getJsonArray("hits").stream().anyMatch(h -> h.asJsonObject().getString("id").equals(id)), Duration.ofSeconds(10));
    assertTrue(found.getJsonNumber("total").longValue() >= 1);
  }

  @Test
  void servesTheBytesWithEtagRangeAndOriginalName() throws Exception {
    Http http = http();
    byte[] pdf = Files.readAllBytes(SAMPLES.resolve("items/date-quality-control.ar.pdf"));
    String id = Http.json(http.upload("api/v1/items", "مراقبة الجودة.pdf", pdf, null).body()).getString("id");

    HttpResponse<byte[]> full = http.getBytes("api/v1/items/" + id + "/content");
    assertEquals(200, full.statusCode());
    assertArrayEquals(pdf, full.body());
    String etag = full.headers().firstValue("ETag").orElseThrow();
    assertEquals("\"" + sha256(pdf) + "\"", etag);
    assertEquals("nosniff", full.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertEquals("application/pdf", full.headers().firstValue("Content-Type").orElseThrow());
    String disposition = full.headers().firstValue("Content-Disposition").orElseThrow();
    assertTrue(disposition.contains("filename*=UTF-8''%D9%85%D8%B1%D8%A7%D9%82%D8%A8%D8%A9%20%D8%A7%D9%84%D8%AC%D9%88%D8%AF%D8%A9.pdf"), disposition);

    assertEquals(304, http.getBytes("api/v1/items/" + id + "/content", "If-None-Match", etag).statusCode());

    HttpResponse<byte[]> part = http.getBytes("api/v1/items/" + id + "/content", "Range", "bytes=100-199");
    assertEquals(206, part.statusCode());
    assertEquals("bytes 100-199/" + pdf.length, part.headers().firstValue("Content-Range").orElseThrow());
    assertArrayEquals(Arrays.copyOfRange(pdf, 100, 200), part.body());

    HttpResponse<byte[]> tail = http.getBytes("api/v1/items/" + id + "/versions/1/content", "Range", "bytes=-10");
    assertEquals(206, tail.statusCode());
    assertArrayEquals(Arrays.copyOfRange(pdf, pdf.length - 10, pdf.length), tail.body());

    HttpResponse<byte[]> outside = http.getBytes("api/v1/items/" + id + "/content", "Range", "bytes=" + pdf.length + "-");
    assertEquals(416, outside.statusCode());
  }

  @Test
  void newVersionKeepsTheOldOneDownloadable() throws Exception {
    Http http = http();
    byte[] v1 = "نسخه نخست راهنمای آبیاری قطره‌ای".getBytes(StandardCharsets.UTF_8);
    byte[] v2 = "نسخه دوم راهنمای آبیاری قطره‌ای با جدول فشار".getBytes(StandardCharsets.UTF_8);
    String id = Http.json(http.upload("api/v1/items", "راهنما.txt", v1, "{\"title\": \"راهنمای آبیاری\"}").body()).getString("id");

    HttpResponse<String> second = http.upload("api/v1/items/" + id + "/versions", "راهنما-۲.txt", v2, null);
    assertEquals(201, second.statusCode(), second.body());
    assertEquals(2, Http.json(second.body()).getInt("version"));
    assertTrue(second.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/items/" + id + "/versions/2"));

    assertEquals(2, Http.json(http.get("api/v1/items/" + id).body()).getInt("version"));
    assertArrayEquals(v1, http.getBytes("api/v1/items/" + id + "/versions/1/content").body());
    assertArrayEquals(v2, http.getBytes("api/v1/items/" + id + "/content").body());
    assertEquals(2, Http.jsonArray(http.get("api/v1/items/" + id + "/versions").body()).size());
    assertEquals("راهنما.txt", Http.json(http.get("api/v1/items/" + id + "/versions/1").body()).getString("fileName"));
    assertProblem(http.get("api/v1/items/" + id + "/versions/3"), 404, "unknown-version");
  }

  @Test
  void metadataChangesAreRecordedWithWhoAndWhat() {
    Http http = http();
    String id = Http.json(http.upload("api/v1/items", "بهداشت.txt",
        "اصول بهداشت در کارگاه بسته‌بندی خرما".getBytes(StandardCharsets.UTF_8), "{\"title\": \"بهداشت کارگاه\"}").body()).getString("id");

    HttpResponse<String> patched = http.patch("api/v1/items/" + id, "application/merge-patch+json",
        "{\"title\": \"بهداشت کارگاه خرما\", \"level\": \"beginner\", \"tags\": [\"بهداشت\", \"HACCP\"]}");
    assertEquals(200, patched.statusCode(), patched.body());
    JsonObject view = Http.json(patched.body());
    assertEquals("بهداشت کارگاه خرما", view.getString("title"));
    assertEquals("beginner", view.getString("level"));

    var history = Http.jsonArray(http.get("api/v1/items/" + id + "/history").body());
    assertEquals(2, history.size());
    JsonObject change = history.getJsonObject(1);
    assertEquals("METADATA_CHANGED", change.getString("action"));
    assertNotNull(change.getString("actor"));
    assertTrue(change.getString("detail").contains("بهداشت کارگاه خرما"));

    assertProblem(http.patch("api/v1/items/" + id, "application/merge-patch+json", "{\"title\": null}"), 400, "missing-title");
  }

  @Test
  void deletedItemLeavesATombstone() {
    Http http = http();
    String id = Http.json(http.upload("api/v1/items", "قديم.txt",
        "دليل قديم للري بالتنقيط".getBytes(StandardCharsets.UTF_8), "{\"title\": \"دليل الري القديم\"}").body()).getString("id");
    HttpResponse<String> deleted = http.delete("api/v1/items/" + id + "?reason=" + Http.q("استبدل بدليل أحدث"));
    assertEquals(200, deleted.statusCode(), deleted.body());

    HttpResponse<String> gone = http.get("api/v1/items/" + id);
    JsonObject problem = assertProblem(gone, 410, "item-deleted");
    JsonObject tombstone = problem.getJsonObject("tombstone");
    assertEquals("دليل الري القديم", tombstone.getString("title"));
    assertEquals("استبدل بدليل أحدث", tombstone.getString("reason"));
    assertEquals(410, http.getBytes("api/v1/items/" + id + "/content").statusCode());
    assertFalse(Http.json(http.get("api/v1/items?size=100").body()).getJsonArray("items").stream()
        .anyMatch(i -> i.asJsonObject().getString("id").equals(id)));
  }

  @Test
  void listsNewestFirstWithPaging() {
    Http http = http();
    String first = Http.json(http.upload("api/v1/items", "a.txt", "الدرس الأول".getBytes(StandardCharsets.UTF_8), null).body()).getString("id");
    String second = Http.json(http.upload("api/v1/items", "b.txt", "الدرس الثاني".getBytes(StandardCharsets.UTF_8), null).body()).getString("id");
    JsonObject page = Http.json(http.get("api/v1/items?page=0&size=2").body());
    assertEquals(second, page.getJsonArray("items").getJsonObject(0).getString("id"));
    assertEquals(first, page.getJsonArray("items").getJsonObject(1).getString("id"));
    assertTrue(page.getJsonNumber("total").longValue() >= 2);
    assertProblem(http.get("api/v1/items?size=0"), 400, "invalid-parameter");
    assertProblem(http.get("api/v1/items?page=-1"), 400, "invalid-parameter");
  }

  @Test
  void verifiesTheDigestTheClientSends() {
    Http http = http();
    byte[] content = "آموزش‌های عملی نگهداری خرما".getBytes(StandardCharsets.UTF_8);
    String good = "sha-256=:" + Base64.getEncoder().encodeToString(digest("SHA-256", content)) + ":";
    assertEquals(201, http.upload("api/v1/items", "x.txt", content, null, "Repr-Digest", good).statusCode());
    String md5 = Base64.getEncoder().encodeToString(digest("MD5", content));
    assertEquals(201, http.upload("api/v1/items", "x.txt", content, null, "Content-MD5", md5).statusCode());
    String bad = "sha-256=:" + Base64.getEncoder().encodeToString(digest("SHA-256", "متن دیگری".getBytes(StandardCharsets.UTF_8))) + ":";
    assertProblem(http.upload("api/v1/items", "x.txt", content, null, "Repr-Digest", bad), 400, "digest-mismatch");
  }

  @Test
  void activeContentIsAlwaysAnAttachment() {
    Http http = http();
    byte[] html = "<html><body><script>alert('x')</script><p>سلام</p></body></html>".getBytes(StandardCharsets.UTF_8);
    String id = Http.json(http.upload("api/v1/items", "صفحه.html", html, null).body()).getString("id");
    HttpResponse<byte[]> r = http.getBytes("api/v1/items/" + id + "/content");
    assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
    assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElseThrow().contains("sandbox"));
  }

  @Test
  void unknownAndMalformedIdsAreProblems() {
    Http http = http();
    assertProblem(http.get("api/v1/items/not-a-uuid"), 400, "malformed-item-id");
    assertProblem(http.get("api/v1/items/3f2b8c1e-5d4a-4e7b-9c0d-1a2b3c4d5e6f"), 404, "unknown-item");
    assertProblem(http.get("api/v1/items/3f2b8c1e-5d4a-4e7b-9c0d-1a2b3c4d5e6f/versions/abc"), 400, "invalid-parameter");
    HttpResponse<String> nowhere = http.get("api/v1/nowhere");
    assertEquals(404, nowhere.statusCode());
    assertTrue(nowhere.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
  }

  static JsonObject assertProblem(HttpResponse<String> response, int status, String type) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        "problem+json expected, got " + response.headers().firstValue("Content-Type"));
    JsonObject problem = Http.json(response.body());
    assertEquals(status, problem.getInt("status"));
    if (!type.isEmpty()) {
      assertTrue(problem.getString("type").endsWith("/" + type), problem.toString());
    }
    assertFalse(problem.getString("detail").isBlank());
    return problem;
  }

  static String sha256(byte[] content) {
    return HexFormat.of().formatHex(digest("SHA-256", content));
  }

  static byte[] digest(String algorithm, byte[] content) {
    try {
      return MessageDigest.getInstance(algorithm).digest(content);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
