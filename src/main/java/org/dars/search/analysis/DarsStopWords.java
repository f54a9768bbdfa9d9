package org.dars.search.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;

/**
 * The combined Persian and Arabic stop set (Lucene's lists), each word folded by {@link
 * SearchTextNormalizer} so that it matches tokens after normalisation and joining.
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

  static final CharArraySet STOP_SET = build();

  private DarsStopWords() {}

  private static CharArraySet build() {
    CharArraySet persian = PersianAnalyzer.getDefaultStopSet();
    CharArraySet arabic = ArabicAnalyzer.getDefaultStopSet();
    CharArraySet set = new CharArraySet(persian.size() + arabic.size(), false);
    String mode = System.getProperty("x.stop", "both");
    CharArraySet[] sources = mode.equals("fa") ? new CharArraySet[] {persian} : mode.equals("ar") ? new CharArraySet[] {arabic} : new CharArraySet[] {persian, arabic};
    for (CharArraySet source : sources) {
      for (Object word : source) {
        String folded = SearchTextNormalizer.normalize(new String((char[]) word));
        if (!folded.isEmpty()) {
          set.add(folded);
        }
      }
    }
    if (!Boolean.getBoolean("x.noQ")) for (String word : QUESTION_WORDS) {
      set.add(SearchTextNormalizer.normalize(word));
    }
    return CharArraySet.unmodifiableSet(set);
  }
}
