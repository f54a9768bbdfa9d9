package org.dars.sharing;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.ReleaseVersion;
import org.dars.curriculum.UpstreamReleases;
import org.dars.platform.DarsConfig;
import org.dars.platform.DarsException;
import org.dars.platform.JsonLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Pulls new releases from a partner with a base URL: lists the partner's releases
 * ({@code GET /api/v1/sharing/releases} with our partner token), and for each one not here
 * downloads its package (a delta since the newest release of that curriculum already here) into
 * {@code <data dir>/sharing/downloads/}, resuming with {@code Range} after a dropped connection,
 * then imports it like any package. Every network step has a connect and request timeout, every
 * body a bound on silence, and retries are bounded (exponential backoff); one sync per partner
 * runs at a time, so a partner that is down costs a few bounded attempts and never blocks the
 * instance.
 */
@ApplicationScoped
public class SyncService {
  private static final Logger LOG = Logger.getLogger(SyncService.class);

  /** Largest release list read from a partner. */
  private static final int MAX_FEED_BYTES = 16 << 20;

  @Resource ManagedScheduledExecutorService timer;
  @Inject PartnerService partners;
  @Inject ImportService imports;
  @Inject UpstreamReleases releases;
  @Inject DarsConfig config;

  @Inject
  @ConfigProperty(name = "dars.sharing.attempts", defaultValue = "5")
  int attempts;

  @Inject
  @ConfigProperty(name = "dars.sharing.backoff-millis", defaultValue = "500")
  long backoffMillis;

  @Inject
  @ConfigProperty(name = "dars.sharing.timeout-seconds", defaultValue = "30")
  long timeoutSeconds;

  private final Map<UUID, ReentrantLock> running = new ConcurrentHashMap<>();

  /** What one sync did. */
  public record SyncReport(String partner, String outcome, int listed, List<ImportReport> imports, List<String> errors,
      long bytesTransferred, int resumes) {}

  public SyncReport sync(UUID partnerId, String actor) {
    Partner partner = partners.find(partnerId);
    String base = partner.baseUrl().orElseThrow(() -> DarsException.conflict("no-base-url",
        "Partner " + partnerId + " has no base URL, so there is nothing to pull from. Register it again with 'baseUrl',"
            + " or carry its packages by hand to the import folder."));
    ReentrantLock lock = running.computeIfAbsent(partnerId, k -> new ReentrantLock());
    if (!lock.tryLock()) {
      throw DarsException.conflict("sync-running", "A sync with partner " + partnerId + " is already running.");
    }
    Instant started = Instant.now();
    Transfer transfer = new Transfer();
    List<ImportReport> reports = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int listed = 0;
    try {
      // No redirects: the base URL is the one an administrator registered, and a redirect would
      // carry the partner's token to, and echo into lastError the answer of, an address nobody chose.
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds))
          .followRedirects(HttpClient.Redirect.NEVER).build();
      URI root = URI.create(base.endsWith("/") ? base : base + "/");
      JsonObject feed = feed(client, root, partner, transfer);
      for (JsonValue v : feed.getJsonArray("releases")) {
        listed++;
        JsonObject e = v.asJsonObject();
        CurriculumId curriculum = CurriculumId.parse(e.getString("curriculum"));
        ReleaseVersion version = ReleaseVersion.parse(e.getString("version"));
        if (releases.hasRelease(curriculum, version)) {
          continue;
        }
        Optional<ReleaseVersion> since = releases.releases(curriculum).stream().filter(r -> version.isAfter(r))
            .max(ReleaseVersion::compareTo);
        try {
          reports.add(pull(client, root, partner, curriculum, version, since, transfer, actor));
        } catch (PackageRefusedException refused) {
          if (since.isPresent() && (refused.reason().equals("missing-base") || refused.reason().equals("missing-blob"))) {
            reports.add(pull(client, root, partner, curriculum, version, Optional.empty(), transfer, actor));
          } else {
            errors.add(curriculum + " " + version + ": " + refused.getMessage());
          }
        }
      }
    } catch (RuntimeException | IOException e) {
      errors.add(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      LOG.warnf("Sync with partner %s failed: %s", partnerId, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      errors.add("interrupted");
    } finally {
      lock.unlock();
      partners.recordSync(partnerId, started, transfer.bytes, errors.isEmpty() ? null : String.join("; ", errors));
    }
    return new SyncReport(partnerId.toString(), errors.isEmpty() ? "ok" : "failed", listed, reports, errors, transfer.bytes,
        transfer.resumes);
  }

  private static final class Transfer {
    long bytes;
    int resumes;
  }

  private JsonObject feed(HttpClient client, URI root, Partner partner, Transfer transfer) throws IOException, InterruptedException {
    IOException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<InputStream> r = client.send(request(root.resolve("api/v1/sharing/releases"), partner).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = r.body()) {
          if (!copy(in, body, MAX_FEED_BYTES, transfer)) {
            throw new IOException("The partner's release list is longer than " + MAX_FEED_BYTES + " bytes");
          }
        }
        if (r.statusCode() == 200) {
          String text = body.toString(StandardCharsets.UTF_8);
          if (JsonLimits.tooDeep(text)) {
            throw new IOException("The partner's release list nests deeper than " + JsonLimits.MAX_DEPTH + " levels.");
          }
          return Json.createReader(new java.io.StringReader(text)).readObject();
        }
        if (r.statusCode() < 500) {
          throw new IOException("The partner answered " + r.statusCode() + " to the release list: "
              + abbreviate(body.toString(StandardCharsets.UTF_8)));
        }
        last = new IOException("The partner answered " + r.statusCode());
      } catch (IOException e) {
        if (e.getMessage() != null && e.getMessage().matches("(?s)The partner answered [34].*")) {
          throw e;
        }
        last = e;
      }
      backoff(attempt);
    }
    throw new IOException("The partner did not answer after " + attempts + " attempts: " + describe(last), last);
  }

  private ImportReport pull(HttpClient client, URI root, Partner partner, CurriculumId curriculum, ReleaseVersion version,
      Optional<ReleaseVersion> since, Transfer transfer, String actor) throws IOException, InterruptedException {
    Path dir = config.dataDir().resolve("sharing").resolve("downloads");
    Files.createDirectories(dir);
    String name = partner.id() + "-" + curriculum + "-" + version + since.map(s -> "-since-" + s).orElse("");
    Path part = dir.resolve(name + ".zip.part");
    URI uri = root.resolve("api/v1/curricula/" + curriculum + "/releases/" + version + "/package"
        + since.map(s -> "?since=" + s).orElse(""));
    download(client, uri, partner, part, transfer);
    try {
      return imports.importFile(part, actor);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** Downloads to {@code part}, resuming from its length with Range after any failure, within the attempt limit. */
  void download(HttpClient client, URI uri, Partner partner, Path part, Transfer transfer) throws IOException, InterruptedException {
    IOException last = null;
    String etag = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      long have = Files.exists(part) ? Files.size(part) : 0;
      HttpRequest.Builder b = request(uri, partner).GET();
      if (have > 0) {
        b.header("Range", "bytes=" + have + "-");
        if (etag != null) {
          b.header("If-Range", etag);
        }
        transfer.resumes++;
      }
      try {
        HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        etag = r.headers().firstValue("ETag").orElse(etag);
        int status = r.statusCode();
        if (status == 416 && have > 0) {
          r.body().close();
          return; // we already have every byte
        }
        if (status != 200 && status != 206) {
          ByteArrayOutputStream head = new ByteArrayOutputStream();
          try (InputStream in = r.body()) {
            copy(in, head, 2000, transfer);
          }
          String body = head.toString(StandardCharsets.UTF_8);
          if (status < 500) {
            throw new PackageRefusedException("download-refused", "The partner answered " + status + " for " + uri.getPath()
                + ": " + abbreviate(body));
          }
          throw new IOException("The partner answered " + status);
        }
        boolean append = status == 206;
        try (InputStream in = r.body();
            OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
          copy(in, out, Long.MAX_VALUE, transfer);
        }
        long expected = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        long got = Files.size(part) - (append ? have : 0);
        if (expected >= 0 && got < expected) {
          throw new IOException("The connection closed after " + got + " of " + expected + " bytes");
        }
        return;
      } catch (PackageRefusedException e) {
        throw e;
      } catch (IOException e) {
        last = e;
        LOG.infof("Download of %s broke off (attempt %d of %d, %d bytes so far): %s", uri.getPath(), attempt, attempts,
            Files.exists(part) ? Files.size(part) : 0, describe(e));
      }
      backoff(attempt);
    }
    throw new IOException("Download of " + uri.getPath() + " failed after " + attempts + " attempts: " + describe(last), last);
  }

  /**
   * Copies a response body, stopping after {@code limit} bytes; true if it reached the end.
   * HttpClient's request timeout ends when the headers arrive, so a watchdog closes the body once
   * no byte has come for {@code dars.sharing.timeout-seconds}: a link that dies mid-transfer costs
   * one timeout per attempt instead of holding this partner's sync (and the scheduler's thread)
   * for ever.
   */
  private boolean copy(InputStream in, OutputStream out, long limit, Transfer transfer) throws IOException {
    long silence = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    AtomicLong lastByte = new AtomicLong(System.nanoTime());
    AtomicBoolean stalled = new AtomicBoolean();
    long period = Math.max(50, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(silence) / 4));
    ScheduledFuture<?> watchdog = timer.scheduleWithFixedDelay(() -> {
      if (System.nanoTime() - lastByte.get() > silence && stalled.compareAndSet(false, true)) {
        try {
          in.close(); // wakes the blocked read below with an IOException
        } catch (IOException e) {
          // closing is all we wanted
        }
      }
    }, period, period, TimeUnit.MILLISECONDS);
    try {
      byte[] buf = new byte[1 << 16];
      long copied = 0;
      int n;
      while (copied < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - copied))) != -1) {
        lastByte.set(System.nanoTime());
        copied += n;
        out.write(buf, 0, n);
        transfer.bytes += n;
      }
      if (stalled.get()) {
        throw silent(null);
      }
      return copied < limit || in.read() == -1;
    } catch (IOException e) {
      throw stalled.get() ? silent(e) : e;
    } finally {
      watchdog.cancel(false);
    }
  }

  private IOException silent(IOException cause) {
    return new IOException("The partner sent nothing for " + timeoutSeconds + " s (dars.sharing.timeout-seconds)", cause);
  }

  private HttpRequest.Builder request(URI uri, Partner partner) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeoutSeconds));
    partner.remoteToken().ifPresent(t -> b.header("Authorization", "Bearer " + t));
    return b;
  }

  private void backoff(int attempt) throws InterruptedException {
    if (attempt < attempts) {
      Thread.sleep(Math.min(30_000, backoffMillis * (1L << Math.min(attempt - 1, 10))));
    }
  }

  private static String describe(Exception e) {
    return e == null ? "unknown" : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }

}
