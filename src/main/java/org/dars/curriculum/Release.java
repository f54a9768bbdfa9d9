package org.dars.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A published release: the draft as it was, with every entry resolved to an exact item version.
 * Its tree and notes are never updated (the columns are not updatable); withdrawing only marks it,
 * and there is no way to delete one.
 */
@Entity
@Table(name = "curriculum_release")
class Release {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "curriculum_id", nullable = false, updatable = false)
  private UUID curriculumId;

  @Column(nullable = false, updatable = false)
  private int major;

  @Column(nullable = false, updatable = false)
  private int minor;

  @Column(updatable = false)
  private String notes;

  @Column(name = "tree_json", nullable = false, updatable = false)
  private String treeJson;

  @Column(nullable = false, updatable = false)
  private int entries;

  @Column(name = "published_at", nullable = false, updatable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false, updatable = false)
  private String publishedBy;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @Column(name = "withdrawn_by")
  private String withdrawnBy;

  @Column(name = "withdrawn_reason")
  private String withdrawnReason;

  protected Release() {}

  Release(CurriculumId curriculum, ReleaseVersion version, String notes, CurriculumDocument resolved, String actor, Instant now) {
    this.curriculumId = curriculum.value();
    this.major = version.major();
    this.minor = version.minor();
    this.notes = notes;
    this.treeJson = resolved.write();
    this.entries = resolved.tree.entries().size();
    this.publishedAt = now;
    this.publishedBy = actor;
  }

  /** A release imported from its origin, keeping the origin's number, notes, author and time. */
  static Release imported(CurriculumId curriculum, ReleaseVersion version, String notes, CurriculumDocument resolved,
      String publishedBy, Instant publishedAt) {
    Release r = new Release(curriculum, version, notes, resolved, publishedBy, publishedAt);
    return r;
  }

  CurriculumId curriculum() {
    return new CurriculumId(curriculumId);
  }

  ReleaseVersion version() {
    return new ReleaseVersion(major, minor);
  }

  Optional<String> notes() {
    return Optional.ofNullable(notes);
  }

  CurriculumDocument document() {
    return CurriculumDocument.read(treeJson);
  }

  int entries() {
    return entries;
  }

  Instant publishedAt() {
    return publishedAt;
  }

  String publishedBy() {
    return publishedBy;
  }

  boolean isWithdrawn() {
    return withdrawnAt != null;
  }

  Optional<Instant> withdrawnAt() {
    return Optional.ofNullable(withdrawnAt);
  }

  Optional<String> withdrawnBy() {
    return Optional.ofNullable(withdrawnBy);
  }

  Optional<String> withdrawnReason() {
    return Optional.ofNullable(withdrawnReason);
  }

  void withdraw(String actor, String reason, Instant now) {
    this.withdrawnAt = now;
    this.withdrawnBy = actor;
    this.withdrawnReason = reason;
  }
}
