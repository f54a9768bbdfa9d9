package org.dars.search.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;

/**
 * The combined Persian and Arabic stop set: Lucene's two lists plus a few interrogatives and the
 * detached Arabic article, each word folded by {@link SearchTextNormalizer} so that it matches
 * tokens after normalisation and joining.
 */
final class DarsStopWords {

  /**
   * Interrogatives missing from Lucene's lists. Users type questions; the question word carries no
   * topic, and being rare in running text it would otherwise get a high IDF.
   */
  static final String[] QUESTION_WORDS = {
    // Arabic: when, where, how, why, what, is/does, how many
    "متى", "أين", "كيف", "لماذا", "ماذا", "هل", "كم", "وكيف", "ومتى", "وأين", "ولماذا",
    // Persian: who is, how much, what (colloquial), which (colloquial), how (colloquial)
    "کیست", "چقدر", "چی", "چیه", "کدوم", "چطوری", "کجای",
  };

  /**
   * Function particles that neither Lucene list has because they are never a word on their own in
   * edited text, but users and text extraction leave them standing alone: the bare Arabic article
   * {@code ال} (a query typed as {@code ال شمس}, or the trailing {@code ال} of a truncated question).
   * Standing alone it carries no topic, and being rare in running text it would get a high IDF.
   */
  static final String[] DETACHED_PARTICLES = {"ال"};

  /**
   * Words that folding turns into a stop word of the other language: Arabic {@code على} ("on")
   * folds to {@code علی}, the common Persian name Ali. In a mixed index the preposition has a low
   * IDF anyway, the name must stay searchable.
   */
  static final String[] NOT_STOP_WORDS = {"علی"};

  static final CharArraySet STOP_SET = build();

  private DarsStopWords() {}

  private static boolean isNotStopWord(String folded) {
    for (String word : NOT_STOP_WORDS) {
      if (SearchTextNormalizer.normalize(word).equals(folded)) {
        return true;
      }
    }
    return false;
  }

  private static CharArraySet build() {
    CharArraySet persian = PersianAnalyzer.getDefaultStopSet();
    CharArraySet arabic = ArabicAnalyzer.getDefaultStopSet();
    CharArraySet set = new CharArraySet(persian.size() + arabic.size(), false);
    for (CharArraySet source : new CharArraySet[] {persian, arabic}) {
      for (Object word : source) {
        String folded = SearchTextNormalizer.normalize(new String((char[]) word));
        if (!folded.isEmpty() && !isNotStopWord(folded)) {
          set.add(folded);
        }
      }
    }
    for (String[] words : new String[][] {QUESTION_WORDS, DETACHED_PARTICLES}) {
      for (String word : words) {
        set.add(SearchTextNormalizer.normalize(word));
      }
    }
    return CharArraySet.unmodifiableSet(set);
  }
}
