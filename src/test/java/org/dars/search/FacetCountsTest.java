package org.dars.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dars's facet counts equal Lucene's own, for a small match set (counted directly from the cached
 * ordinals) and a large one (counted through the documents it leaves out), with deleted documents.
 */
class FacetCountsTest {
  @TempDir Path dir;

  private SearchIndex index;

  @BeforeEach
  void fill() throws IOException {
    List<IndexedItem> items = new ArrayList<>();
    String[] subjects = {"کشاورزی", "باغبانی", "تصنيع التمور", "صنایع غذایی"};
    for (int i = 0; i < 40; i++) {
      boolean persian = i % 3 != 0;
      items.add(TestIndexes.item("i" + i, persian ? "آبیاری " + i : "الري " + i, persian ? "fa" : "ar",
          i % 4 == 0 ? "application/pdf" : "text/plain", List.of(subjects[i % subjects.length]),
          i % 2 == 0 ? "beginner" : "advanced",
          persian ? "آبیاری قطره‌ای در مزرعه شماره " + i : "الري بالتنقيط في الحقل رقم " + i,
          Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i)));
    }
    index = TestIndexes.open(dir, items.toArray(IndexedItem[]::new));
    // deleted documents stay in their segment until a merge: counting must leave them out
    index.update("i1", ItemDocuments.build(TestIndexes.item("i1", "برداشت خرما", "fa", "خرما")));
    index.delete("i2");
    index.commit();
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void aSetCoveringMostOfTheIndexIsCountedExactly() throws IOException {
    assertSameCounts(new MatchAllDocsQuery(), true);
    assertSameCounts(new TermQuery(new Term(ItemFields.LANGUAGE, "fa")), true);
  }

  @Test
  void aSmallSetIsCountedExactly() throws IOException {
    assertSameCounts(new TermQuery(new Term(ItemFields.LANGUAGE, "ar")), false);
  }

  private void assertSameCounts(Query query, boolean large) throws IOException {
    try (SearchIndex.Lease lease = index.acquire()) {
      IndexGeneration.ItemSearcher searcher = lease.searcher();
      FacetsCollector matches = searcher.search(query, new FacetsCollectorManager());
      long total = searcher.count(query);
      assertEquals(large, total * 2 > searcher.getIndexReader().maxDoc(), "the path this case is meant to take");
      FacetCounts counts = FacetCounts.of(searcher, matches, total);
      SortedSetDocValuesFacetCounts lucene = new SortedSetDocValuesFacetCounts(
          new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), ItemFields.FACETS), matches);
      for (String dim : ItemFields.DIMENSIONS) {
        FacetResult expected = lucene.getTopChildren(FacetCounts.TOP, dim);
        List<FacetValue> values = new ArrayList<>();
        for (LabelAndValue lv : expected.labelValues) {
          values.add(new FacetValue(lv.label, lv.value.longValue()));
        }
        assertEquals(values, counts.top(dim), dim);
        assertTrue(!values.isEmpty(), dim);
      }
    }
  }
}
