package org.dars.search.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency of {@code GET /api/v1/search} over HTTP against a running Dars, at concurrency 1 and 8:
 * the whole request, with JSON serialisation, facets and highlighted snippets (the API always
 * computes them). The queries are those of the retrieval bench data, some with a language or level
 * filter and some sorted by title or date, drawn with a fixed seed, as in {@link
 * SearchSpeedBenchmark}.
 *
 * <p>Usage: {@code HttpLoadDriver <base URL> <bench-data/retrieval dir> [requests per level=1000]
 * [seconds per level=120]}. Only loopback addresses are accepted, and each level stops at its
 * request count or its time limit, whichever comes first. A warm-up of 200 requests precedes.
 */
public final class HttpLoadDriver {
  private static final long SEED = 20240501L;
  private static final String[] LEVELS = {"beginner", "intermediate", "advanced"};

  private HttpLoadDriver() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("Usage: HttpLoadDriver <base URL, loopback> <bench-data/retrieval dir> [requests] [seconds]");
      System.exit(2);
    }
    URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
    if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
      System.err.println("Refusing " + base.getHost() + ": this driver only loads a server on this machine (loopback).");
      System.exit(2);
    }
    Path data = Path.of(args[1]);
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    Duration limit = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 120);
    measure(base, data, requests, limit);
  }

  /** Warm-up, then {@code requests} at concurrency 1 and twice as many at concurrency 8. */
  public static void measure(URI base, Path data, int requests, Duration limit) throws Exception {
    List<String> queries = new ArrayList<>();
    for (String lang : List.of("fa", "ar")) {
      for (Map<String, String> o : RetrievalBenchmark.readJsonl(data.resolve(lang).resolve("queries.jsonl"))) {
        queries.add(o.get("query"));
      }
    }
    List<URI> uris = uris(base, queries, 200 + 3 * requests);
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int from = 0;
    run(client, uris.subList(from, from += 200), 1, limit, "warm-up");
    run(client, uris.subList(from, from += requests), 1, limit, "concurrency 1");
    run(client, uris.subList(from, from + 2 * requests), 8, limit, "concurrency 8");
  }

  private static List<URI> uris(URI base, List<String> queries, int n) {
    Random random = new Random(SEED);
    List<URI> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String q = queries.get(random.nextInt(queries.size())).replaceAll("^[-\\s]+", "");
      StringBuilder query = new StringBuilder("api/v1/search?size=10&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
      switch (random.nextInt(4)) {
        case 0 -> query.append("&lang=").append(random.nextBoolean() ? "fa" : "ar");
        case 1 -> query.append("&level=").append(LEVELS[random.nextInt(LEVELS.length)]);
        default -> { }
      }
      switch (random.nextInt(6)) {
        case 0 -> query.append("&sort=title");
        case 1 -> query.append("&sort=newest");
        default -> { }
      }
      out.add(base.resolve(query.toString()));
    }
    return out;
  }

  private static void run(HttpClient client, List<URI> uris, int threads, Duration limit, String label) throws Exception {
    long[] nanos = new long[uris.size()];
    Arrays.fill(nanos, -1);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long deadline = System.nanoTime() + limit.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    long cpuStart = clientCpuNanos();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          int i;
          while ((i = next.getAndIncrement()) < uris.size() && System.nanoTime() < deadline) {
            HttpRequest request = HttpRequest.newBuilder(uris.get(i)).timeout(Duration.ofSeconds(30)).GET().build();
            long s = System.nanoTime();
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - s;
            if (r.statusCode() != 200) {
              failed.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double clientCpu = (clientCpuNanos() - cpuStart) / 1e9;
    long[] done = Arrays.stream(nanos).filter(n -> n >= 0).sorted().toArray();
    if (done.length == 0) {
      System.out.println("  " + label + ": no request completed");
      return;
    }
    System.out.printf(Locale.ROOT,
        "  %-14s %5d requests (%d not 200)  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  %6.1f req/s"
            + "  (this client's CPU: %.1f of %.1f s)%n",
        label, done.length, failed.get(), pct(done, 0.50), pct(done, 0.90), pct(done, 0.99),
        done[done.length - 1] / 1e6, done.length / wall, clientCpu, wall);
  }

  /** CPU time of this JVM, the client, which shares the machine with the server. */
  private static long clientCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
