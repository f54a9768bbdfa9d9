package org.dars.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.dars.security.OrganisationId;
import org.dars.security.ReviewState;
import org.dars.security.Visibility;

/**
 * An item: one piece of training material. It is created with its first version and never loses
 * its id. Metadata can change (each change is recorded in the history); versions only accumulate.
 * Deleting an item keeps the row as a tombstone, so links answer 410 with its title and reason.
 */
@Entity
@Table(name = "item")
public class Item {
  @Id private UUID id;

  @Column(nullable = false)
  private String title;

  @Column(name = "metadata_json", nullable = false)
  private String metadataJson;

  private String organisation;

  @Column(name = "latest_version", nullable = false)
  private int latestVersion;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "deleted_by")
  private String deletedBy;

  @Column(name = "deleted_reason")
  private String deletedReason;

  private String replacement;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  /** Set on upstream copies imported from another instance (issue 5); null on local items. */
  @Column(name = "origin_instance", updatable = false)
  private UUID originInstance;

  @Column(name = "origin_organisation")
  private String originOrganisation;

  @Column(name = "owner_org")
  private String ownerOrg;

  @Column(nullable = false)
  private String visibility;

  @Column(name = "review_state", nullable = false)
  private String reviewState;

  protected Item() {}

  Item(ItemId id, ItemMetadata metadata, OrganisationId owner, ReviewState state, String actor, Instant now) {
    this.id = id.value();
    this.ownerOrg = owner.value();
    this.reviewState = state.id();
    this.createdAt = now;
    this.createdBy = actor;
    this.latestVersion = 0;
    describe(metadata, now);
  }

  public ItemId id() {
    return new ItemId(id);
  }

  public String title() {
    return title;
  }

  public ItemMetadata metadata() {
    return ItemMetadata.fromJson(metadataJson);
  }

  public int latestVersion() {
    return latestVersion;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public Optional<Tombstone> tombstone() {
    return isDeleted()
        ? Optional.of(new Tombstone(id(), title, deletedAt, deletedBy, deletedReason, replacement))
        : Optional.empty();
  }

  /** The instance this item was imported from, if it is an upstream copy. */
  public Optional<UUID> originInstance() {
    return Optional.ofNullable(originInstance);
  }

  public Optional<String> originOrganisation() {
    return Optional.ofNullable(originOrganisation);
  }

  /** The organisation the item belongs to; its authors change it. */
  public OrganisationId owner() {
    return new OrganisationId(ownerOrg);
  }

  public Visibility visibility() {
    return Visibility.parse(visibility);
  }

  public ReviewState reviewState() {
    return ReviewState.of(reviewState);
  }

  void review(ReviewState state, Instant now) {
    this.reviewState = state.id();
    this.updatedAt = now;
  }

  static Item upstream(ItemId id, ItemMetadata metadata, UUID originInstance, String originOrganisation, String actor, Instant now) {
    Item item = new Item(id, metadata, OrganisationId.forPartner(originInstance), ReviewState.PUBLISHED, actor, now);
    item.originInstance = originInstance;
    item.originOrganisation = originOrganisation;
    return item;
  }

  /** Records an imported version with the number it has at the origin (numbers may skip). */
  void importedVersion(int number, Instant now) {
    latestVersion = Math.max(latestVersion, number);
    updatedAt = now;
  }

  void describe(ItemMetadata metadata, Instant now) {
    this.title = metadata.title();
    this.organisation = metadata.organisation();
    this.visibility = metadata.visibility();
    this.metadataJson = metadata.toJson();
    this.updatedAt = now;
  }

  int nextVersion(Instant now) {
    latestVersion++;
    updatedAt = now;
    return latestVersion;
  }

  void delete(String actor, String reason, String replacementLink, Instant now) {
    deletedAt = now;
    deletedBy = actor;
    deletedReason = reason;
    replacement = replacementLink;
    updatedAt = now;
  }
}
