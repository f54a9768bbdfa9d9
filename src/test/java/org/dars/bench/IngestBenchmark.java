package org.dars.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The foundation's performance figures, measured in one run against the WildFly the build
 * unpacked (target/wildfly-*), each server with its heap capped at 512 MiB:
 *
 * <ol>
 *   <li>time from start to ready, bare WildFly and with Dars deployed;
 *   <li>ingest throughput through the full path (HTTP upload, store, extract, index, searchable)
 *       next to plain Tika parsing of the same files in this JVM, with the same two threads;
 *   <li>a 1 GiB upload, next to dd writing the same bytes to the same disk, with the server's peak
 *       heap use sampled by jstat.
 * </ol>
 *
 * Run after {@code mvn package}: {@code mvn test-compile exec:java
 * -Dexec.mainClass=org.dars.bench.IngestBenchmark} (arguments: rounds, upload MiB; 0 rounds skips
 * the ingest). {@code -Dbench.jfr=/path/rec.jfr} records the Dars server with Java Flight Recorder.
 */
public final class IngestBenchmark {
  private static final int OFFSET = 700;
  private static final int HTTP_PORT = 8080 + OFFSET;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
  // The benchmark's servers create their administrator with this password; the API needs a caller.
  private static final String ADMIN_PASSWORD = "Dars-Bench-admin-2026";
  private static final String AUTHORIZATION = "Basic "
      + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  private final Path project = Path.of("").toAbsolutePath();
  private final Path wildfly;
  private final Path work;

  private IngestBenchmark(Path wildfly, Path work) {
    this.wildfly = wildfly;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int uploadMib = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
    Path wildfly = BenchServer.wildfly();
    Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "ingest-bench-");
    try {
      new IngestBenchmark(wildfly, work).run(rounds, uploadMib);
    } finally {
      BenchServer.deleteTree(work);
    }
  }

  private void run(int rounds, int uploadMib) throws Exception {
    System.out.printf(Locale.ROOT, "Dars ingest benchmark: %d cores, server heap -Xmx512m%n%n",
        Runtime.getRuntime().availableProcessors());

    double bare = startAndStop(false);
    BenchServer server = start(true);
    try {
      System.out.printf(Locale.ROOT, "Start to ready: bare WildFly %.1f s, with Dars deployed %.1f s (ratio %.2f)%n%n",
          bare, server.readySeconds(), server.readySeconds() / bare);
      if (rounds > 0) {
        ingest(server, rounds);
      }
      bigUpload(server, uploadMib);
    } finally {
      server.stop();
    }
  }

  // --- ingest -------------------------------------------------------------------------------

  private void ingest(BenchServer server, int rounds) throws Exception {
    List<Path> files = documents();
    long bytesPerRound = 0;
    for (Path f : files) {
      bytesPerRound += Files.size(f);
    }
    int docs = files.size() * rounds;
    double mb = bytesPerRound * rounds / 1e6;

    // Plain Tika, same files, same count, same two threads, in this JVM (after a warm-up round):
    // once as configured by default (Tesseract, if installed, reads embedded pictures), once without OCR.
    tikaParse(files, 1, false);
    long t0 = System.nanoTime();
    tikaParse(files, rounds, false);
    double tikaSeconds = (System.nanoTime() - t0) / 1e9;
    long tn = System.nanoTime();
    tikaParse(files, rounds, true);
    double tikaNoOcrSeconds = (System.nanoTime() - tn) / 1e9;

    int before = searchTotal();
    long t1 = System.nanoTime();
    List<String> ids = uploadAll(files, rounds);
    awaitSettled(ids);
    awaitSearchable(before + countReady(ids));
    double darsSeconds = (System.nanoTime() - t1) / 1e9;

    System.out.printf(Locale.ROOT, "Ingest of %d documents (%.1f MB, %d Persian and Arabic files x %d rounds)%n",
        docs, mb, files.size(), rounds);
    System.out.printf(Locale.ROOT, "  plain Tika in-process, default configuration: %6.1f docs/s  %6.2f MB/s  (%.1f s)%n",
        docs / tikaSeconds, mb / tikaSeconds, tikaSeconds);
    System.out.printf(Locale.ROOT, "  plain Tika in-process, OCR off:                %6.1f docs/s  %6.2f MB/s  (%.1f s)%n",
        docs / tikaNoOcrSeconds, mb / tikaNoOcrSeconds, tikaNoOcrSeconds);
    System.out.printf(Locale.ROOT, "  Dars upload->store->extract->index->searchable: %6.1f docs/s  %6.2f MB/s  (%.1f s)%n",
        docs / darsSeconds, mb / darsSeconds, darsSeconds);
    System.out.printf(Locale.ROOT, "  ratio Dars / Tika default: %.2f (target >= 0.70); Dars / Tika without OCR: %.2f%n%n",
        tikaSeconds / darsSeconds, tikaNoOcrSeconds / darsSeconds);
  }

  /** The text-bearing samples: office documents, PDFs, EPUB, HTML and text, in both languages. */
  private List<Path> documents() throws IOException {
    try (Stream<Path> s = Files.list(project.resolve("content-samples/items"))) {
      return s.filter(p -> p.getFileName().toString().matches(".*\\.(docx|odt|pdf|pptx|xlsx|epub|html|txt)$"))
          .filter(p -> !p.getFileName().toString().contains("scan"))
          .sorted().toList();
    }
  }

  private static void tikaParse(List<Path> files, int rounds, boolean ocrOff) throws Exception {
    AutoDetectParser parser = new AutoDetectParser();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        for (Path f : files) {
          work.add(pool.submit(() -> {
            try (InputStream in = Files.newInputStream(f)) {
              ParseContext context = new ParseContext();
              if (ocrOff) {
                TesseractOCRConfig ocr = new TesseractOCRConfig();
                ocr.setSkipOcr(true);
                context.set(TesseractOCRConfig.class, ocr);
              }
              parser.parse(in, new BodyContentHandler(-1), new Metadata(), context);
            }
            return null;
          }));
        }
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private List<String> uploadAll(List<Path> files, int rounds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> uploads = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        int round = r;
        for (Path f : files) {
          uploads.add(pool.submit(() -> upload(f, "{\"title\": \"" + f.getFileName() + " #" + round + "\"}")));
        }
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> u : uploads) {
        ids.add(u.get());
      }
      return ids;
    } finally {
      pool.shutdown();
    }
  }

  private static String upload(Path file, String metadata) throws IOException, InterruptedException {
    String boundary = "bench-" + UUID.randomUUID();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + "/api/v1/items"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", AUTHORIZATION)
        .timeout(Duration.ofMinutes(30))
        .POST(HttpRequest.BodyPublishers.concat(
            HttpRequest.BodyPublishers.ofByteArray(head.getBytes(StandardCharsets.UTF_8)),
            HttpRequest.BodyPublishers.ofFile(file),
            HttpRequest.BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.UTF_8))))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("Upload of " + file + " answered " + response.statusCode() + ": " + response.body());
    }
    Matcher m = ID.matcher(response.body());
    if (!m.find()) {
      throw new IllegalStateException("No id in " + response.body());
    }
    return m.group(1);
  }

  private static void awaitSettled(List<String> ids) throws Exception {
    for (String id : ids) {
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (get("/api/v1/items/" + id).contains("\"status\":\"PROCESSING\"")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Item " + id + " still PROCESSING");
        }
        Thread.sleep(50);
      }
    }
  }

  private static int countReady(List<String> ids) throws Exception {
    int ready = 0;
    for (String id : ids) {
      if (get("/api/v1/items/" + id).contains("\"status\":\"READY\"")) {
        ready++;
      }
    }
    return ready;
  }

  private static void awaitSearchable(int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (searchTotal() < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Search never reached " + expected + " items");
      }
      Thread.sleep(50);
    }
  }

  private static int searchTotal() throws Exception {
    // A blank query lists every searchable item.
    Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(get("/api/v1/search?q=&size=1"));
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  // --- 1 GiB upload ---------------------------------------------------------------------------

  private void bigUpload(BenchServer server, int mib) throws Exception {
    Path big = work.resolve("big.bin");
    Random random = new Random(42);
    byte[] block = new byte[1 << 20];
    try (var out = Files.newOutputStream(big)) {
      for (int i = 0; i < mib; i++) {
        random.nextBytes(block);
        out.write(block);
      }
    }
    Path ddOut = server.dataDir.resolve("dd.out");
    long t0 = System.nanoTime();
    Process dd = new ProcessBuilder("dd", "if=" + big, "of=" + ddOut, "bs=1M", "conv=fsync")
        .redirectErrorStream(true).start();
    dd.getInputStream().readAllBytes();
    if (dd.waitFor() != 0) {
      throw new IllegalStateException("dd failed");
    }
    double ddSeconds = (System.nanoTime() - t0) / 1e9;
    Files.delete(ddOut);

    HeapSampler sampler = new HeapSampler(server.javaPid());
    Thread sampling = new Thread(sampler);
    sampling.start();
    // CPU seconds, not only wall time: on a shared machine the wall time mostly says how busy it was.
    ProcessHandle serverJvm = ProcessHandle.of(server.javaPid()).orElseThrow();
    double serverCpu0 = cpuSeconds(serverJvm);
    double clientCpu0 = cpuSeconds(ProcessHandle.current());
    long t1 = System.nanoTime();
    streamUpload(big, "{\"title\": \"فیلم آموزشی بزرگ\"}");
    double uploadSeconds = (System.nanoTime() - t1) / 1e9;
    double serverCpu = cpuSeconds(serverJvm) - serverCpu0;
    double clientCpu = cpuSeconds(ProcessHandle.current()) - clientCpu0;
    sampler.stop();
    sampling.join();
    String jfr = System.getProperty("bench.jfr", "");
    if (!jfr.isEmpty()) {
      // The servers are killed at the end, which would lose the recording: dump it now.
      new ProcessBuilder("jcmd", Long.toString(server.javaPid()), "JFR.dump", "filename=" + jfr)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    double mb = mib * 1.048576;
    System.out.printf(Locale.ROOT, "Upload of %d MiB (incompressible):%n", mib);
    System.out.printf(Locale.ROOT, "  dd to the same disk (conv=fsync): %6.1f MB/s (%.1f s)%n", mb / ddSeconds, ddSeconds);
    System.out.printf(Locale.ROOT, "  Dars HTTP upload, durable at 201: %6.1f MB/s (%.1f s)%n", mb / uploadSeconds, uploadSeconds);
    System.out.printf(Locale.ROOT, "  ratio Dars / dd: %.2f (target >= 0.70)%n", ddSeconds / uploadSeconds);
    System.out.printf(Locale.ROOT, "  CPU during the upload: server %.1f s, benchmark client JVM %.1f s%n", serverCpu, clientCpu);
    System.out.printf(Locale.ROOT, "  server heap: capped at 512 MiB, peak used %.0f MiB (jstat, %d samples)%n%n",
        sampler.peakKib.get() / 1024.0, sampler.samples.get());
  }

  /**
   * Sends one upload the way curl would, and as cheaply, since the client shares the two cores with
   * the server: the file goes to the socket with {@code transferTo} (sendfile, no copy through this
   * JVM's heap), where {@link HttpClient}'s file publisher copies every 16 KiB chunk twice.
   */
  private static String streamUpload(Path file, String metadata) throws IOException {
    String boundary = "bench-" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    long size = Files.size(file);
    byte[] request = ("POST /api/v1/items HTTP/1.1\r\nHost: 127.0.0.1:" + HTTP_PORT + "\r\n"
        + "Authorization: " + AUTHORIZATION + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\n"
        + "Content-Length: " + (head.length + size + tail.length) + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    try (SocketChannel socket = SocketChannel.open(new InetSocketAddress("127.0.0.1", HTTP_PORT));
        FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      writeFully(socket, ByteBuffer.wrap(request));
      writeFully(socket, ByteBuffer.wrap(head));
      for (long sent = 0; sent < size; ) {
        sent += in.transferTo(sent, size - sent, socket);
      }
      writeFully(socket, ByteBuffer.wrap(tail));
      String response = new String(socket.socket().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!response.startsWith("HTTP/1.1 201")) {
        throw new IllegalStateException("Upload of " + file + " answered: " + response);
      }
      Matcher m = ID.matcher(response);
      if (!m.find()) {
        throw new IllegalStateException("No id in " + response);
      }
      return m.group(1);
    }
  }

  private static void writeFully(SocketChannel socket, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      socket.write(bytes);
    }
  }

  private static double cpuSeconds(ProcessHandle process) {
    return process.info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
  }

  /** Samples the server's used heap with jstat: survivor, eden and old generation. */
  private static final class HeapSampler implements Runnable {
    final AtomicLong peakKib = new AtomicLong();
    final AtomicLong samples = new AtomicLong();
    private final long pid;
    private volatile boolean running = true;

    HeapSampler(long pid) {
      this.pid = pid;
    }

    void stop() {
      running = false;
    }

    @Override
    public void run() {
      while (running) {
        try {
          Process p = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true).start();
          String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
          p.waitFor();
          if (lines.length == 2) {
            String[] head = lines[0].trim().split("\\s+");
            String[] values = lines[1].trim().split("\\s+");
            double used = 0;
            for (int i = 0; i < head.length; i++) {
              if (List.of("S0U", "S1U", "EU", "OU").contains(head[i])) {
                used += Double.parseDouble(values[i]);
              }
            }
            peakKib.accumulateAndGet((long) used, Math::max);
            samples.incrementAndGet();
          }
          Thread.sleep(200);
        } catch (IOException | InterruptedException | NumberFormatException e) {
          return;
        }
      }
    }
  }

  // --- servers --------------------------------------------------------------------------------

  private double startAndStop(boolean withDars) throws Exception {
    BenchServer s = start(withDars);
    s.stop();
    return s.readySeconds();
  }

  private BenchServer start(boolean withDars) throws Exception {
    String name = withDars ? "dars" : "bare";
    String jfr = System.getProperty("bench.jfr", "");
    return BenchServer.start(wildfly, work, name, withDars, OFFSET, work.resolve(name + "-data"),
        "-Xmx512m" + (withDars && !jfr.isEmpty() ? " -XX:StartFlightRecording=settings=profile,filename=" + jfr : ""),
        "-Ddars.samples=false", "-Ddars.admin.password=" + ADMIN_PASSWORD);
  }

  private static String get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + path))
        .header("Authorization", AUTHORIZATION).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
  }
}
