package org.dars.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real instances: A (Khuzestan) is the Arquillian server, B (Maysan) a second WildFly started
 * by {@link SecondInstance} with its own ports, data directory and database. B pulls A's releases
 * through a proxy that drops the first package download halfway.
 */
@ExtendWith(ArquillianExtension.class)
class SharingIT {
  private static final String PERSIAN_V1 = "خرما را در مرحله رطب برداشت کنید.\n\nخوشه‌ها را با طناب پایین بیاورید.\n\nواژه آزمون: نخلستانکاری\n";
  private static final String PERSIAN_V2 = PERSIAN_V1 + "\nپیش از برداشت، ابزار را ضدعفونی کنید.\n";
  private static final String ARABIC = "اغسل يديك قبل العمل في معمل التمور.\n\nنظّف الأرضيات يومياً.\n\nكلمة الاختبار: التعبئةالميسانية\n";

  @Deployment(testable = false)
  static WebArchive d() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;
  @TempDir Path tmp;

  private static SecondInstance b;

  @AfterAll
  static void stopSecondInstance() {
    if (b != null) {
      b.close();
    }
  }

  @Test
  void releasesTravelFromKhuzestanToMaysanCompleteVerifiedAndSearchable() throws Exception {
    Http a = new Http(base).asAdmin();
    b = SecondInstance.start("Maysan-TVET");
    // B was started without an administrator password: it generated one and printed it once.
    assertEquals(1, b.generatedPasswordLines(), "the generated password is printed exactly once");
    Http bh = b.admin();
    assertEquals(401, new Http(b.base).as(Http.ADMIN, Http.ADMIN_PASSWORD).get("/api/v1/me").statusCode(),
        "no fixed default password");
    JsonObject idA = Http.json(a.get("/api/v1/instance").body());
    JsonObject idB = Http.json(bh.get("/api/v1/instance").body());

    // Trust both ways: A registers B and issues it a token; B registers A, through the dropping proxy.
    assertEquals(201, a.postJson("/api/v1/partners", partner(idB, null, null)).statusCode());
    String token = Http.json(a.post("/api/v1/partners/" + idB.getString("instanceId") + "/tokens", null, new byte[0]).body()).getString("token");
    URI aUri = URI.create(base.toString());
    try (DroppingProxy proxy = new DroppingProxy(aUri.getHost(), aUri.getPort())) {
      HttpResponse<String> reg = bh.postJson("/api/v1/partners", partner(idA, "http://127.0.0.1:" + proxy.port() + "/", token));
      assertEquals(201, reg.statusCode(), reg.body());
      String partnerA = idA.getString("instanceId");

      // Without the token, A's release list is closed: to strangers, and to people who are not partner instances.
      assertEquals(401, a.anonymous().get("/api/v1/sharing/releases").statusCode());
      assertEquals(403, a.get("/api/v1/sharing/releases").statusCode());

      // 1. A publishes 1.0: a Persian text, an Arabic text and a 6 MB video-sized file.
      String fa = item(a, "برداشت خرما در نخلستان", "fa", "lesson.fa.txt", PERSIAN_V1.getBytes(StandardCharsets.UTF_8));
      String ar = item(a, "النظافة في معمل التمور", "ar", "lesson.ar.txt", ARABIC.getBytes(StandardCharsets.UTF_8));
      byte[] big = new byte[6 << 20];
      new Random(5).nextBytes(big);
      String video = item(a, "فیلم برداشت", "fa", "harvest.bin", big);
      String curriculum = curriculum(a, fa, ar, video);
      assertEquals(201, a.postJson("/api/v1/curricula/" + curriculum + "/releases",
          "{\"version\":\"1.0\",\"notes\":\"نخستین انتشار\"}").statusCode());

      // 5. The pull is cut halfway through the package and resumes with Range.
      proxy.cutAfter = 3 << 20;
      proxy.armed.set(true);
      JsonObject sync = Http.json(bh.post("/api/v1/partners/" + partnerA + "/sync", null, new byte[0]).body());
      assertEquals("ok", sync.getString("outcome"), sync.toString());
      assertEquals(1, proxy.cuts.get(), "the link was cut once");
      assertTrue(sync.getInt("resumes") >= 1, sync.toString());
      assertEquals("imported", sync.getJsonArray("imports").getJsonObject(0).getString("outcome"));
      JsonObject status = Http.json(bh.get("/api/v1/partners/" + partnerA + "/sync").body());
      assertNotNull(status.get("lastSuccess"));
      assertTrue(status.getJsonNumber("bytesTransferred").longValue() > big.length);

      // B has the curriculum as a read-only upstream copy, marked with its origin, ids and numbers kept.
      JsonObject copy = Http.json(bh.get("/api/v1/curricula/" + curriculum).body());
      assertEquals(idA.getString("organisation"), copy.getJsonObject("origin").getString("organisation"));
      assertEquals("1.0", copy.getString("latestRelease"));
      HttpResponse<String> edit = bh.postJson("/api/v1/curricula/" + curriculum + "/draft/operations",
          "{\"operations\":[{\"op\":\"rename\",\"node\":\"m1\",\"title\":\"x\"}]}", "If-Match", copy.getString("etag"));
      assertEquals(409, edit.statusCode(), edit.body());
      // Its items too: marked with their origin, and read-only.
      assertEquals(idA.getString("organisation"), Http.json(bh.get("/api/v1/items/" + fa).body()).getString("origin"));
      HttpResponse<String> patch = bh.patch("/api/v1/items/" + fa, "application/merge-patch+json", "{\"title\": \"x\"}");
      assertEquals(409, patch.statusCode(), patch.body());
      assertTrue(patch.body().contains("upstream-read-only"), patch.body());

      // The bytes on both sides have identical digests.
      for (String item : List.of(fa, ar, video)) {
        assertEquals(sha256(a.getBytes("/api/v1/items/" + item + "/content").body()),
            sha256(bh.getBytes("/api/v1/items/" + item + "/content").body()));
      }
      // B's Persian and Arabic search finds the imported content.
      bh.await("/api/v1/items/" + fa, o -> o.getString("status").equals("READY"), Duration.ofSeconds(90));
      bh.await("/api/v1/items/" + ar, o -> o.getString("status").equals("READY"), Duration.ofSeconds(90));
      // Their hits, and the curriculum's, carry A's origin; on A, where they are local, none do.
      assertOrigin(idA, hit(bh, "hits", "نخلستانکاری", fa));
      assertOrigin(idA, hit(bh, "hits", "التعبئةالميسانية", ar));
      assertOrigin(idA, hit(bh, "curricula", "صنایع تبدیلی خرما", curriculum));
      assertTrue(absent(hit(a, "hits", "نخلستانکاری", fa).get("origin")));
      assertTrue(absent(hit(a, "curricula", "صناعة التمور", curriculum).get("origin")));
      // The search page says so too, in Persian and Arabic.
      String marker = "data-origin=\"" + idA.getString("instanceId") + "\"";
      String pageFa = bh.get("/search.xhtml?ui=fa&q=" + Http.q("نخلستانکاری")).body();
      assertTrue(pageFa.contains(marker) && pageFa.contains("دریافت‌شده از"), pageFa);
      assertTrue(bh.get("/search.xhtml?ui=ar&q=" + Http.q("التعبئةالميسانية")).body().contains("منقول من"));
      assertFalse(a.get("/search.xhtml?ui=fa&q=" + Http.q("نخلستانکاری")).body().contains("data-origin"));

      // 2. A publishes 1.1 with one changed item; the delta is much smaller than the full package.
      HttpResponse<String> v2 = a.upload("/api/v1/items/" + fa + "/versions", "lesson.fa.txt", PERSIAN_V2.getBytes(StandardCharsets.UTF_8), null);
      assertEquals(201, v2.statusCode(), v2.body());
      a.await("/api/v1/items/" + fa + "/versions/2", o -> o.getString("status").equals("READY"), Duration.ofSeconds(60));
      assertEquals(201, a.postJson("/api/v1/curricula/" + curriculum + "/releases", "{\"version\":\"1.1\",\"notes\":\"اصلاح متن\"}").statusCode());
      byte[] full = a.getBytes("/api/v1/curricula/" + curriculum + "/releases/1.1/package").body();
      byte[] delta = a.getBytes("/api/v1/curricula/" + curriculum + "/releases/1.1/package?since=1.0").body();
      assertTrue(delta.length * 20 < full.length, "delta " + delta.length + " vs full " + full.length);

      JsonObject sync2 = Http.json(bh.post("/api/v1/partners/" + partnerA + "/sync", null, new byte[0]).body());
      assertEquals("ok", sync2.getString("outcome"), sync2.toString());
      JsonObject imported = sync2.getJsonArray("imports").getJsonObject(0);
      assertEquals("1.0", imported.getString("since"));
      assertTrue(sync2.getJsonNumber("bytesTransferred").longValue() < big.length, sync2.toString());
      bh.await("/api/v1/items/" + fa + "/versions/2", o -> o.getString("status").equals("READY"), Duration.ofSeconds(90));
      JsonObject diffA = Http.json(a.get("/api/v1/curricula/" + curriculum + "/diff?from=1.0&to=1.1", "Accept", "application/json").body());
      JsonObject diffB = Http.json(bh.get("/api/v1/curricula/" + curriculum + "/diff?from=1.0&to=1.1", "Accept", "application/json").body());
      assertEquals(diffA.get("structure"), diffB.get("structure"));
      assertEquals(diffA.get("content"), diffB.get("content"));
      assertEquals(diffA.get("readable"), diffB.get("readable"));

      // Importing the same package again changes nothing, and says so.
      HttpResponse<String> again = bh.post("/api/v1/imports", "application/zip", full);
      assertEquals(200, again.statusCode(), again.body());
      assertEquals("unchanged", Http.json(again.body()).getString("outcome"));

      // 3. Refusals, on a release B does not have yet: nothing of it becomes visible.
      String other = item(a, "بسته‌بندی خرما", "fa", "packing.fa.txt", "خرما را در جعبه‌های مقوایی بسته‌بندی کنید.\n".getBytes(StandardCharsets.UTF_8));
      String c2 = curriculumOf(a, other);
      assertEquals(201, a.postJson("/api/v1/curricula/" + c2 + "/releases", "{\"version\":\"1.0\"}").statusCode());
      byte[] pkg = a.getBytes("/api/v1/curricula/" + c2 + "/releases/1.0/package").body();

      byte[] flipped = pkg.clone();
      int at = indexOf(flipped, "جعبه".getBytes(StandardCharsets.UTF_8));
      flipped[at] ^= 0x01;
      refusedOn(bh, flipped, "package-digest-mismatch");
      refusedOn(bh, replace(pkg, "manifest.json.sig", java.util.Base64.getEncoder().encode(new byte[64])), "package-bad-signature");
      refusedOn(bh, withExtraEntry(pkg, "../../x"), "package-unsafe-entry-name");
      TestPackages foreign = new TestPackages(tmp);
      var sha = foreign.blob("متن".getBytes(StandardCharsets.UTF_8));
      refusedOn(bh, foreign.write(foreign.manifest(Map.of(sha, 6L), null, List.of())), "package-unknown-partner");
      assertEquals(404, bh.get("/api/v1/curricula/" + c2).statusCode());
      assertEquals(404, bh.get("/api/v1/items/" + other).statusCode());

      // 4. A zip bomb and 50 MB of junk as manifest are refused within limits.
      long t0 = System.nanoTime();
      refusedOn(bh, junkManifest(), "package-manifest-too-large");
      refusedOn(bh, bomb(pkg), "package-blob-too-large");
      assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "refused within 30 s");

      // The untampered package can simply be imported afterwards: refusals left nothing behind.
      HttpResponse<String> ok = bh.post("/api/v1/imports", "application/zip", pkg);
      assertEquals(200, ok.statusCode(), ok.body());
      assertEquals("imported", Http.json(ok.body()).getString("outcome"));
      assertEquals(200, bh.get("/api/v1/items/" + other).statusCode());

      // Adoption: a local curriculum from upstream 1.0, which then sees the diff to 1.1.
      HttpResponse<String> adopted = bh.post("/api/v1/curricula/" + curriculum + "/releases/1.0/adoptions", null, new byte[0]);
      assertEquals(201, adopted.statusCode(), adopted.body());
      JsonObject adoption = Http.json(adopted.body());
      assertEquals("1.1", adoption.getString("latestUpstreamRelease"));
      assertEquals(diffB.get("content"), adoption.getJsonObject("upstreamChanges").get("content"));
      String local = adoption.getString("curriculum");
      JsonObject localView = Http.json(bh.get("/api/v1/curricula/" + local).body());
      assertTrue(absent(localView.get("origin")), localView.toString());
      assertTrue(absent(hit(bh, "curricula", "صنایع تبدیلی خرما", local).get("origin")), "the adopted curriculum is local");
      HttpResponse<String> taken = bh.post("/api/v1/curricula/" + local + "/adoption?take=1.1", null, new byte[0]);
      assertEquals(200, taken.statusCode(), taken.body());
      assertTrue(absent(Http.json(taken.body()).get("upstreamChanges")), taken.body());
    }
  }

  private static boolean absent(JsonValue v) {
    return v == null || v == JsonValue.NULL;
  }

  private static void refusedOn(Http http, byte[] pkg, String type) {
    HttpResponse<String> r = http.post("/api/v1/imports", "application/zip", pkg);
    assertEquals(422, r.statusCode(), r.body());
    assertTrue(Http.json(r.body()).getString("type").endsWith("/" + type), r.body());
  }

  private static String partner(JsonObject identity, String baseUrl, String token) {
    var b = Json.createObjectBuilder().add("instanceId", identity.getString("instanceId"))
        .add("name", identity.getString("organisation")).add("publicKey", identity.getString("publicKey"));
    if (baseUrl != null) {
      b.add("baseUrl", baseUrl).add("token", token);
    }
    return b.build().toString();
  }

  private static String item(Http http, String title, String language, String fileName, byte[] content) {
    String meta = Json.createObjectBuilder().add("title", title).add("language", Json.createArrayBuilder().add(language))
        .add("organisation", "khuzestan-tvto").build().toString();
    HttpResponse<String> r = http.upload("/api/v1/items", fileName, content, meta);
    assertEquals(201, r.statusCode(), r.body());
    String id = Http.json(r.body()).getString("id");
    http.await("/api/v1/items/" + id, o -> !o.getString("status").equals("PROCESSING"), Duration.ofSeconds(60));
    return id;
  }

  private static String curriculum(Http http, String fa, String ar, String video) {
    JsonArrayBuilder ops = Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "addModule").add("id", "m1").add("title", "برداشت"))
        .add(Json.createObjectBuilder().add("op", "addLesson").add("id", "l1").add("parent", "m1").add("title", "زمان برداشت"))
        .add(Json.createObjectBuilder().add("op", "addEntry").add("id", "e1").add("parent", "l1").add("item", fa))
        .add(Json.createObjectBuilder().add("op", "addEntry").add("id", "e2").add("parent", "l1").add("item", ar))
        .add(Json.createObjectBuilder().add("op", "addEntry").add("id", "e3").add("parent", "l1").add("item", video));
    return create(http, ops);
  }

  private static String curriculumOf(Http http, String item) {
    return create(http, Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("op", "addLesson").add("id", "l1").add("title", "بسته‌بندی"))
        .add(Json.createObjectBuilder().add("op", "addEntry").add("id", "e1").add("parent", "l1").add("item", item)));
  }

  private static String create(Http http, JsonArrayBuilder ops) {
    String body = Json.createObjectBuilder().add("title", Json.createObjectBuilder().add("fa", "صنایع تبدیلی خرما").add("ar", "صناعة التمور"))
        .add("language", "fa").add("visibility", "partners").add("operations", ops).build().toString();
    HttpResponse<String> r = http.postJson("/api/v1/curricula", body);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r.body()).getString("id");
  }

  /** The entry for {@code id} in the search results' {@code list} ("hits" or "curricula") for {@code q}, once indexed. */
  private static JsonObject hit(Http http, String list, String q, String id) {
    JsonObject r = http.await("/api/v1/search?q=" + Http.q(q),
        o -> o.getJsonArray(list).stream().anyMatch(h -> h.asJsonObject().getString("id").equals(id)), Duration.ofSeconds(60));
    return r.getJsonArray(list).stream().map(JsonValue::asJsonObject).filter(h -> h.getString("id").equals(id)).findFirst()
        .orElseThrow();
  }

  private static void assertOrigin(JsonObject identity, JsonObject hit) {
    JsonValue origin = hit.get("origin");
    assertTrue(origin instanceof JsonObject, hit.toString());
    assertEquals(identity.getString("instanceId"), origin.asJsonObject().getString("instance"), hit.toString());
    assertEquals(identity.getString("organisation"), origin.asJsonObject().getString("organisation"), hit.toString());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] replace(byte[] pkg, String name, byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(pkg)); ZipOutputStream z = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(e.getName().equals(name) ? content : in.readAllBytes());
      }
    }
    return out.toByteArray();
  }

  private static byte[] withExtraEntry(byte[] pkg, String name) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(pkg)); ZipOutputStream z = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(in.readAllBytes());
        if (e.getName().equals("manifest.json.sig")) {
          z.putNextEntry(new ZipEntry(name));
          z.write("pwned".getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return out.toByteArray();
  }

  /** The real manifest and signature, then its one blob replaced by 1 GiB of zeros (about 1 MB deflated). */
  private static byte[] bomb(byte[] pkg) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(pkg)); ZipOutputStream z = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        z.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().startsWith("blobs/")) {
          byte[] zeros = new byte[1 << 20];
          for (int i = 0; i < 1024; i++) {
            z.write(zeros);
          }
        } else {
          z.write(in.readAllBytes());
        }
      }
    }
    return out.toByteArray();
  }

  private static byte[] junkManifest() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("manifest.json"));
      byte[] junk = new byte[1 << 20];
      Arrays.fill(junk, (byte) '[');
      for (int i = 0; i < 50; i++) {
        z.write(junk);
      }
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

}
