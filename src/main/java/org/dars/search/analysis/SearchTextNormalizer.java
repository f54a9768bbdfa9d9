package org.dars.search.analysis;

import com.ibm.icu.text.Normalizer2;

/**
 * The character-level folding of {@link DarsAnalyzer}, without tokenising, joining, stop words or
 * stemming: NFKC (presentation forms and ligatures such as {@code ﻻ} and {@code ﷲ}), then the
 * letter, digit, diacritic and invisible-character folding described in {@link DarsNormalizer}. The
 * zero-width non-joiner is treated as a joiner and removed, so {@code می‌کند} becomes {@code
 * میکند}; a prefix written with a plain space ({@code می کند}) stays two words here, because
 * joining detached affixes is a token-level decision made by the analyzer.
 *
 * <p>Use it for suggestion keys, spell-checking keys and highlighting comparisons, where a string
 * must compare equal to the analyzer's view of the same text.
 */
public final class SearchTextNormalizer {

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

  private SearchTextNormalizer() {}

  /**
   * Folds {@code text} for comparison.
   *
   * @param text any text, not null
   * @return the folded text
   */
  public static String normalize(String text) {
    String composed = NFKC.normalize(text);
    char[] chars = composed.toCharArray();
    int len = DarsNormalizer.normalize(chars, chars.length, false);
    return new String(chars, 0, len);
  }
}
