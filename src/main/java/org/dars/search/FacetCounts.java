package org.dars.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.dars.search.IndexGeneration.ItemSearcher;

/**
 * How many of a search's matches have each value of each dimension: the top {@value #TOP} values
 * per dimension, most frequent first, equal counts in label order.
 *
 * <p>Counting visits every match, and a long question matches most of the index. So a set that
 * covers more than half of the index is counted through the rest: the counts over every document
 * (computed once per searcher) minus the counts over the documents the set leaves out. Both ways
 * give the same numbers; this one visits fewer documents.
 */
final class FacetCounts {
  static final int TOP = 20;

  private final Map<String, Map<String, Long>> byDimension;

  private FacetCounts(Map<String, Map<String, Long>> byDimension) {
    this.byDimension = byDimension;
  }

  /** The counts over {@code matches}, which hold {@code total} documents. */
  static FacetCounts of(ItemSearcher searcher, FacetsCollector matches, long total) throws IOException {
    if (searcher.facets == null) {
      return new FacetCounts(Map.of());
    }
    if (total * 2 <= searcher.getIndexReader().maxDoc()) {
      return new FacetCounts(all(new SortedSetDocValuesFacetCounts(searcher.facets, matches)));
    }
    FacetsCollector rest = searcher.search(new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), Occur.MUST)
        .add(new MatchedDocs(matches), Occur.MUST_NOT)
        .build(), new FacetsCollectorManager());
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    Map<String, Map<String, Long>> left = all(new SortedSetDocValuesFacetCounts(searcher.facets, rest));
    searcher.everyDocumentCounts().forEach((dim, values) -> {
      Map<String, Long> dimCounts = new HashMap<>();
      Map<String, Long> leftOut = left.getOrDefault(dim, Map.of());
      values.forEach((label, count) -> dimCounts.put(label, count - leftOut.getOrDefault(label, 0L)));
      counts.put(dim, dimCounts);
    });
    return new FacetCounts(counts);
  }

  /** The counts over every live document of the searcher; see {@link ItemSearcher#everyDocumentCounts()}. */
  static Map<String, Map<String, Long>> everyDocument(SortedSetDocValuesReaderState state) throws IOException {
    return all(new SortedSetDocValuesFacetCounts(state));
  }

  /** The top values of {@code dim}, without values no match has. */
  List<FacetValue> top(String dim) {
    List<FacetValue> values = new ArrayList<>();
    byDimension.getOrDefault(dim, Map.of()).forEach((label, count) -> {
      if (count > 0) {
        values.add(new FacetValue(label, count));
      }
    });
    values.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
    return values.size() > TOP ? List.copyOf(values.subList(0, TOP)) : values;
  }

  private static Map<String, Map<String, Long>> all(SortedSetDocValuesFacetCounts counts) throws IOException {
    Map<String, Map<String, Long>> byDimension = new LinkedHashMap<>();
    for (String dim : ItemFields.DIMENSIONS) {
      FacetResult result;
      try {
        result = counts.getAllChildren(dim);
      } catch (IllegalArgumentException e) {
        continue; // no item has a value in this dimension yet
      }
      if (result == null) {
        continue;
      }
      Map<String, Long> values = new HashMap<>();
      for (LabelAndValue lv : result.labelValues) {
        values.put(lv.label, lv.value.longValue());
      }
      byDimension.put(dim, values);
    }
    return byDimension;
  }
}
