package org.dars.search;

import java.util.List;

/** One search result; {@code snippet} is HTML-escaped text with matches in {@code <mark>}. */
public record SearchHit(
    String id, int version, String title, String snippet, List<String> language, String mediaType, float score) {}
