package org.dars.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An item whose index entry must be brought up to date. */
@Entity
@Table(name = "index_outbox")
class IndexOutboxEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "item_id", nullable = false)
  private UUID itemId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected IndexOutboxEntry() {}

  IndexOutboxEntry(UUID itemId, Instant createdAt) {
    this.itemId = itemId;
    this.createdAt = createdAt;
  }

  Long id() {
    return id;
  }

  UUID itemId() {
    return itemId;
  }
}
