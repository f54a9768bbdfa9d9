package org.dars.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ranking pass finds the same top hits, with the same scores, as the search query itself: no
 * document the query leaves out (excluded, filtered, sharing only a gram), none it keeps missing.
 */
class RankingQueryTest {
  @TempDir Path dir;

  private SearchIndex index;

  @BeforeEach
  void fill() {
    index = TestIndexes.open(dir,
        TestIndexes.item("a", "کاشت گندم", "fa", "کاشت گندم در پاییز انجام می‌شود و کیفیت بذر گندم مهم است."),
        TestIndexes.item("b", "برداشت پسته", "fa", "برداشت پسته در تابستان است. کیفیت پسته‌ها به رطوبت بستگی دارد."),
        TestIndexes.item("c", "هرس بادام", "fa", "درخت بادام در زمستان هرس می‌شود و آبیاری آن در تابستان کم است."),
        TestIndexes.item("d", "آبیاری قطره‌ای", "fa", "آبیاری قطره‌ای در زمین‌های شور مصرف آب را کم می‌کند."),
        TestIndexes.item("e", "کیفیت آب", "fa", "کیفیت آب آبیاری برای گندم و جو اهمیت دارد؛ آب شور به خاک آسیب می‌زند."),
        TestIndexes.item("f", "خرما", "fa", "خرمای خوزستان در پاییز برداشت می‌شود و رطوبت انبار مهم است."),
        TestIndexes.item("g", "جني التمر", "ar", "يتم جني التمر في الخريف. الرطوبة مهمة لجودة التمور في ميسان."),
        TestIndexes.item("h", "الري بالتنقيط", "ar", "الري بالتنقيط يوفر المياه في الأراضي المالحة ويحسن جودة المحصول."),
        TestIndexes.item("i", "تربية الجاموس", "ar", "تربية الجاموس في الأهوار تحتاج إلى مياه نظيفة وعلف جيد."),
        TestIndexes.item("j", "ملوحة التربة", "ar", "ملوحة التربة تقلل إنتاج القمح والشعير؛ الغسل بالمياه العذبة يساعد."),
        TestIndexes.item("k", "سبوس گندم", "fa", "سبوس گندم برای خوراک دام استفاده می‌شود."),
        TestIndexes.item("l", "جودة القمح", "ar", "جودة القمح تعتمد على البذور والري في موسم الزراعة."));
  }

  @AfterEach
  void close() {
    index.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "چرا کیفیت آب آبیاری برای گندم مهم است؟", "کیفیت گندم", "\"کیفیت آب\"", "گندم OR خرما",
      "آبیاری -شور", "کیف آب شور در زمین چه اثری دارد", "ما هي أهمية الري بالتنقيط في الأراضي المالحة؟",
      "جودة القمح", "التمر OR الجاموس", "مياه -الجاموس", "آب مياه الري کیفیت"})
  void ranksLikeTheSearchQuery(String q) throws IOException {
    for (Map<String, Set<String>> filters : List.of(Map.<String, Set<String>>of(), Map.of("language", Set.of("fa")))) {
      try (SearchIndex.Lease lease = index.acquire()) {
        IndexSearcher searcher = lease.searcher();
        SearchRequest request = new SearchRequest(q, filters, Optional.empty(), SearchRequest.Sort.RELEVANCE, 0, 10);
        Query query = SearchService.itemQuery(SearchService.queryBuilder(), request, searcher);
        FacetsCollector matched = searcher.search(query, new FacetsCollectorManager());
        TopDocs expected = searcher.search(query, 20);
        TopDocs actual = RankingQuery.top(searcher, query, new MatchedDocs(matched), 20);
        if (filters.isEmpty()) {
          assertFalse(expected.scoreDocs.length == 0, "the query should match something: " + q);
        }
        assertEquals(ids(searcher, expected), ids(searcher, actual), q + " " + filters);
        for (int i = 0; i < expected.scoreDocs.length; i++) {
          assertEquals(expected.scoreDocs[i].score, actual.scoreDocs[i].score, 1e-4f * expected.scoreDocs[i].score);
        }
      }
    }
  }

  private static List<String> ids(IndexSearcher searcher, TopDocs top) throws IOException {
    List<String> ids = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      ids.add(searcher.storedFields().document(sd.doc).get(ItemFields.ID));
    }
    return ids;
  }
}
