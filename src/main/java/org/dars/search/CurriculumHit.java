package org.dars.search;

/**
 * A curriculum whose titles or description match a search: its id, its title in its own language,
 * its description, and a snippet of the description (HTML-escaped, matches in {@code <mark>}).
 */
public record CurriculumHit(String id, String title, String description, String snippet) {}
