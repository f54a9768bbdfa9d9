package org.dars.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A local curriculum started from an upstream release, and the upstream release it has taken last. */
@Entity
@Table(name = "sharing_adoption")
class Adoption {
  @Id
  @Column(name = "local_curriculum_id")
  private UUID local;

  @Column(name = "upstream_curriculum_id", nullable = false)
  private UUID upstream;

  @Column(name = "adopted_release", nullable = false)
  private String adoptedRelease;

  @Column(name = "adopted_at", nullable = false)
  private Instant adoptedAt;

  @Column(name = "adopted_by", nullable = false)
  private String adoptedBy;

  protected Adoption() {}

  Adoption(UUID local, UUID upstream, String release, String actor, Instant now) {
    this.local = local;
    this.upstream = upstream;
    take(release, actor, now);
  }

  void take(String release, String actor, Instant now) {
    this.adoptedRelease = release;
    this.adoptedBy = actor;
    this.adoptedAt = now;
  }

  UUID local() {
    return local;
  }

  UUID upstream() {
    return upstream;
  }

  String adoptedRelease() {
    return adoptedRelease;
  }

  Instant adoptedAt() {
    return adoptedAt;
  }

  String adoptedBy() {
    return adoptedBy;
  }
}
