package org.dars.curriculum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change to a curriculum: who, when, what (the operations sent, or the release concerned). */
@Entity
@Table(name = "curriculum_history")
class CurriculumHistoryEntry {
  enum Action {
    CREATED,
    DRAFT_CHANGED,
    PUBLISHED,
    WITHDRAWN,
    REVERTED,
    /** A release imported from another instance (issue 5). */
    IMPORTED,
    /** Visibility changed, review steps (issue 6). */
    VISIBILITY_CHANGED,
    REVIEWED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "curriculum_id", nullable = false, updatable = false)
  private UUID curriculumId;

  @Column(nullable = false, updatable = false)
  private Instant at;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Action action;

  @Column(name = "detail_json", nullable = false, updatable = false)
  private String detailJson;

  protected CurriculumHistoryEntry() {}

  CurriculumHistoryEntry(CurriculumId curriculum, Instant at, String actor, Action action, String detailJson) {
    this.curriculumId = curriculum.value();
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.detailJson = detailJson;
  }

  Instant at() {
    return at;
  }

  String actor() {
    return actor;
  }

  Action action() {
    return action;
  }

  String detailJson() {
    return detailJson;
  }
}
