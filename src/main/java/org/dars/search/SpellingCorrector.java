package org.dars.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": for a query with few hits, replaces each plain word that the index does not know
 * by the closest word it does know (Levenshtein distance up to 2 over the normalised, unstemmed
 * vocabulary of the text and title fields), and offers the result only if it finds more items than
 * the query as typed. Phrases and excluded words are kept as typed.
 */
final class SpellingCorrector {
  private static final List<String> FIELDS = List.of(ItemFields.TEXT_EXACT, ItemFields.TITLE_EXACT);

  private final Analyzer exact;

  SpellingCorrector(Analyzer exact) {
    this.exact = exact;
  }

  Optional<String> correct(IndexSearcher searcher, UserQuery typed, long typedHits, Function<UserQuery, Query> toQuery)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinQueryLength(3);
    checker.setMaxEdits(2);
    List<UserQuery.Unit> units = new ArrayList<>(typed.units());
    boolean changed = false;
    for (int i = 0; i < units.size(); i++) {
      UserQuery.Unit unit = units.get(i);
      if (unit.phrase() || unit.negated()) {
        continue;
      }
      List<String> terms = terms(unit.text());
      if (terms.size() != 1 || known(reader, terms.get(0))) {
        continue;
      }
      for (String field : FIELDS) {
        SuggestWord[] words = checker.suggestSimilar(
            new Term(field, terms.get(0)), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (words.length > 0) {
          units.set(i, unit.withText(words[0].string));
          changed = true;
          break;
        }
      }
    }
    if (!changed) {
      return Optional.empty();
    }
    UserQuery corrected = new UserQuery(List.copyOf(units));
    int correctedHits = searcher.count(toQuery.apply(corrected));
    return correctedHits > typedHits ? Optional.of(corrected.render()) : Optional.empty();
  }

  private static boolean known(IndexReader reader, String term) throws IOException {
    for (String field : FIELDS) {
      if (reader.docFreq(new Term(field, term)) > 0) {
        return true;
      }
    }
    return false;
  }

  private List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = exact.tokenStream(ItemFields.TEXT_EXACT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && terms.size() < 3) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Analysing a query in memory failed", e);
    }
    return terms;
  }
}
