package org.dars.search;

/**
 * The state of the search index for administrators: documents in the live generation, outbox
 * entries not yet applied, the analysis schema version, and the latest rebuild.
 */
public record IndexStatus(
    long documents, long pending, int schemaVersion, int generation, boolean complete, RebuildProgress rebuild) {}
