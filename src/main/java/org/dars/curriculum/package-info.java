/**
 * Curricula: an ordered tree of modules, lessons and entries (references to items), edited as one
 * draft under optimistic concurrency and published as immutable, numbered releases in which every
 * entry is resolved to an exact item version. The draft is one JSON document per curriculum (fast
 * to read and write whole, even at thousands of entries); releases keep their resolved tree as JSON
 * and never change; {@code curriculum_item_use} indexes which draft and release uses which item
 * version, for "where used", search filters, and a foreign key that makes released versions
 * impossible to purge.
 */
package org.dars.curriculum;
