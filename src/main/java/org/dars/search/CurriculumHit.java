package org.dars.search;

import org.dars.curriculum.Origin;

/**
 * A curriculum whose titles or description match a search: its id, its title in its own language,
 * its description, a snippet of the description (HTML-escaped, matches in {@code <mark>}), and the
 * instance an upstream copy was imported from ({@code origin}, absent for a local curriculum).
 */
public record CurriculumHit(String id, String title, String description, String snippet, Origin origin) {}
