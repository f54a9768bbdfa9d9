package org.dars.curriculum;

/**
 * Fired inside the transaction of every change to a curriculum (created, draft edited, published,
 * withdrawn, reverted), so an indexer observing it in the same transaction misses nothing.
 */
public record CurriculumChanged(CurriculumId curriculum) {}
