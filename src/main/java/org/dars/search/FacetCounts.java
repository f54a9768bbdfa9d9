package org.dars.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.util.Bits;

/**
 * How many of a search's matches have each value of each dimension: the top {@value #TOP} values
 * per dimension, most frequent first, equal counts in label order.
 *
 * <p>Counting visits every match, and a long question matches most of the index, so it is made
 * cheap twice over. Each segment's facet ordinals are read from its doc values once, into plain
 * arrays kept as long as the segment lives ({@link SegmentOrds}), so a count is a loop over
 * integers. And a set covering more than half of the index is counted through the rest: the counts
 * over every document (computed once per searcher) minus those over the documents it leaves out.
 */
final class FacetCounts {
  static final int TOP = 20;

  /** Per segment core; a segment's ordinals never change, and merged-away segments are dropped. */
  private static final Map<IndexReader.CacheKey, SegmentOrds> SEGMENTS = new ConcurrentHashMap<>();

  private final Map<String, Map<String, Long>> byDimension;

  private FacetCounts(Map<String, Map<String, Long>> byDimension) {
    this.byDimension = byDimension;
  }

  /** The counts over {@code matches}, which hold {@code total} documents. */
  static FacetCounts of(IndexGeneration.ItemSearcher searcher, FacetsCollector matches, long total) throws IOException {
    if (total * 2 <= searcher.getIndexReader().maxDoc()) {
      return new FacetCounts(count(matches));
    }
    FacetsCollector rest = searcher.search(new BooleanQuery.Builder()
        .add(new MatchAllDocsQuery(), Occur.MUST)
        .add(new MatchedDocs(matches), Occur.MUST_NOT)
        .build(), new FacetsCollectorManager());
    Map<String, Map<String, Long>> left = count(rest);
    Map<String, Map<String, Long>> counts = new HashMap<>();
    searcher.everyDocumentCounts().forEach((dim, values) -> {
      Map<String, Long> leftOut = left.getOrDefault(dim, Map.of());
      Map<String, Long> dimCounts = new HashMap<>();
      values.forEach((label, count) -> dimCounts.put(label, count - leftOut.getOrDefault(label, 0L)));
      counts.put(dim, dimCounts);
    });
    return new FacetCounts(counts);
  }

  /** The counts over every live document of {@code searcher}. */
  static Map<String, Map<String, Long>> everyDocument(IndexSearcher searcher) throws IOException {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      SegmentOrds ords = SegmentOrds.of(leaf.reader());
      Bits live = leaf.reader().getLiveDocs();
      long[] perOrd = new long[ords.labels.length];
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          ords.add(doc, perOrd);
        }
      }
      ords.addTo(perOrd, counts);
    }
    return counts;
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

  private static Map<String, Map<String, Long>> count(FacetsCollector matches) throws IOException {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
      DocIdSetIterator it = docs.totalHits == 0 ? null : docs.bits.iterator();
      if (it == null) {
        continue;
      }
      SegmentOrds ords = SegmentOrds.of(docs.context.reader());
      long[] perOrd = new long[ords.labels.length];
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        ords.add(doc, perOrd);
      }
      ords.addTo(perOrd, counts);
    }
    return counts;
  }

  /** The facet ordinals of every document of one segment, and the dimension and value of each. */
  private static final class SegmentOrds {
    /** Document d's ordinals are {@code ords[starts[d]] .. ords[starts[d + 1] - 1]}. */
    final int[] starts;
    final int[] ords;
    /** Per ordinal: {dimension, value}. */
    final String[][] labels;

    private SegmentOrds(int[] starts, int[] ords, String[][] labels) {
      this.starts = starts;
      this.ords = ords;
      this.labels = labels;
    }

    static SegmentOrds of(LeafReader reader) throws IOException {
      IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
      if (helper == null) {
        return read(reader);
      }
      SegmentOrds cached = SEGMENTS.get(helper.getKey());
      if (cached == null) {
        cached = read(reader);
        if (SEGMENTS.putIfAbsent(helper.getKey(), cached) == null) {
          helper.addClosedListener(SEGMENTS::remove);
        }
      }
      return cached;
    }

    private static SegmentOrds read(LeafReader reader) throws IOException {
      int maxDoc = reader.maxDoc();
      int[] starts = new int[maxDoc + 1];
      SortedSetDocValues values = reader.getSortedSetDocValues(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
      if (values == null) {
        return new SegmentOrds(starts, new int[0], new String[0][]);
      }
      int[] ords = new int[Math.max(16, maxDoc * 4)];
      int n = 0;
      for (int doc = 0; doc < maxDoc; doc++) {
        starts[doc] = n;
        if (values.advanceExact(doc)) {
          for (int i = 0; i < values.docValueCount(); i++) {
            if (n == ords.length) {
              ords = Arrays.copyOf(ords, ords.length * 2);
            }
            ords[n++] = (int) values.nextOrd();
          }
        }
      }
      starts[maxDoc] = n;
      String[][] labels = new String[(int) values.getValueCount()][];
      for (int ord = 0; ord < labels.length; ord++) {
        labels[ord] = FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
      }
      return new SegmentOrds(starts, Arrays.copyOf(ords, n), labels);
    }

    void add(int doc, long[] perOrd) {
      for (int i = starts[doc]; i < starts[doc + 1]; i++) {
        perOrd[ords[i]]++;
      }
    }

    void addTo(long[] perOrd, Map<String, Map<String, Long>> counts) {
      for (int ord = 0; ord < perOrd.length; ord++) {
        if (perOrd[ord] > 0 && labels[ord].length == 2) {
          counts.computeIfAbsent(labels[ord][0], d -> new HashMap<>()).merge(labels[ord][1], perOrd[ord], Long::sum);
        }
      }
    }
  }
}
