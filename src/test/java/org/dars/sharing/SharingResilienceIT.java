package org.dars.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dars.Http;
import org.dars.storage.Sha256;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharing when things go wrong, on a WildFly of its own ({@link SecondInstance}) that the test can
 * kill with SIGKILL and start again on the same data directory and H2 database: an import killed
 * while it stages blobs, and again while it commits them, leaves nothing visible and nothing the
 * blob store counts, and then succeeds; a partner that is down costs a bounded time and never
 * blocks the instance. Sharing timeouts are shortened (2 s, 2 attempts) so the bounds are quick to
 * check.
 */
class SharingResilienceIT {
  private static final String PERSIAN = "پیش از گرده‌افشانی، خوشه‌های نر را در سایه خشک کنید.\n\nواژه آزمون: گرده‌افشانیکاری\n";
  private static final String ARABIC = "يُلقَّح النخيل في ميسان يدوياً في أوائل الربيع.\n\nكلمة الاختبار: التلقيحالميساني\n";
  private static final String TITLE_FA = "گرده‌افشانی نخل خرما";
  private static final String TITLE_AR = "تلقيح نخيل التمر";
  /** Small lessons after the large film: their commits and rows make the commit phase last long enough to be caught. */
  private static final int LESSONS = 300;
  private static final int FILM_BYTES = 160 << 20;

  @TempDir static Path tmp;
  private static SecondInstance server;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    server = SecondInstance.start("sharing-resilience", "Maysan-TVET", "-Ddars.sharing.timeout-seconds=2",
        "-Ddars.sharing.attempts=2", "-Ddars.sharing.backoff-millis=100");
    http = server.admin();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void importKilledMidwayLeavesNothingAndCanSimplyBeRetried() throws Exception {
    TestPackages khuzestan = new TestPackages(tmp.resolve("khuzestan"));
    register(khuzestan.origin, khuzestan.keys.getPublic(), null);
    UUID curriculum = UUID.randomUUID();
    List<TestPackages.PackageItem> items = new ArrayList<>();
    items.add(item(khuzestan, "فیلم گرده‌افشانی", "fa", "application/octet-stream", "film.bin", film()));
    items.add(item(khuzestan, TITLE_FA, "fa", "text/plain", "lesson.fa.txt", PERSIAN));
    items.add(item(khuzestan, TITLE_AR, "ar", "text/plain", "lesson.ar.txt", ARABIC));
    for (int n = 1; n <= LESSONS; n++) {
      items.add(item(khuzestan, "درس کوتاه " + n, "fa", "text/plain", "short-" + n + ".txt",
          "تمرین شمارهٔ " + n + ": خوشه‌ها را بشمارید.\n"));
    }
    Path imports = Files.createDirectories(server.data().resolve("imports"));
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(imports.resolve("maysan-1.0.zip")), 1 << 16)) {
      khuzestan.write(khuzestan.release(curriculum, TITLE_FA, TITLE_AR, items), out);
    }
    Path blobs = server.data().resolve("blobs");

    // Killed while verifying: the first staging file in the blob store's tmp folder says it is under way.
    killWhen(() -> !list(blobs.resolve("tmp")).isEmpty());
    assertFalse(list(blobs.resolve("tmp")).isEmpty(), "the kill left the import's staging file behind");
    server.restart();
    assertNothingOf(curriculum, items);

    // Killed while committing: the first blob is in the store under its digest, the rows are not written yet.
    Path first = blobs.resolve("sha256").resolve(items.get(0).sha256().hex().substring(0, 2))
        .resolve(items.get(0).sha256().hex().substring(2, 4)).resolve(items.get(0).sha256().hex());
    killWhen(() -> Files.exists(first));
    assertTrue(Files.exists(first), "the kill left a committed blob that no row refers to");
    assertFalse(list(server.data().resolve("sharing").resolve("pending")).isEmpty(), "the import's rows were not committed yet");
    server.restart();
    assertNothingOf(curriculum, items);

    // The same import, retried, does all of it.
    HttpResponse<String> retry = http.postJson("/api/v1/imports", "{\"path\":\"maysan-1.0.zip\"}");
    assertEquals(200, retry.statusCode(), retry.body());
    JsonObject report = Http.json(retry.body());
    assertEquals("imported", report.getString("outcome"));
    assertEquals(items.size() + 1, report.getJsonArray("added").size(), "every item version and the release");
    assertTrue(report.getJsonArray("skipped").isEmpty() && report.getJsonArray("refused").isEmpty(), retry.body());
    assertEquals(TestPackages.ORGANISATION, Http.json(http.get("/api/v1/curricula/" + curriculum).body())
        .getJsonObject("origin").getString("organisation"));
    String fa = items.get(1).id().toString();
    String ar = items.get(2).id().toString();
    http.await("/api/v1/items/" + fa, o -> o.getString("status").equals("READY"), Duration.ofSeconds(120));
    http.await("/api/v1/items/" + ar, o -> o.getString("status").equals("READY"), Duration.ofSeconds(120));
    assertEquals(List.of(fa), hitIds(awaitHits("گرده‌افشانیکاری")));
    assertEquals(List.of(ar), hitIds(awaitHits("التلقيحالميساني")));
    JsonObject fixity = Http.json(http.post("/api/v1/admin/fixity", null, new byte[0]).body());
    assertTrue(fixity.getInt("checked") >= items.size(), fixity.toString());
    assertTrue(fixity.getJsonArray("corrupt").isEmpty() && fixity.getJsonArray("missing").isEmpty(), fixity.toString());
  }

  @Test
  void partnerThatIsDownCostsABoundedTimeAndNeverBlocksTheInstance() throws Exception {
    // Connections accepted, never answered: each attempt ends at the request timeout.
    try (StallingPartner silent = StallingPartner.silent()) {
      UUID id = UUID.randomUUID();
      register(id, Signatures.generate().getPublic(), silent.baseUrl());
      long t0 = System.nanoTime();
      JsonObject report = Http.json(http.post("/api/v1/partners/" + id + "/sync", null, new byte[0]).body());
      assertEquals("failed", report.getString("outcome"), report.toString());
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(15), "2 attempts of 2 s, not more");
      assertNotNull(Http.json(http.get("/api/v1/partners/" + id + "/sync").body()).getString("lastError"));
    }
    // The list answered, then the package falls silent mid-body: the silence is bounded too.
    try (StallingPartner stalling = StallingPartner.stalling(UUID.randomUUID())) {
      UUID id = UUID.randomUUID();
      register(id, Signatures.generate().getPublic(), stalling.baseUrl());
      long t0 = System.nanoTime();
      CompletableFuture<HttpResponse<String>> sync =
          CompletableFuture.supplyAsync(() -> http.post("/api/v1/partners/" + id + "/sync", null, new byte[0]));
      Thread.sleep(500);
      // Meanwhile the instance answers at once, and a second sync with that partner is refused, not queued.
      long t1 = System.nanoTime();
      assertEquals(200, http.get("/api/v1/search?q=" + Http.q("خرما")).statusCode());
      HttpResponse<String> second = http.post("/api/v1/partners/" + id + "/sync", null, new byte[0]);
      assertEquals(409, second.statusCode(), second.body());
      assertTrue(System.nanoTime() - t1 < TimeUnit.SECONDS.toNanos(2), "answered while the sync hangs on the partner");
      JsonObject report = Http.json(sync.get(60, TimeUnit.SECONDS).body());
      assertEquals("failed", report.getString("outcome"), report.toString());
      assertTrue(report.getJsonArray("errors").getString(0).contains("2 attempts"), report.toString());
      assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20), "2 silences of 2 s, not more");
    }
  }

  private static void register(UUID instance, PublicKey key, String baseUrl) {
    var body = Json.createObjectBuilder().add("instanceId", instance.toString()).add("name", TestPackages.ORGANISATION)
        .add("publicKey", Signatures.encode(key));
    if (baseUrl != null) {
      body.add("baseUrl", baseUrl).add("token", "nope");
    }
    HttpResponse<String> r = http.postJson("/api/v1/partners", body.build().toString());
    assertEquals(201, r.statusCode(), r.body());
  }

  /** Starts the import from the folder and kills the server with SIGKILL as soon as {@code inProgress} holds. */
  private static void killWhen(Check inProgress) throws Exception {
    CompletableFuture<HttpResponse<String>> running =
        CompletableFuture.supplyAsync(() -> http.postJson("/api/v1/imports", "{\"path\":\"maysan-1.0.zip\"}"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!inProgress.holds()) {
      if (running.isDone()) {
        fail("The import ended before it could be killed: " + running.handle((r, e) -> r == null ? e : r.body()).get());
      }
      if (System.nanoTime() > deadline) {
        fail("The import showed no sign of progress within 120 s");
      }
      Thread.sleep(2);
    }
    server.close();
    running.handle((r, e) -> null).get(30, TimeUnit.SECONDS);
  }

  private interface Check {
    boolean holds() throws IOException;
  }

  /** Nothing of the package through the API or search, and nothing of it in the blob store. */
  private static void assertNothingOf(UUID curriculum, List<TestPackages.PackageItem> items) throws IOException, InterruptedException {
    assertEquals(List.of(), list(server.data().resolve("blobs").resolve("tmp")), "staging files are removed at start-up");
    assertEquals(404, http.get("/api/v1/curricula/" + curriculum).statusCode());
    assertEquals(404, http.get("/api/v1/curricula/" + curriculum + "/releases/1.0").statusCode());
    assertEquals(0, Http.json(http.get("/api/v1/curricula").body()).getInt("total"));
    assertEquals(0, Http.json(http.get("/api/v1/items").body()).getInt("total"));
    for (TestPackages.PackageItem i : items.subList(0, 4)) {
      assertEquals(404, http.get("/api/v1/items/" + i.id()).statusCode());
      assertEquals(404, http.get("/api/v1/items/" + i.id() + "/versions/1/content").statusCode());
    }
    http.await("/api/v1/admin/index", o -> o.getInt("pending") == 0, Duration.ofSeconds(30));
    for (String q : List.of("گرده‌افشانیکاری", "التلقيحالميساني", TITLE_FA, "")) {
      JsonObject r = Http.json(http.get("/api/v1/search?q=" + Http.q(q)).body());
      assertEquals(0, r.getInt("total"), q + ": " + r);
      assertTrue(r.getJsonArray("curricula").isEmpty(), q + ": " + r);
    }
    // The store holds no blob (fixity counts every file under its digest), and the import's journal is rolled back.
    assertEquals(List.of(), list(server.data().resolve("sharing").resolve("pending")));
    JsonObject fixity = Http.json(http.post("/api/v1/admin/fixity", null, new byte[0]).body());
    assertEquals(0, fixity.getInt("checked"), fixity.toString());
  }

  private static JsonObject awaitHits(String q) {
    return http.await("/api/v1/search?q=" + Http.q(q), o -> o.getInt("total") > 0, Duration.ofSeconds(60));
  }

  private static List<String> hitIds(JsonObject result) {
    return result.getJsonArray("hits").stream().map(h -> h.asJsonObject().getString("id")).toList();
  }

  private static TestPackages.PackageItem item(TestPackages sender, String title, String language, String mediaType,
      String fileName, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new TestPackages.PackageItem(UUID.randomUUID(), title, language, mediaType, fileName, sender.blob(bytes), bytes.length);
  }

  private static TestPackages.PackageItem item(TestPackages sender, String title, String language, String mediaType,
      String fileName, Path file) throws IOException {
    Sha256 sha;
    try (InputStream in = Files.newInputStream(file)) {
      sha = sender.blob(in);
    }
    return new TestPackages.PackageItem(UUID.randomUUID(), title, language, mediaType, fileName, sha, Files.size(file));
  }

  /** A film-sized file of random bytes: staging it takes long enough to be caught in the act. */
  private static Path film() throws IOException {
    Path file = tmp.resolve("film.bin");
    Random random = new Random(7);
    byte[] buf = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < FILM_BYTES / buf.length; i++) {
        random.nextBytes(buf);
        out.write(buf);
      }
    }
    return file;
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }
}
