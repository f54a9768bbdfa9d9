package org.dars.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class HighlightQueryTest {

  /** One passage with the words of the queries among four without, so that their grams count. */
  private static final IndexSearcher SEARCHER = searcher(
      "کنترل کیفیت آب در مزرعه و آبیاری قطره‌ای در زمین‌های شور و المحمية الطبيعية",
      "برداشت خرما در خوزستان", "تربية الجاموس في ميسان", "کود دامی و خاک", "صيد الأسماك في الأهوار");

  private static IndexSearcher searcher(String... passages) {
    try {
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(SearchIndex.analyzer()))) {
        for (int i = 0; i < passages.length; i++) {
          writer.addDocument(ItemDocuments.build(new IndexedItem("p" + i, 1, "", null, List.of("fa"), List.of(),
              null, List.of(), null, List.of(), null, "text/plain", Instant.EPOCH, passages[i], null,
              IndexedAccess.PUBLIC)));
        }
      }
      return new IndexSearcher(DirectoryReader.open(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Query textQuery(String typed) {
    return SearchService.queryBuilder().build(UserQuery.parse(typed), SEARCHER);
  }

  @Test
  void theFullQueryHasGramsToDrop() {
    assertTrue(terms(textQuery("کنترل \"کیفیت آب\" المحمية")).stream()
        .anyMatch(t -> t.field().equals(ItemFields.TEXT_NGRAM)));
  }

  private static Set<Term> terms(Query query) {
    Set<Term> terms = new HashSet<>();
    query.visit(QueryVisitor.termCollector(terms));
    return terms;
  }

  @Test
  void keepsOnlyTheBodyTextTermsOfWordsAndPhrases() {
    Query q = HighlightQuery.of(textQuery("کنترل \"کیفیت آب\" المحمية"), ItemFields.TEXT);
    Set<Term> terms = terms(q);
    assertTrue(terms.stream().allMatch(t -> t.field().equals(ItemFields.TEXT)), terms.toString());
    Set<Term> full = terms(textQuery("کنترل \"کیفیت آب\" المحمية"));
    Set<Term> fullText = new HashSet<>(full);
    fullText.removeIf(t -> !t.field().equals(ItemFields.TEXT));
    assertEquals(fullText, terms);
  }

  @Test
  void dropsExcludedWords() {
    Set<Term> withExclusion = terms(HighlightQuery.of(textQuery("آبیاری -شوری"), ItemFields.TEXT));
    assertEquals(terms(HighlightQuery.of(textQuery("آبیاری"), ItemFields.TEXT)), withExclusion);
  }

  @Test
  void onlyExcludedWordsMarkNothing() {
    assertInstanceOf(MatchNoDocsQuery.class, HighlightQuery.of(textQuery("-شوری"), ItemFields.TEXT));
  }
}
