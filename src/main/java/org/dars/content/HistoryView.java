package org.dars.content;

import java.time.Instant;

/** One entry of an item's change history; {@code detail} is the change as JSON text. */
public record HistoryView(Instant at, String actor, String action, String detail) {
  static HistoryView of(ItemHistoryEntry e) {
    return new HistoryView(e.at(), e.actor(), e.action(), e.detailJson());
  }
}
