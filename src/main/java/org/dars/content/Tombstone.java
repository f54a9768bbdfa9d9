package org.dars.content;

import java.time.Instant;

/** What remains visible of a deleted item: enough for a broken course link to explain itself. */
public record Tombstone(
    ItemId id, String title, Instant deletedAt, String deletedBy, String reason, String replacement) {}
