package org.dars.search.analysis;

/**
 * A light stemmer for Persian and Arabic together, working in place on folded text (Farsi yeh,
 * keheh, heh for teh marbuta, bare alef; see {@link DarsNormalizer}).
 *
 * <p>One rule set is applied to every token, because a document or query may be in either language
 * and a loan word must meet its Arabic original ({@code مدرسه} / {@code مدرسة}). Each rule keeps a
 * minimum stem length so short words stay whole:
 *
 * <ol>
 *   <li>Persian verb prefix: {@code نمی}/{@code می} is removed when at least {@value
 *       #MIN_VERB_STEM} letters remain and the rest ends like a conjugated verb (personal ending
 *       {@code د} or {@code م}) and carries no plural or comparative suffix. {@code میکند} → {@code کند}, {@code نمیشوند} → {@code
 *       شوند}; nouns that only start with those letters keep them ({@code میز}, {@code میوه},
 *       {@code میلیون}, {@code میدان}).
 *   <li>Arabic article and clitic prefixes {@code ال}, {@code وال}, {@code بال}, {@code کال}, {@code
 *       فال}, {@code لل} (at least {@value #MIN_ARTICLE_STEM} letters left) and conjunction {@code
 *       و} (at least {@value #MIN_STEM} left). Skipped for words containing a letter Arabic does not
 *       have ({@code پ چ ژ گ}): such words are Persian and {@code ال}/{@code و} there are part of
 *       the word ({@code الگو}, {@code ویژگی}).
 *   <li>Persian plural {@code ها}/{@code های}/{@code هایی} (at least {@value #MIN_PLURAL_STEM}
 *       left, so {@code گلها} → {@code گل}), otherwise comparative {@code ترین}/{@code تر}.
 *   <li>Persian pronoun/copula suffixes {@code اند ایم اید ام اش ای} after heh or yeh.
 *   <li>Final {@code ی} (Persian adjective/indefinite, Arabic nisba), then one of the plural/dual
 *       endings {@code ات ون ین یه} or {@code ان} (the latter with a longer stem, {@value
 *       #MIN_AN_STEM}, because so many names end in it: {@code ایران}, {@code لبنان}), then {@code
 *       ی} again, then final heh (Arabic teh marbuta and pronoun, Persian silent heh).
 * </ol>
 */
final class DarsStemmer {

  static final char ALEF = DarsNormalizer.ALEF;
  static final char BEH = '\u0628';
  static final char TEH = '\u062A';
  static final char DAL = '\u062F';
  static final char REH = '\u0631';
  static final char SHEEN = '\u0634';
  static final char FEH = '\u0641';
  static final char LAM = '\u0644';
  static final char MEEM = '\u0645';
  static final char NOON = '\u0646';
  static final char HEH = DarsNormalizer.HEH;
  static final char WAW = DarsNormalizer.WAW;
  static final char KEHEH = DarsNormalizer.KEHEH;
  static final char FARSI_YEH = DarsNormalizer.FARSI_YEH;
  static final char PEH = '\u067E';
  static final char TCHEH = '\u0686';
  static final char JEH = '\u0698';
  static final char GAF = '\u06AF';

  static final int MIN_STEM = 3;
  static final int MIN_VERB_STEM = 3;
  static final int MIN_ARTICLE_STEM = 3;
  static final int MIN_PLURAL_STEM = 2;
  static final int MIN_AN_STEM = 4;

  static final char[] NEMI = {NOON, MEEM, FARSI_YEH};
  static final char[] MI = {MEEM, FARSI_YEH};

  static final char[][] ARTICLE_PREFIXES = {
    {WAW, ALEF, LAM}, {BEH, ALEF, LAM}, {KEHEH, ALEF, LAM}, {FEH, ALEF, LAM}, {ALEF, LAM}, {LAM, LAM}
  };

  static final char[][] PLURAL_SUFFIXES = {
    {HEH, ALEF, FARSI_YEH, FARSI_YEH}, {HEH, ALEF, FARSI_YEH}, {HEH, ALEF}
  };
  static final char[][] COMPARATIVE_SUFFIXES = {{TEH, REH, FARSI_YEH, NOON}, {TEH, REH}};
  static final char[][] PRONOUN_SUFFIXES = {
    {ALEF, NOON, DAL}, {ALEF, FARSI_YEH, MEEM}, {ALEF, FARSI_YEH, DAL},
    {ALEF, MEEM}, {ALEF, SHEEN}, {ALEF, FARSI_YEH}
  };
  static final char[][] NOUN_SUFFIXES = {
    {ALEF, TEH}, {WAW, NOON}, {FARSI_YEH, NOON}, {FARSI_YEH, HEH}
  };
  static final char[] AN = {ALEF, NOON};

  private DarsStemmer() {}

  /**
   * Stems {@code s[0..len)} in place.
   *
   * @return the new length
   */
  static int stem(char[] s, int len) {
    int before = len;
    if (!endsWithNominalSuffix(s, len)) {
      len = stemVerbPrefix(s, len);
    }
    if (len == before && !hasPersianOnlyLetter(s, len)) {
      len = stemArticlePrefix(s, len);
    }
    return stemSuffix(s, len);
  }

  static int stemVerbPrefix(char[] s, int len) {
    for (char[] prefix : new char[][] {NEMI, MI}) {
      if (startsWith(s, len, prefix) && len - prefix.length >= MIN_VERB_STEM) {
        char last = s[len - 1];
        if (last == DAL || last == MEEM) {
          return deleteFirst(s, len, prefix.length);
        }
      }
    }
    return len;
  }

  static int stemArticlePrefix(char[] s, int len) {
    for (char[] prefix : ARTICLE_PREFIXES) {
      if (startsWith(s, len, prefix) && len - prefix.length >= MIN_ARTICLE_STEM) {
        return deleteFirst(s, len, prefix.length);
      }
    }
    if (len - 1 >= MIN_STEM && s[0] == WAW) {
      return deleteFirst(s, len, 1);
    }
    return len;
  }

  static int stemSuffix(char[] s, int len) {
    int stripped = stripFirst(s, len, PLURAL_SUFFIXES, MIN_PLURAL_STEM);
    if (stripped == len) {
      stripped = stripFirst(s, len, COMPARATIVE_SUFFIXES, MIN_STEM);
    }
    len = stripped;
    for (char[] suffix : PRONOUN_SUFFIXES) {
      if (endsWith(s, len, suffix) && len - suffix.length >= MIN_STEM) {
        char before = s[len - suffix.length - 1];
        if (before == HEH || before == FARSI_YEH) {
          len -= suffix.length;
          break;
        }
      }
    }
    len = stripChar(s, len, FARSI_YEH);
    int beforeNoun = len;
    len = stripFirst(s, len, NOUN_SUFFIXES, MIN_STEM);
    if (len == beforeNoun && endsWith(s, len, AN) && len - AN.length >= MIN_AN_STEM) {
      len -= AN.length;
    }
    if (len != beforeNoun) {
      len = stripChar(s, len, FARSI_YEH);
    }
    return stripChar(s, len, HEH);
  }

  private static int stripChar(char[] s, int len, char c) {
    return len - 1 >= MIN_STEM && s[len - 1] == c ? len - 1 : len;
  }

  private static int stripFirst(char[] s, int len, char[][] suffixes, int minStem) {
    for (char[] suffix : suffixes) {
      if (endsWith(s, len, suffix) && len - suffix.length >= minStem) {
        return len - suffix.length;
      }
    }
    return len;
  }

  /** Plural and comparative endings are never on a conjugated verb. */
  static boolean endsWithNominalSuffix(char[] s, int len) {
    for (char[][] set : new char[][][] {PLURAL_SUFFIXES, COMPARATIVE_SUFFIXES}) {
      for (char[] suffix : set) {
        if (endsWith(s, len, suffix)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean hasPersianOnlyLetter(char[] s, int len) {
    for (int i = 0; i < len; i++) {
      char c = s[i];
      if (c == PEH || c == TCHEH || c == JEH || c == GAF) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(char[] s, int len, char[] prefix) {
    if (len < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (s[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWith(char[] s, int len, char[] suffix) {
    if (len < suffix.length) {
      return false;
    }
    int off = len - suffix.length;
    for (int i = 0; i < suffix.length; i++) {
      if (s[off + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int deleteFirst(char[] s, int len, int n) {
    System.arraycopy(s, n, s, 0, len - n);
    return len - n;
  }
}
