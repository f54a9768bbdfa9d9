package org.dars.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import org.dars.extraction.Extraction;
import org.dars.platform.DarsException;
import org.dars.security.OrganisationId;
import org.dars.security.ReviewState;
import org.dars.storage.Sha256;
import org.dars.storage.StagedBlob;

/**
 * The database half of every item change, one transaction each. Each change writes its history
 * entry in the same transaction, and announces itself with {@link ItemChanged} (in the
 * transaction) and {@link VersionStored} (after it commits).
 */
@ApplicationScoped
@Transactional
class ItemTransactions {
  @Inject ItemRepository repository;
  @Inject Event<ItemChanged> changed;
  @Inject Event<VersionStored> stored;

  ItemView create(ItemId id, ItemMetadata metadata, OrganisationId owner, ReviewState state, StagedBlob blob,
      String fileName, String mediaType, String actor) {
    Instant now = Instant.now();
    Item item = new Item(id, metadata, owner, state, actor, now);
    repository.persist(item);
    ItemVersion version = addVersion(item, blob, fileName, mediaType, actor, now);
    record(id, now, actor, ItemHistoryEntry.Action.CREATED,
        Json.createObjectBuilder().add("metadata", metadata.toJsonObject()).add("version", 1).add("sha256", blob.sha256().hex()));
    return ItemView.of(item, version);
  }

  ItemView addVersion(ItemId id, StagedBlob blob, String fileName, String mediaType, String actor) {
    Instant now = Instant.now();
    Item item = local(live(repository.findForUpdate(id), id));
    ItemVersion version = addVersion(item, blob, fileName, mediaType, actor, now);
    record(id, now, actor, ItemHistoryEntry.Action.VERSION_ADDED,
        Json.createObjectBuilder().add("version", version.number()).add("sha256", blob.sha256().hex()).add("fileName", fileName));
    return ItemView.of(item, version);
  }

  ItemView describe(ItemId id, String patchJson, String actor) {
    Instant now = Instant.now();
    Item item = local(live(repository.findForUpdate(id), id));
    ItemMetadata before = item.metadata();
    ItemMetadata after = before.merge(patchJson);
    item.describe(after, now);
    record(id, now, actor, ItemHistoryEntry.Action.METADATA_CHANGED,
        Json.createObjectBuilder().add("before", before.toJsonObject()).add("after", after.toJsonObject()));
    changed.fire(new ItemChanged(id));
    return ItemView.of(item, latest(item));
  }

  /** Moves the item through its organisation's review and records who did it and why. */
  ItemView review(ItemId id, ReviewState from, ReviewState to, String comment, String actor) {
    Instant now = Instant.now();
    Item item = local(live(repository.findForUpdate(id), id));
    if (item.reviewState() != from) {
      throw DarsException.conflict("wrong-review-state", "Item " + id + " is " + item.reviewState().id()
          + "; this step needs it to be " + from.id() + ".");
    }
    item.review(to, now);
    JsonObjectBuilder detail = Json.createObjectBuilder().add("from", from.id()).add("to", to.id());
    if (comment != null) {
      detail.add("comment", comment);
    }
    record(id, now, actor, ItemHistoryEntry.Action.REVIEWED, detail);
    changed.fire(new ItemChanged(id));
    return ItemView.of(item, latest(item));
  }

  Tombstone delete(ItemId id, String reason, String replacement, String actor) {
    Instant now = Instant.now();
    Item item = local(live(repository.findForUpdate(id), id));
    item.delete(actor, reason, replacement, now);
    JsonObjectBuilder detail = Json.createObjectBuilder();
    if (reason != null) {
      detail.add("reason", reason);
    }
    if (replacement != null) {
      detail.add("replacement", replacement);
    }
    record(id, now, actor, ItemHistoryEntry.Action.DELETED, detail);
    changed.fire(new ItemChanged(id));
    return item.tombstone().orElseThrow();
  }

  void extracted(ItemId id, int number, Extraction result, Sha256 text) {
    ItemVersion version = repository.version(id, number).orElseThrow();
    String json = Json.createObjectBuilder(Map.<String, Object>copyOf(result.metadata()))
        .add("truncated", result.truncated()).build().toString();
    version.extracted(result.mediaType(), text, result.text().length(), result.language().orElse(null), json, Instant.now());
    changed.fire(new ItemChanged(id));
  }

  void failed(ItemId id, int number, String mediaType, String reason) {
    repository.version(id, number).ifPresent(v -> v.failed(mediaType, reason, Instant.now()));
  }

  void retry(ItemId id, int number, String actor) {
    ItemVersion version = repository.version(id, number)
        .orElseThrow(() -> ItemService.unknownVersion(id, number));
    if (version.status() != ItemStatus.FAILED) {
      throw DarsException.conflict("not-failed",
          "Version " + number + " of item " + id + " is " + version.status() + "; only FAILED versions are extracted again.");
    }
    version.retry();
    record(id, Instant.now(), actor, ItemHistoryEntry.Action.EXTRACTION_RETRIED,
        Json.createObjectBuilder().add("version", number));
    stored.fire(new VersionStored(id, number));
  }

  private ItemVersion addVersion(Item item, StagedBlob blob, String fileName, String mediaType, String actor, Instant now) {
    int number = item.nextVersion(now);
    ItemVersion version = new ItemVersion(item.id(), number, blob.sha256(), blob.size(), mediaType, fileName, actor, now);
    repository.persist(version);
    stored.fire(new VersionStored(item.id(), number));
    return version;
  }

  private ItemVersion latest(Item item) {
    return repository.version(item.id(), item.latestVersion()).orElseThrow();
  }

  private void record(ItemId id, Instant at, String actor, ItemHistoryEntry.Action action, JsonObjectBuilder detail) {
    repository.persist(new ItemHistoryEntry(id, at, actor, action, detail.build().toString()));
  }

  /** Upstream copies change only through imports of newer releases from their origin. */
  static Item local(Item item) {
    if (item.originInstance().isPresent()) {
      throw DarsException.conflict("upstream-read-only",
          "Item " + item.id() + " is a read-only upstream copy from " + item.originOrganisation().orElse("a partner")
              + ". It changes only when its origin publishes a newer release; adopt the release to work on it locally.");
    }
    return item;
  }

  static Item live(java.util.Optional<Item> item, ItemId id) {
    Item found = item.orElseThrow(() -> ItemService.unknownItem(id));
    if (found.isDeleted()) {
      Tombstone t = found.tombstone().orElseThrow();
      Map<String, Object> tombstone = new java.util.LinkedHashMap<>();
      tombstone.put("id", id.toString());
      tombstone.put("title", t.title());
      tombstone.put("deletedAt", t.deletedAt().toString());
      if (t.reason() != null) {
        tombstone.put("reason", t.reason());
      }
      if (t.replacement() != null) {
        tombstone.put("replacement", t.replacement());
      }
      throw new DarsException(410, "item-deleted", "Gone",
          "Item " + id + " ('" + t.title() + "') was deleted on " + t.deletedAt()
              + (t.reason() == null ? "" : ": " + t.reason())
              + (t.replacement() == null ? "." : ". See " + t.replacement() + " instead."),
          Map.of("tombstone", tombstone), null);
    }
    return found;
  }
}
