package org.dars.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One recorded change to an item: who, when, what. */
@Entity
@Table(name = "item_history")
public class ItemHistoryEntry {
  /** The kinds of change the history records. */
  public enum Action {
    CREATED,
    VERSION_ADDED,
    METADATA_CHANGED,
    DELETED,
    EXTRACTION_RETRIED,
    /** A version imported from another instance (issue 5). */
    IMPORTED,
    /** Submitted for review, approved or returned (issue 6). */
    REVIEWED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "item_id", nullable = false)
  private UUID itemId;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String action;

  @Column(name = "detail_json", nullable = false)
  private String detailJson;

  protected ItemHistoryEntry() {}

  ItemHistoryEntry(ItemId item, Instant at, String actor, Action action, String detailJson) {
    this.itemId = item.value();
    this.at = at;
    this.actor = actor;
    this.action = action.name();
    this.detailJson = detailJson;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String detailJson() {
    return detailJson;
  }
}
