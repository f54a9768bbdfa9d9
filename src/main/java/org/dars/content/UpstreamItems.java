package org.dars.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.dars.platform.DarsException;
import org.dars.security.Visibility;
import org.dars.storage.Sha256;

/**
 * What release sharing (issue 5, {@code org.dars.sharing}) needs from items: writing an item version
 * imported from another instance with the origin's item id, version number and bytes (already
 * committed to the blob store and verified by the caller), inside the caller's one import
 * transaction. Imported versions start PROCESSING, so extraction and indexing follow as for an
 * upload. A local item is never changed by an import.
 */
@ApplicationScoped
public class UpstreamItems {
  @Inject ItemRepository repository;
  @Inject Event<ItemChanged> changed;
  @Inject Event<VersionStored> stored;

  /** One imported version, as the package's manifest describes it. */
  public record ImportedVersion(
      ItemId item, int number, Sha256 sha256, long size, String mediaType, String fileName, Instant createdAt, String createdBy) {}

  public enum Outcome { ADDED, ALREADY_PRESENT }

  /** True if any item version refers to this blob, as its file or its text: an interrupted import must keep it. */
  public boolean usesBlob(Sha256 blob) {
    return repository.referencesBlob(blob);
  }

  /**
   * Writes one version; creates the upstream item on its first version and refreshes the metadata
   * of an upstream copy from the same origin. Refuses (409) when the id belongs to a local item or
   * another origin, or when the version exists here with other bytes.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome write(ImportedVersion v, String metadataJson, UUID originInstance, String originOrganisation, String actor) {
    Instant now = Instant.now();
    ItemMetadata parsed = ItemMetadata.parse(metadataJson, null);
    // An item travels in a release shared with partners, so here it is at least visible to partners,
    // whatever it is at its origin; "public" stays public.
    ItemMetadata metadata = parsed.visibility().equals(Visibility.ORGANISATION.id())
        ? parsed.withVisibility(Visibility.PARTNERS.id()) : parsed;
    Optional<Item> found = repository.findForUpdate(v.item());
    Item item;
    if (found.isPresent()) {
      item = found.get();
      if (item.originInstance().map(o -> !o.equals(originInstance)).orElse(true)) {
        throw DarsException.conflict("item-id-taken",
            "Item " + v.item() + " already exists here as " + (item.originInstance().isEmpty() ? "a local item"
                : "an upstream copy from " + item.originOrganisation().orElse("?"))
                + "; a package from " + originOrganisation + " cannot change it.");
      }
      Optional<ItemVersion> existing = repository.version(v.item(), v.number());
      if (existing.isPresent()) {
        if (!existing.get().sha256().equals(v.sha256())) {
          throw DarsException.conflict("version-differs",
              "Version " + v.number() + " of item " + v.item() + " is here with SHA-256 " + existing.get().sha256()
                  + ", but the package says " + v.sha256() + ". Versions never change; the package is refused.");
        }
        if (!item.metadata().equals(metadata)) {
          item.describe(metadata, now);
          changed.fire(new ItemChanged(v.item()));
        }
        return Outcome.ALREADY_PRESENT;
      }
      item.describe(metadata, now);
    } else {
      item = Item.upstream(v.item(), metadata, originInstance, originOrganisation, actor, now);
      repository.persist(item);
    }
    item.importedVersion(v.number(), now);
    ItemVersion version = new ItemVersion(v.item(), v.number(), v.sha256(), v.size(), v.mediaType(), v.fileName(),
        v.createdBy(), v.createdAt());
    repository.persist(version);
    repository.persist(new ItemHistoryEntry(v.item(), now, actor, ItemHistoryEntry.Action.IMPORTED,
        Json.createObjectBuilder().add("version", v.number()).add("sha256", v.sha256().hex())
            .add("originInstance", originInstance.toString()).add("originOrganisation", originOrganisation).build().toString()));
    stored.fire(new VersionStored(v.item(), v.number()));
    changed.fire(new ItemChanged(v.item()));
    return Outcome.ADDED;
  }
}
