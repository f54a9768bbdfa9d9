package org.dars.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted snippets: HTML-escaped text with {@code <mark>} around the matches. The body text is
 * indexed with offsets, so the highlighter reads the match positions from the postings and never
 * analyses the text again; offsets of folded and joined tokens point at the original characters,
 * so a match found through folding is marked where it stands.
 */
final class Highlighting {
  private static final int SNIPPET_GOAL = 180;
  private static final int MAX_CHARS = 200_000;

  private Highlighting() {}

  /**
   * Up to two passages of each hit's body text, in the order of {@code page}; null where the text
   * has no match. {@code texts} holds the body text of every hit by document number, as the caller
   * has already read it with the hit's other stored fields: the highlighter would otherwise read
   * (and decompress) each document a second time.
   */
  static String[] body(IndexSearcher searcher, Analyzer analyzer, Query text, TopDocs page, Map<Integer, String> texts)
      throws IOException {
    UnifiedHighlighter highlighter = new UnifiedHighlighter(builder(searcher, analyzer, ItemFields.TEXT)) {
      @Override
      protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
          throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          String value = texts.get(doc);
          values.add(new CharSequence[] {value == null ? "" : value});
        }
        return values;
      }
    };
    return highlighter.highlight(ItemFields.TEXT, HighlightQuery.of(text, ItemFields.TEXT), page, 2);
  }

  /** One passage of each curriculum's description, read from the stored field. */
  static String[] description(IndexSearcher searcher, Analyzer analyzer, Query text, TopDocs top) throws IOException {
    return builder(searcher, analyzer, ItemFields.DESCRIPTION).build().highlight(ItemFields.DESCRIPTION, text, top, 1);
  }

  private static UnifiedHighlighter.Builder builder(IndexSearcher searcher, Analyzer analyzer, String field) {
    return UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
            BreakIterator.getWordInstance(Locale.ROOT), SNIPPET_GOAL, 0.5f))
        .withMaxLength(MAX_CHARS)
        .withFieldMatcher(field::equals);
  }
}
