package org.dars.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dars.platform.DarsException;
import org.dars.storage.BlobStore;
import org.dars.storage.Sha256;
import org.dars.storage.StagedBlob;
import org.dars.platform.DarsConfig;
import org.dars.security.Access;
import org.dars.security.AccountService;
import org.dars.security.AuditLog;
import org.dars.security.Organisation;
import org.dars.security.OrganisationId;
import org.dars.security.ReadScope;
import org.dars.security.ReviewState;
import org.dars.security.Role;
import org.dars.security.Visibility;
import org.jboss.logging.Logger;

/**
 * Items as the rest of Dars uses them. An upload becomes an item in three steps: the bytes are
 * already staged and fsynced ({@link MultipartReceiver}), the blob is committed under its digest,
 * then one transaction writes the item, its version and its history. If that transaction fails,
 * a blob this upload added is removed again, so nothing half-made stays behind.
 */
@ApplicationScoped
public class ItemService {
  private static final Logger LOG = Logger.getLogger(ItemService.class);

  @Inject ItemRepository repository;
  @Inject ItemTransactions transactions;
  @Inject BlobStore blobs;
  @Inject ExtractorHolder extractor;
  @Inject Access access;
  @Inject DarsConfig config;
  @Inject AccountService accounts;
  @Inject AuditLog audit;

  /** Creates an item from an upload; the metadata JSON is validated before anything is kept. */
  public ItemView create(Upload upload, String actor) {
    ItemMetadata metadata;
    OrganisationId owner;
    ReviewState state;
    try {
      access.require(Role.AUTHOR);
      owner = access.owner().orElseGet(() -> new OrganisationId(config.homeOrganisation()));
      state = accounts.findOrganisation(owner).filter(Organisation::reviewRequired).isPresent()
          ? ReviewState.DRAFT : ReviewState.PUBLISHED;
      metadata = upload.metadataJson()
          .map(json -> ItemMetadata.parse(json, upload.fileName()))
          .orElse(ItemMetadata.untitled(upload.fileName()));
    } catch (RuntimeException e) {
      blobs.discard(upload.file());
      throw e;
    }
    ItemId id = ItemId.random();
    return store(upload.file(), type -> transactions.create(id, metadata, owner, state, upload.file(), upload.fileName(), type, actor));
  }

  /** Adds version n+1 to an item. Metadata sent with it is applied as a merge patch. */
  public ItemView addVersion(ItemId id, Upload upload, String actor) {
    try {
      editable(id);
    } catch (RuntimeException e) {
      blobs.discard(upload.file());
      throw e;
    }
    if (upload.metadataJson().isPresent()) {
      blobs.discard(upload.file());
      throw DarsException.badRequest("metadata-not-allowed",
          "A new version takes only a 'file' part. Change metadata with PATCH /api/v1/items/" + id + ".");
    }
    return store(upload.file(), type -> transactions.addVersion(id, upload.file(), upload.fileName(), type, actor));
  }

  public ItemView describe(ItemId id, String mergePatch, String actor) {
    Visibility before = editable(id).visibility();
    ItemView view = transactions.describe(id, mergePatch, actor);
    if (!view.visibility().equals(before.id())) {
      audit.record(AuditLog.VISIBILITY_CHANGED, "item " + id, before.id() + " -> " + view.visibility());
    }
    return view;
  }

  public Tombstone delete(ItemId id, String reason, String replacement, String actor) {
    editable(id);
    Tombstone t = transactions.delete(id, reason, replacement, actor);
    audit.record(AuditLog.DELETED, "item " + id, reason);
    return t;
  }

  public void retryExtraction(ItemId id, int number, String actor) {
    Item item = live(id);
    if (!access.caller().has(Role.ADMIN)) {
      editable(id);
    }
    transactions.retry(item.id(), number, actor);
  }

  /**
   * One step of the organisation's review: an author submits a draft, a reviewer approves it (it is
   * published) or returns it to draft with a comment.
   */
  public ItemView review(ItemId id, String action, String comment, String actor) {
    Item item = live(id);
    ItemView view = switch (action == null ? "" : action) {
      case "submit" -> {
        editable(id);
        yield transactions.review(id, ReviewState.DRAFT, ReviewState.IN_REVIEW, comment, actor);
      }
      case "approve" -> {
        access.checkReview(item.owner(), item.visibility(), item.reviewState(), () -> unknownItem(id));
        yield transactions.review(id, ReviewState.IN_REVIEW, ReviewState.PUBLISHED, comment, actor);
      }
      case "return" -> {
        access.checkReview(item.owner(), item.visibility(), item.reviewState(), () -> unknownItem(id));
        yield transactions.review(id, ReviewState.IN_REVIEW, ReviewState.DRAFT, comment, actor);
      }
      default -> throw DarsException.invalid("invalid-review-action",
          "'action' must be 'submit' (author), 'approve' or 'return' (reviewer).");
    };
    audit.record(AuditLog.REVIEWED, "item " + id, action + (comment == null ? "" : ": " + comment));
    return view;
  }

  /**
   * The item if the caller may read it (401 for anonymous visitors, 404 otherwise, exactly as for an
   * unknown id), or its tombstone as a 410 if it was deleted.
   */
  public Item live(ItemId id) {
    return ItemTransactions.live(java.util.Optional.of(readable(id)), id);
  }

  /** The item, deleted or not, if the caller may read it: 401 for anonymous visitors, 404 otherwise. */
  public Item readable(ItemId id) {
    Item item = repository.find(id).orElseThrow(() -> unknownItem(id));
    checkRead(item);
    return item;
  }

  /** 401/404 unless the caller may read the item, whether or not it was deleted. */
  public void checkRead(Item item) {
    access.checkRead(item.owner(), item.visibility(), item.reviewState(), () -> unknownItem(item.id()));
  }

  /** The item if the caller may change it: 401, 403 or 404 otherwise. */
  public Item editable(ItemId id) {
    Item item = ItemTransactions.local(live(id)); // an upstream copy is read-only for everyone: say so
    access.checkEdit(item.owner(), item.visibility(), item.reviewState(), () -> unknownItem(id));
    return item;
  }

  public ItemView view(ItemId id) {
    Item item = live(id);
    return ItemView.of(item, repository.version(id, item.latestVersion()).orElseThrow());
  }

  public ItemVersion version(ItemId id, int number) {
    live(id);
    return repository.version(id, number).orElseThrow(() -> unknownVersion(id, number));
  }

  public List<VersionView> versions(ItemId id) {
    live(id);
    return repository.versions(id).stream().map(VersionView::of).toList();
  }

  public List<HistoryView> history(ItemId id) {
    live(id);
    return repository.history(id).stream().map(HistoryView::of).toList();
  }

  /** A page of the items the caller may read, newest first. */
  public ItemPage page(int page, int size) {
    ReadScope scope = access.readScope();
    List<Item> found = repository.page(scope, page * size, size);
    Map<ItemId, ItemVersion> latest = repository.latestVersions(found);
    List<ItemView> items = found.stream().map(i -> ItemView.of(i, latest.get(i.id()))).toList();
    return new ItemPage(repository.count(scope), page, size, items);
  }

  /** The extracted text of a version, if extraction found any. */
  public Optional<InputStream> text(ItemVersion version) {
    return version.textSha256().map(this::open);
  }

  public InputStream open(Sha256 sha256) {
    try {
      return blobs.open(sha256);
    } catch (IOException e) {
      throw new UncheckedIOException("Blob " + sha256 + " cannot be read", e);
    }
  }

  private ItemView store(StagedBlob staged, java.util.function.Function<String, ItemView> write) {
    String mediaType;
    boolean fresh;
    try {
      mediaType = extractor.get().detect(staged.file());
      fresh = blobs.commit(staged);
    } catch (IOException e) {
      blobs.discard(staged);
      throw new UncheckedIOException("Could not store the upload " + staged.sha256(), e);
    }
    try {
      return write.apply(mediaType);
    } catch (RuntimeException e) {
      if (fresh && !repository.referencesBlob(staged.sha256())) {
        try {
          blobs.delete(staged.sha256());
        } catch (IOException cleanup) {
          LOG.warnf(cleanup, "Could not remove blob %s after a failed upload", staged.sha256());
        }
      }
      throw e;
    }
  }

  static DarsException unknownItem(ItemId id) {
    return DarsException.notFound("unknown-item", "There is no item " + id + " in this repository.");
  }

  static DarsException unknownVersion(ItemId id, int number) {
    return DarsException.notFound("unknown-version", "Item " + id + " has no version " + number + ".");
  }
}
