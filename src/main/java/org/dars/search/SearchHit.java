package org.dars.search;

import java.util.List;
import org.dars.curriculum.Origin;

/**
 * One search result; {@code snippet} is HTML-escaped text with matches in {@code <mark>}; {@code
 * origin} names the instance an upstream copy was imported from (absent for a local item).
 */
public record SearchHit(
    String id, int version, String title, String snippet, List<String> language, String mediaType, float score,
    Origin origin) {}
