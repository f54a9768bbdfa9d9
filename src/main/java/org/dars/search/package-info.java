/**
 * Search over items: a Lucene index under the data directory, kept in step with the database by a
 * transactional outbox, and a query language for people (words, "phrases", -exclude, OR) that
 * accepts any input. Analysis for Persian and Arabic lives in {@code search.analysis}.
 */
package org.dars.search;
