package org.dars.content;

/**
 * Fired inside the transaction that changes what search should know about an item (a version
 * became READY, metadata changed, the item was deleted). Observers that must not miss a change,
 * like the index outbox, observe it in the same transaction.
 */
public record ItemChanged(ItemId item) {}
