package org.dars.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;
import org.dars.content.Item;
import org.dars.content.ItemId;
import org.dars.content.ItemMetadata;
import org.dars.content.ItemRepository;
import org.dars.content.ItemStatus;
import org.dars.content.ItemVersion;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.CurriculumService;
import org.dars.curriculum.CurriculumSummary;
import org.dars.curriculum.CurriculumView;
import org.dars.curriculum.Origin;
import org.dars.curriculum.Titles;
import org.dars.platform.DarsException;
import org.dars.storage.BlobStore;
import org.jboss.logging.Logger;

/**
 * Keeps the {@link SearchIndex} in step with the database.
 *
 * <p>Lifecycle: {@link #start()} opens the index, drains whatever the outbox still holds (changes
 * committed before a crash or {@code kill -9} but never indexed), starts a periodic sweep, and, if
 * the index was missing or written with another analysis schema, starts a full rebuild.
 *
 * <p>Draining: a drain is requested right after every committed change, so an item is searchable
 * well within a second of becoming READY; the sweep every few seconds catches anything a lost
 * wake-up missed. Outbox rows are deleted only after the index commit that contains them.
 *
 * <p>Rebuilding: a new index generation is filled from the database in batches while searches
 * keep reading the live one. Drains and rebuild batches take the same lock and each reads the
 * database afresh, so whichever writes an item last writes its newest state; drains also write to
 * the new generation, so changes made during the rebuild are in it when it is swapped in.
 *
 * <p>Curricula share the outbox: a {@code CurriculumChanged} event writes a row holding the
 * curriculum's id, in the transaction of the change, exactly as an item change does. Item and
 * curriculum ids are random UUIDs, so a row names one or the other; the drain looks for an item of
 * that id, then a curriculum, and deletes the document if there is neither.
 */
@ApplicationScoped
public class Indexer {
  private static final Logger LOG = Logger.getLogger(Indexer.class);
  private static final int BATCH = 200;
  private static final int REBUILD_BATCH = 50;

  @Resource ManagedScheduledExecutorService scheduler;

  /** The periodic sweep; cancelled with the deployment, since the scheduler is the server's. */
  private volatile java.util.concurrent.ScheduledFuture<?> sweep;
  private volatile boolean stopping;

  /**
   * Stops the sweep and waits for a drain under way: a drain cut off by the undeployment would
   * leave its outbox transaction open, holding row locks that block the next deployment's drain
   * until the transaction times out (seen on PostgreSQL).
   */
  @jakarta.annotation.PreDestroy
  void stop() {
    stopping = true;
    if (sweep != null) {
      sweep.cancel(false);
    }
    synchronized (this) {
      // drain() is synchronized: entering here means no drain is running, and none will start.
    }
  }

  @Inject SearchIndex index;
  @Inject IndexOutbox outbox;
  @Inject ItemRepository items;
  @Inject BlobStore blobs;
  @Inject CurriculumService curricula;

  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicBoolean rebuilding = new AtomicBoolean();
  private volatile boolean paused;
  private volatile RebuildProgress progress = RebuildProgress.idle();

  /** Opens the index, applies what the outbox still holds, and rebuilds if the index is stale. */
  public void start() {
    boolean stale = recover();
    sweep = scheduler.scheduleWithFixedDelay(this::requestDrain, 1, 5, TimeUnit.SECONDS);
    if (stale) {
      startRebuild();
    }
  }

  /**
   * The crash-recovery path: opens the index and indexes every outbox entry left from before.
   * Returns true if the index was missing or stale and needs a rebuild.
   */
  boolean recover() {
    boolean stale = index.open();
    int recovered = drain();
    if (recovered > 0) {
      LOG.infof("Indexed %d changes that were committed but not yet indexed before the last stop", recovered);
    }
    return stale;
  }

  void requestDrain() {
    if (!stopping && queued.compareAndSet(false, true)) {
      scheduler.execute(() -> {
        queued.set(false);
        drain();
      });
    }
  }

  /** Indexes everything pending now; returns how many outbox entries were handled. */
  public synchronized int drain() {
    if (stopping || paused || !index.isOpen()) {
      return 0;
    }
    int handled = 0;
    try {
      while (!stopping) {
        List<IndexOutboxEntry> batch = outbox.next(BATCH);
        if (batch.isEmpty()) {
          return handled;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        batch.forEach(e -> ids.add(e.itemId()));
        for (UUID id : ids) {
          Optional<Document> doc = document(id);
          if (doc.isPresent()) {
            index.update(id.toString(), doc.get());
          } else {
            index.delete(id.toString());
          }
        }
        index.commit();
        outbox.done(batch.stream().map(IndexOutboxEntry::id).toList());
        handled += batch.size();
      }
      return handled;
    } catch (IOException | RuntimeException e) {
      LOG.errorf(e, "Indexing stopped after %d changes; the rest stay in the outbox and are retried", handled);
      return handled;
    }
  }

  /** Starts a full rebuild in the background unless one is running; returns its progress. */
  public RebuildProgress startRebuild() {
    if (rebuilding.compareAndSet(false, true)) {
      progress = new RebuildProgress("running", null, 0, 0, Instant.now(), null, null);
      try {
        scheduler.execute(this::rebuild);
      } catch (RuntimeException e) {
        rebuilding.set(false);
        progress = progress.finished("failed", e.getClass().getSimpleName());
        throw e;
      }
    }
    return progress;
  }

  public RebuildProgress progress() {
    return progress;
  }

  /** The index as administrators see it, in the API and on the administration page. */
  public IndexStatus status() {
    return new IndexStatus(index.documentCount(), outbox.pending(), index.schemaVersion(), index.liveGeneration(),
        index.liveComplete(), progress);
  }

  private void rebuild() {
    try {
      List<UUID> all;
      synchronized (this) {
        int generation = index.beginRebuild();
        all = new ArrayList<>(items.allIds());
        all.addAll(curriculumIds());
        progress = new RebuildProgress("running", generation, all.size(), 0, progress.startedAt(), null, null);
      }
      LOG.infof("Rebuilding the search index: %d items into generation %d", all.size(), progress.generation());
      for (int from = 0; from < all.size(); from += REBUILD_BATCH) {
        List<UUID> batch = all.subList(from, Math.min(all.size(), from + REBUILD_BATCH));
        synchronized (this) {
          for (UUID id : batch) {
            index.updateRebuilt(id.toString(), document(id));
          }
        }
        progress = progress.advanced(from + batch.size());
      }
      synchronized (this) {
        index.finishRebuild();
      }
      progress = progress.finished("done", null);
    } catch (IOException | RuntimeException e) {
      LOG.errorf(e, "Rebuilding the search index failed after %d of %d items; the previous index stays live",
          progress.done(), progress.total());
      index.abortRebuild();
      progress = progress.finished("failed", e.getClass().getSimpleName());
    } finally {
      rebuilding.set(false);
    }
  }

  /** Every curriculum's id, read page by page. */
  private List<UUID> curriculumIds() {
    List<UUID> ids = new ArrayList<>();
    for (int page = 0; ; page++) {
      CurriculumSummary.Page p = curricula.page(page, 100);
      p.curricula().forEach(c -> ids.add(UUID.fromString(c.id())));
      if (p.curricula().isEmpty() || ids.size() >= p.total()) {
        return ids;
      }
    }
  }

  /** The document of the item or curriculum with this id, or empty if there is none to index. */
  private Optional<Document> document(UUID id) throws IOException {
    Optional<Document> item = document(new ItemId(id));
    if (item.isPresent() || items.find(new ItemId(id)).isPresent()) {
      return item;
    }
    return curriculum(new CurriculumId(id)).map(ItemDocuments::build);
  }

  private Optional<IndexedCurriculum> curriculum(CurriculumId id) {
    CurriculumView view;
    try {
      view = curricula.view(id);
    } catch (DarsException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
    Titles t = view.title();
    return Optional.of(new IndexedCurriculum(view.id(), t.in(view.language()),
        java.util.Arrays.asList(t.fa(), t.ar(), t.en()), view.description(), view.origin(),
        new IndexedAccess(view.owner(), view.visibility(), "published")));
  }

  /** The item's document, or empty if it is deleted or has no READY version. */
  private Optional<Document> document(ItemId id) throws IOException {
    Optional<Item> item = items.find(id);
    Optional<ItemVersion> ready = item.filter(i -> !i.isDeleted())
        .flatMap(i -> items.versions(id).stream()
            .filter(v -> v.status() == ItemStatus.READY)
            .max(Comparator.comparingInt(ItemVersion::number)));
    if (ready.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ItemDocuments.build(indexed(item.get(), ready.get())));
  }

  private IndexedItem indexed(Item item, ItemVersion version) throws IOException {
    ItemMetadata m = item.metadata();
    List<String> languages = m.language().isEmpty()
        ? version.detectedLanguage().map(List::of).orElse(List.of())
        : m.language();
    return new IndexedItem(item.id().toString(), version.number(), item.title(), m.description(), languages,
        m.subjects(), m.level(), m.tags(), m.license(), m.authors(), m.organisation(), version.mediaType(),
        item.createdAt(), text(version), origin(item),
        new IndexedAccess(item.owner().value(), item.visibility().id(), item.reviewState().id()));
  }

  private static Origin origin(Item item) {
    return item.originInstance().map(i -> new Origin(i, item.originOrganisation().orElse(i.toString()))).orElse(null);
  }

  private String text(ItemVersion version) throws IOException {
    if (version.textSha256().isEmpty()) {
      return "";
    }
    try (InputStream in = blobs.open(version.textSha256().get())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Stops draining, so a test can leave committed changes unindexed; see {@link #resume()}. */
  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
  }
}
