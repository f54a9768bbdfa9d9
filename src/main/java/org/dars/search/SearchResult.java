package org.dars.search;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.Map;

/**
 * A page of search results, the exact number of matching items, facet counts per dimension, and a
 * corrected query when the typed one found little and a correction finds more ({@code null}
 * otherwise), and on the first page the curricula that match the query (never counted in {@code
 * total}).
 */
public record SearchResult(
    long total, int page, int size, List<SearchHit> hits, Map<String, List<FacetValue>> facets,
    @JsonbNillable String didYouMean, List<CurriculumHit> curricula) {}
