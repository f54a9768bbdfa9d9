package org.dars.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;

class HighlightQueryTest {

  private static Query textQuery(String typed) {
    return SearchService.queryBuilder().build(UserQuery.parse(typed));
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
