package org.dars.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.dars.content.Item;
import org.dars.content.ItemId;
import org.dars.content.ItemMetadata;
import org.dars.content.ItemRepository;
import org.dars.content.ItemStatus;
import org.dars.content.ItemVersion;
import org.dars.storage.BlobStore;
import org.jboss.logging.Logger;

/**
 * Drains the {@link IndexOutbox} into the {@link SearchIndex}, on one thread at a time. A drain is
 * requested right after every committed change, so an item is searchable well within a second of
 * becoming READY; a sweep every few seconds catches anything a lost wake-up missed.
 */
@ApplicationScoped
public class Indexer {
  private static final Logger LOG = Logger.getLogger(Indexer.class);
  private static final int BATCH = 200;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject SearchIndex index;
  @Inject IndexOutbox outbox;
  @Inject ItemRepository items;
  @Inject BlobStore blobs;

  private final AtomicBoolean queued = new AtomicBoolean();

  /** Opens the index, rebuilds it if its analysis is stale, and starts the periodic sweep. */
  public void start() {
    if (index.open()) {
      outbox.enqueueAll(items.allIds());
    }
    scheduler.scheduleWithFixedDelay(this::requestDrain, 1, 5, TimeUnit.SECONDS);
    requestDrain();
  }

  void requestDrain() {
    if (queued.compareAndSet(false, true)) {
      scheduler.execute(() -> {
        queued.set(false);
        drain();
      });
    }
  }

  /** Indexes everything pending now; returns how many outbox entries were handled. */
  public synchronized int drain() {
    int handled = 0;
    try {
      while (true) {
        List<IndexOutboxEntry> batch = outbox.next(BATCH);
        if (batch.isEmpty()) {
          return handled;
        }
        Set<UUID> ids = new LinkedHashSet<>();
        batch.forEach(e -> ids.add(e.itemId()));
        for (UUID id : ids) {
          reindex(new ItemId(id));
        }
        index.commit();
        outbox.done(batch.stream().map(IndexOutboxEntry::id).toList());
        handled += batch.size();
      }
    } catch (IOException | RuntimeException e) {
      LOG.errorf(e, "Indexing stopped after %d changes; the rest stay in the outbox and are retried", handled);
      return handled;
    }
  }

  private void reindex(ItemId id) throws IOException {
    Optional<Item> item = items.find(id);
    Optional<ItemVersion> ready = item.filter(i -> !i.isDeleted())
        .flatMap(i -> items.versions(id).stream()
            .filter(v -> v.status() == ItemStatus.READY)
            .max(Comparator.comparingInt(ItemVersion::number)));
    if (ready.isEmpty()) {
      index.delete(id.toString());
      return;
    }
    index.update(id.toString(), document(item.get(), ready.get()));
  }

  private Document document(Item item, ItemVersion version) throws IOException {
    ItemMetadata m = item.metadata();
    Document doc = new Document();
    doc.add(new StringField(ItemFields.ID, item.id().toString(), Field.Store.YES));
    doc.add(new StoredField(ItemFields.VERSION, version.number()));
    addText(doc, ItemFields.TITLE, ItemFields.TITLE_EXACT, item.title(), true);
    if (m.description() != null) {
      addText(doc, ItemFields.DESCRIPTION, ItemFields.DESCRIPTION_EXACT, m.description(), false);
    }
    String meta = String.join(" \n ", concat(m.subjects(), m.tags(), m.authors(),
        m.level() == null ? List.of() : List.of(m.level()), m.organisation() == null ? List.of() : List.of(m.organisation())));
    addText(doc, ItemFields.META, ItemFields.META_EXACT, meta, false);
    String text = text(version);
    addText(doc, ItemFields.TEXT, ItemFields.TEXT_EXACT, text, true);
    List<String> languages = m.language().isEmpty()
        ? version.detectedLanguage().map(List::of).orElse(List.of())
        : m.language();
    for (String language : languages) {
      doc.add(new StringField(ItemFields.LANGUAGE, language, Field.Store.YES));
    }
    doc.add(new StringField(ItemFields.MEDIA_TYPE, version.mediaType(), Field.Store.YES));
    doc.add(new NumericDocValuesField(ItemFields.CREATED, item.createdAt().toEpochMilli()));
    return doc;
  }

  private static void addText(Document doc, String field, String exactField, String value, boolean stored) {
    doc.add(new TextField(field, value, stored ? Field.Store.YES : Field.Store.NO));
    doc.add(new TextField(exactField, value, Field.Store.NO));
  }

  private String text(ItemVersion version) throws IOException {
    if (version.textSha256().isEmpty()) {
      return "";
    }
    try (InputStream in = blobs.open(version.textSha256().get())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
