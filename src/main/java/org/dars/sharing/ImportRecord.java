package org.dars.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One imported package, by the SHA-256 of its manifest, with the report it produced. */
@Entity
@Table(name = "sharing_import")
class ImportRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "manifest_sha256", nullable = false)
  private String manifestSha256;

  @Column(name = "origin_instance", nullable = false)
  private UUID originInstance;

  @Column(name = "curriculum_id", nullable = false)
  private UUID curriculumId;

  @Column(name = "release_label", nullable = false)
  private String release;

  @Column(name = "since_label")
  private String since;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  @Column(name = "imported_by", nullable = false)
  private String importedBy;

  @Column(name = "report_json", nullable = false)
  private String reportJson;

  protected ImportRecord() {}

  ImportRecord(String manifestSha256, Manifest m, String actor, Instant now, String reportJson) {
    this.manifestSha256 = manifestSha256;
    this.originInstance = m.origin().instance();
    this.curriculumId = m.curriculum();
    this.release = m.release();
    this.since = m.since();
    this.importedAt = now;
    this.importedBy = actor;
    this.reportJson = reportJson;
  }

  Instant importedAt() {
    return importedAt;
  }
}
