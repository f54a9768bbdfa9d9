package org.dars.search;

import java.util.List;

/** A page of search results and the exact number of matching items. */
public record SearchResult(long total, int page, int size, List<SearchHit> hits) {}
