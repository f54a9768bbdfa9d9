package org.dars.web.bench;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dars.bench.BenchServer;
import org.dars.search.bench.HttpLoadDriver;
import org.dars.search.bench.SyntheticCorpus;
import org.dars.search.bench.SyntheticCorpus.Passage;

/**
 * Server time of the search results page ({@code /search.xhtml}) with 100,000 items indexed, on a
 * real WildFly running the packaged Dars (port offset 750, heap capped at 2 GiB).
 *
 * <ol>
 *   <li>The server starts once on an empty data directory, so its own migrations create the
 *       schema, and the benchmark turns on Undertow's access log with each request's response
 *       time in microseconds (the server's own measure, from the request's first byte to the
 *       response's last). Then it stops.
 *   <li>With the server stopped, the items of {@link SyntheticCorpus} (the passages of the
 *       search speed benchmark, recombined from the retrieval bench data, which is read in place)
 *       are written as the upload path would leave them: each text as a blob under its SHA-256,
 *       one {@code item} row (visible to everyone, owned by the home organisation, which the
 *       server assigns at its next start) and one READY {@code item_version} row, in the server's
 *       own H2 database through the H2 driver WildFly ships. No test endpoint exists in the product.
 *   <li>The server starts again and rebuilds its index through {@code POST
 *       /api/v1/admin/index/rebuild}, as its administrator (created on first start).
 *   <li>The page is requested with real Persian and Arabic queries from the retrieval sets, half
 *       of them as typed (whole questions), half as their first two words, one request at a
 *       time after a warm-up, each in the interface language of its query; a fifth of the
 *       requests also filter on a facet; the reader is not signed in (anonymous reading is on by
 *       default), so the page applies the same visibility filter as for everyone. Server times come from the access log; client times
 *       (loopback HTTP, same two cores) are printed beside them.
 * </ol>
 *
 * <p>Usage, after {@code mvn package -DskipTests}: {@code mvn test-compile exec:java
 * -Dexec.mainClass=org.dars.web.bench.SearchPageBenchmark "-Dexec.args=../shared/bench-data/retrieval
 * [items=100000] [requests=1000] [work dir=target/search-page-bench]"}. A work directory already
 * loaded with the same number of items is reused; delete it to load again. With {@code
 * -Dbench.api=true} the same server is then measured over {@code GET /api/v1/search} by {@link
 * HttpLoadDriver} (concurrency 1 and 8); {@code -Dbench.pages=false} leaves the pages out, and {@code
 * -Dbench.jfr=/path/rec.jfr} records the server with Java Flight Recorder.
 */
public final class SearchPageBenchmark {
  private static final int OFFSET = 750;
  /** The administrator this benchmark's server creates on first start, for the index rebuild. */
  private static final String ADMIN_PASSWORD = "search-page-bench";
  private static final String HEAP = "2g";
  private static final Pattern ACCESS = Pattern.compile("^/search\\.xhtml\\S*[?&]bench=(\\d+)\\S* (\\d{3}) (\\d+)$");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final Path wildfly;
  private final Path work;
  private final Path data;

  private SearchPageBenchmark(Path wildfly, Path work) {
    this.wildfly = wildfly;
    this.work = work;
    this.data = work.resolve("data");
  }

  /** One page request: its query (a whole question, or its first two words), the interface language, a filter. */
  private record Request(String q, boolean question, String ui, String filter) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("Usage: SearchPageBenchmark <bench-data/retrieval dir> [items] [requests] [work dir]");
      System.exit(2);
    }
    Path retrieval = Path.of(args[0]);
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    Path work = (args.length > 3 ? Path.of(args[3]) : Path.of("target/search-page-bench")).toAbsolutePath();
    Files.createDirectories(work);
    new SearchPageBenchmark(BenchServer.wildfly(), work).run(retrieval, items, requests);
  }

  private void run(Path retrieval, int items, int requests) throws Exception {
    System.out.printf(Locale.ROOT, "Search page benchmark: %d items, %d cores, server heap -Xmx%s%n",
        items, Runtime.getRuntime().availableProcessors(), HEAP);
    Path loaded = work.resolve("loaded-public-" + items);
    if (!Files.exists(loaded)) {
      BenchServer.deleteTree(data);
      BenchServer.deleteTree(work.resolve("dars-base"));
      BenchServer first = start();
      try {
        accessLog(first);
      } finally {
        first.stop();
      }
      long t0 = System.nanoTime();
      load(SyntheticCorpus.of(retrieval, items));
      System.out.printf(Locale.ROOT, "Loaded %d items into the stopped server's database and blob store in %.1f s%n",
          items, (System.nanoTime() - t0) / 1e9);
    }
    BenchServer server = start();
    try {
      if (!Files.exists(loaded)) {
        rebuild(server, items);
        Files.writeString(loaded, Instant.now().toString());
      }
      if (!"false".equals(System.getProperty("bench.pages"))) {
        List<Request> all = requests(retrieval, requests + 200);
        measure(server, all.subList(0, 200), "warm-up", 0);
        measure(server, all.subList(200, all.size()), "measured", 200);
      }
      if (Boolean.getBoolean("bench.api")) {
        // The same server over the search API, as HttpLoadDriver measures any running Dars.
        System.out.printf(Locale.ROOT, "%nGET /api/v1/search over HTTP, load average before: %s%n", loadAverage());
        HttpLoadDriver.measure(server.uri("/"), retrieval, requests, Duration.ofSeconds(600));
        System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
      }
      String jfr = System.getProperty("bench.jfr", "");
      if (!jfr.isEmpty()) {
        // the server is killed at the end, which would lose the recording: dump it now
        new ProcessBuilder("jcmd", Long.toString(server.javaPid()), "JFR.dump", "filename=" + jfr)
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
      }
    } finally {
      server.stop();
    }
  }

  private BenchServer start() throws Exception {
    String jfr = System.getProperty("bench.jfr", "");
    return BenchServer.start(wildfly, work, "dars", true, OFFSET, data,
        "-Xmx" + HEAP + (jfr.isEmpty() ? "" : " -XX:StartFlightRecording=settings=profile,filename=" + jfr),
        "-Ddars.samples=false", "-Ddars.admin.password=" + ADMIN_PASSWORD);
  }

  // --- 1. access log with the server's response time -------------------------------------------

  private void accessLog(BenchServer server) throws Exception {
    cli(server, "/subsystem=undertow/server=default-server/http-listener=default:write-attribute(name=record-request-start-time,value=true)");
    cli(server, "/subsystem=undertow/server=default-server/host=default-host/setting=access-log:add(pattern=\"%U%q %s %{RESPONSE_TIME_MICROS}\","
        + "use-server-log=false,prefix=\"bench-access.\",suffix=\"log\",rotate=false)");
  }

  private void cli(BenchServer server, String command) throws Exception {
    Process p = new ProcessBuilder(wildfly.resolve("bin/jboss-cli.sh").toString(), "--connect",
        "--controller=127.0.0.1:" + server.managementPort, "--command=" + command)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0 || !out.contains("success")) {
      throw new IllegalStateException("jboss-cli failed on " + command + ":\n" + out);
    }
  }

  // --- 2. items written as the upload path leaves them ----------------------------------------

  private void load(SyntheticCorpus corpus) throws Exception {
    Path blobs = data.resolve("blobs/sha256");
    Random random = new Random(SyntheticCorpus.SEED);
    String[] licenses = {"CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0"};
    try (Connection db = h2(); PreparedStatement item = db.prepareStatement(
            "INSERT INTO item (id, title, metadata_json, organisation, latest_version, created_at, created_by, updated_at,"
                + " row_version, visibility) VALUES (?, ?, ?, ?, 1, ?, 'bench', ?, 0, 'public')");
        PreparedStatement version = db.prepareStatement(
            "INSERT INTO item_version (item_id, number, sha256, size_bytes, media_type, file_name, status, text_sha256,"
                + " text_chars, detected_language, created_at, created_by, extracted_at, attempts, row_version)"
                + " VALUES (?, 1, ?, ?, 'text/plain', ?, 'READY', ?, ?, ?, ?, 'bench', ?, 1, 0)")) {
      db.setAutoCommit(false);
      int n = 0;
      for (Passage p : corpus) {
        byte[] text = p.text().getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        Path file = blobs.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        Files.createDirectories(file.getParent());
        Files.write(file, text);
        UUID id = UUID.nameUUIDFromBytes(("search-page-bench-" + p.id()).getBytes(StandardCharsets.UTF_8));
        String metadata = jakarta.json.Json.createObjectBuilder().add("title", p.title())
            .add("language", jakarta.json.Json.createArrayBuilder().add(p.lang()))
            .add("subjects", jakarta.json.Json.createArrayBuilder().add(p.subject())).add("level", p.level())
            .add("license", licenses[random.nextInt(licenses.length)]).add("organisation", p.organisation())
            .build().toString();
        Timestamp created = Timestamp.from(p.created());
        item.setObject(1, id);
        item.setString(2, p.title());
        item.setString(3, metadata);
        item.setString(4, p.organisation());
        item.setTimestamp(5, created);
        item.setTimestamp(6, created);
        item.addBatch();
        version.setObject(1, id);
        version.setString(2, sha);
        version.setLong(3, text.length);
        version.setString(4, p.id() + "." + p.lang() + ".txt");
        version.setString(5, sha);
        version.setLong(6, p.text().length());
        version.setString(7, p.lang());
        version.setTimestamp(8, created);
        version.setTimestamp(9, created);
        version.addBatch();
        if (++n % 1000 == 0) {
          item.executeBatch();
          version.executeBatch();
          db.commit();
        }
      }
      item.executeBatch();
      version.executeBatch();
      db.commit();
    }
  }

  /** The server's own database file, through the H2 driver of the WildFly that serves it. */
  private Connection h2() throws Exception {
    Path jar;
    try (Stream<Path> s = Files.list(wildfly.resolve("modules/system/layers/base/com/h2database/h2/main"))) {
      jar = s.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
    }
    URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, SearchPageBenchmark.class.getClassLoader());
    Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
    Properties credentials = new Properties();
    credentials.setProperty("user", "sa");
    credentials.setProperty("password", "sa");
    return driver.connect("jdbc:h2:file:" + data.resolve("db/dars"), credentials);
  }

  // --- 3. the index, rebuilt by the server ----------------------------------------------------

  private void rebuild(BenchServer server, int items) throws Exception {
    long t0 = System.nanoTime();
    String admin = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(server.uri("/api/v1/admin/index/rebuild")).header("Authorization", admin)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    if (started.statusCode() != 202) {
      throw new IllegalStateException("Rebuild not started: " + started.statusCode() + " " + started.body());
    }
    String status;
    do {
      Thread.sleep(2000);
      status = HTTP.send(HttpRequest.newBuilder(server.uri("/api/v1/admin/index")).header("Authorization", admin).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } while (status.contains("\"running\""));
    Matcher documents = Pattern.compile("\"documents\":(\\d+)").matcher(status);
    if (!status.contains("\"done\"") || !documents.find() || Long.parseLong(documents.group(1)) < items) {
      throw new IllegalStateException("The rebuild did not index every item: " + status);
    }
    System.out.printf(Locale.ROOT, "Index rebuilt by the server through POST /api/v1/admin/index/rebuild: %s documents in %.1f s%n%n",
        documents.group(1), (System.nanoTime() - t0) / 1e9);
  }

  // --- 4. the page, requested with Persian and Arabic queries ---------------------------------

  /** Questions as typed and their first two words, alternating Persian and Arabic; a fifth filtered. */
  private static List<Request> requests(Path retrieval, int n) throws IOException {
    List<String> fa = SyntheticCorpus.queries(retrieval, "fa");
    List<String> ar = SyntheticCorpus.queries(retrieval, "ar");
    Random random = new Random(SyntheticCorpus.SEED + 7);
    List<Request> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean persian = i % 2 == 0;
      List<String> pool = persian ? fa : ar;
      String q = pool.get(random.nextInt(pool.size())).replaceAll("^[-\\s]+", "").strip();
      boolean question = !random.nextBoolean();
      if (!question) {
        String[] words = q.split("\\s+");
        q = String.join(" ", Arrays.copyOf(words, Math.min(2, words.length)));
      }
      String filter = switch (random.nextInt(10)) {
        case 0 -> "&lang=" + (persian ? "fa" : "ar");
        case 1 -> "&level=" + SyntheticCorpus.LEVELS[random.nextInt(SyntheticCorpus.LEVELS.length)];
        default -> "";
      };
      out.add(new Request(q, question, persian ? "fa" : "ar", filter));
    }
    return out;
  }

  private void measure(BenchServer server, List<Request> requests, String label, int first) throws Exception {
    String loadBefore = loadAverage();
    long[] client = new long[requests.size()];
    long hits = 0;
    for (int i = 0; i < requests.size(); i++) {
      Request r = requests.get(i);
      String path = "/search.xhtml?q=" + URLEncoder.encode(r.q(), StandardCharsets.UTF_8) + r.filter() + "&ui=" + r.ui()
          + "&bench=" + (first + i);
      long t0 = System.nanoTime();
      HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      client[i] = System.nanoTime() - t0;
      if (page.statusCode() != 200 || !page.body().contains("id=\"total\"")) {
        throw new IllegalStateException("The search page failed for " + path + ": " + page.statusCode());
      }
      hits += page.body().split("class=\"hit\"", -1).length - 1;
    }
    Map<Integer, Long> logged = serverTimes(server, first, requests.size());
    long[] micros = new long[requests.size()];
    for (int i = 0; i < requests.size(); i++) {
      micros[i] = logged.get(first + i);
    }
    System.out.printf(Locale.ROOT, "%s: %d requests, %.1f hits per page (machine load average before/after: %s / %s)%n", label,
        requests.size(), hits / (double) requests.size(), loadBefore, loadAverage());
    print("  server time, all      ", micros, 1e3);
    print("  server time, Persian  ", only(micros, requests, r -> r.ui().equals("fa")), 1e3);
    print("  server time, Arabic   ", only(micros, requests, r -> r.ui().equals("ar")), 1e3);
    print("  server time, 2 words  ", only(micros, requests, r -> !r.question()), 1e3);
    print("  server time, question ", only(micros, requests, Request::question), 1e3);
    print("  client time, all      ", client, 1e6);
    System.out.println();
  }

  /** Response times by request number, from the access log (written asynchronously: waits for it). */
  private Map<Integer, Long> serverTimes(BenchServer server, int first, int count) throws Exception {
    Path log = server.base.resolve("log/bench-access.log");
    Map<Integer, Long> times = new HashMap<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      times.clear();
      if (Files.exists(log)) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          Matcher m = ACCESS.matcher(line.strip());
          if (m.matches() && Integer.parseInt(m.group(1)) >= first && Integer.parseInt(m.group(1)) < first + count) {
            times.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(3)));
          }
        }
      }
      if (times.size() == count) {
        return times;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The access log " + log + " has " + times.size() + " of " + count + " requests");
      }
      Thread.sleep(500);
    }
  }

  private static long[] only(long[] values, List<Request> requests, java.util.function.Predicate<Request> which) {
    return java.util.stream.IntStream.range(0, values.length).filter(i -> which.test(requests.get(i))).mapToLong(i -> values[i]).toArray();
  }

  /** The one-minute load average: other work on the machine shows in the figures, so it is printed with them. */
  private static String loadAverage() throws IOException {
    Path proc = Path.of("/proc/loadavg");
    return Files.exists(proc) ? Files.readString(proc).split(" ")[0] : "n/a";
  }

  private static void print(String label, long[] values, double perMilli) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (n=%d)%n", label,
        pct(sorted, 0.50) / perMilli, pct(sorted, 0.95) / perMilli, pct(sorted, 0.99) / perMilli,
        sorted[sorted.length - 1] / perMilli, sorted.length);
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
