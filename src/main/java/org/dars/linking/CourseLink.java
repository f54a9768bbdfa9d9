package org.dars.linking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A course page in an LMS that links to an item or a curriculum, as its administrator registered it. */
@Entity
@Table(name = "course_link")
class CourseLink {
  enum Target {
    ITEM,
    CURRICULUM
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "target_kind", nullable = false, updatable = false)
  private String targetKind;

  @Column(name = "target_id", nullable = false, updatable = false)
  private UUID targetId;

  @Column(nullable = false, updatable = false)
  private String url;

  private String title;

  private String lms;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  protected CourseLink() {}

  CourseLink(Target target, UUID targetId, String url, String title, String lms, String actor, Instant now) {
    this.targetKind = target.name();
    this.targetId = targetId;
    this.url = url;
    this.title = title;
    this.lms = lms;
    this.createdAt = now;
    this.createdBy = actor;
  }

  CourseLinkView view() {
    return new CourseLinkView(id, url, title, lms, createdAt, createdBy);
  }

  String url() {
    return url;
  }
}
