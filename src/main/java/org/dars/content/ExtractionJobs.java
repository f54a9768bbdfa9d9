package org.dars.content;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.dars.extraction.Extraction;
import org.dars.extraction.ExtractionException;
import org.dars.platform.DarsConfig;
import org.dars.storage.BlobStore;
import org.dars.storage.StagedBlob;
import org.jboss.logging.Logger;

/**
 * Runs extraction after a version is safely stored. Jobs queue on a small pool this deployment
 * owns ({@code dars.extraction.threads}, default two), so extraction never competes with request
 * threads, and an undeployment stops its own jobs instead of leaving them in a server-wide queue. Each parse runs on a thread of its own that the job abandons at the time limit: Tika
 * cannot be stopped from outside, but the version is marked FAILED at once and other work goes on.
 * Versions still PROCESSING at start-up (a crash mid-extraction) are queued again.
 */
@ApplicationScoped
public class ExtractionJobs {
  private static final Logger LOG = Logger.getLogger(ExtractionJobs.class);

  @Resource ManagedThreadFactory threads;

  @Inject DarsConfig config;
  @Inject BlobStore blobs;
  @Inject ExtractorHolder extractor;
  @Inject ItemTransactions transactions;
  @Inject ItemRepository repository;

  private ExecutorService jobs;
  private ExecutorService parsers;
  private final AtomicInteger abandoned = new AtomicInteger();

  @PostConstruct
  void start() {
    jobs = Executors.newFixedThreadPool(config.extractionThreads(), threads);
    parsers = Executors.newCachedThreadPool(threads);
  }

  @PreDestroy
  void stop() {
    // Interrupted jobs leave their versions PROCESSING; the next start queues them again.
    jobs.shutdownNow();
    parsers.shutdownNow();
    try {
      if (!jobs.awaitTermination(15, TimeUnit.SECONDS)) {
        LOG.warn("Extraction jobs still running at shutdown; their versions are resumed at the next start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) VersionStored stored) {
    submit(stored.item(), stored.number());
  }

  /** Queues every version that has not finished extraction; called at start-up. */
  public int resumeUnfinished() {
    var unfinished = repository.unfinished();
    unfinished.forEach(v -> submit(v.itemId(), v.number()));
    return unfinished.size();
  }

  void submit(ItemId item, int number) {
    jobs.execute(() -> {
      try {
        run(item, number);
      } catch (RuntimeException | Error e) {
        LOG.errorf(e, "Extraction job for %s v%d failed; the version stays PROCESSING and is resumed at the next start",
            item, number);
      }
    });
  }

  /** Extracts one version now, on the calling thread; used by the job and by benchmarks. */
  public void run(ItemId item, int number) {
    var version = repository.version(item, number);
    if (version.isEmpty() || version.get().status() != ItemStatus.PROCESSING) {
      return;
    }
    var sha = version.get().sha256();
    Future<Extraction> parse = parsers.submit(() -> extractor.get().extract(blobs.localFile(sha)));
    try {
      Extraction result = parse.get(config.extractionTimeout().toSeconds(), TimeUnit.SECONDS);
      StagedBlob text = null;
      if (!result.text().isEmpty()) {
        text = blobs.stage(new java.io.ByteArrayInputStream(result.text().getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE);
        blobs.commit(text);
      }
      transactions.extracted(item, number, result, text == null ? null : text.sha256());
      LOG.infof("Extracted %s v%d: %s, %d characters, language %s", item, number, result.mediaType(),
          result.text().length(), result.language().orElse("unknown"));
    } catch (TimeoutException e) {
      parse.cancel(true);
      LOG.warnf("Extraction of %s v%d exceeded %s and was abandoned (%d abandoned so far)", item, number,
          config.extractionTimeout(), abandoned.incrementAndGet());
      transactions.failed(item, number, null,
          "Extraction took longer than " + config.extractionTimeout().toSeconds()
              + " seconds (dars.extraction.timeout-seconds) and was stopped. The file may be damaged or built to stall readers.");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ExtractionException ee) {
        LOG.infof("Extraction of %s v%d failed: %s", item, number, ee.getMessage());
        transactions.failed(item, number, ee.mediaType(), ee.getMessage());
      } else {
        LOG.errorf(cause, "Extraction of %s v%d crashed; the bytes are kept and it can be retried", item, number);
        transactions.failed(item, number, null,
            "Extraction crashed (" + cause.getClass().getSimpleName() + "). The file is kept; retry extraction later.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.errorf(e, "Could not store the extracted text of %s v%d; it stays PROCESSING and is retried at start-up", item, number);
    }
  }
}
