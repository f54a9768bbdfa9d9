package org.dars.search.analysis;

/**
 * Character-level folding of Persian, Arabic and Latin text, in place on a {@code char[]}.
 *
 * <p>It expects NFKC input (presentation forms and ligatures already decomposed, see {@link
 * SearchTextNormalizer}) and:
 *
 * <ul>
 *   <li>folds Arabic yeh, alef maksura and yeh barree to Farsi yeh; Arabic kaf and swash kaf to
 *       keheh; teh marbuta, heh with yeh above, heh goal and ae to heh;
 *   <li>folds alef with madda / hamza above / hamza below / wasla to bare alef; waw with hamza to
 *       waw; yeh with hamza to Farsi yeh, or to waw when a waw follows, and then collapses a doubled
 *       waw, so that {@code مسئول}, {@code مسؤول} and {@code مسوول} all become {@code مسول}; drops a
 *       word-final hamza after alef ({@code اجزاء} = {@code اجزا});
 *   <li>removes harakat, superscript alef, tatweel, Quranic annotation marks, the zero-width joiner,
 *       the byte order mark and bidi controls;
 *   <li>treats the zero-width non-joiner (and {@code U+00AC}, its old Word stand-in) as a joiner: it
 *       is removed, or, when asked to keep it, a run is reduced to one mark between two letters so
 *       that a later filter can decide where the word joins;
 *   <li>folds every Unicode decimal digit to ASCII and lowercases with {@link
 *       Character#toLowerCase(int)} (locale-independent, like {@code Locale.ROOT}).
 * </ul>
 *
 * The output is never longer than the input.
 */
final class DarsNormalizer {

  static final char ZWNJ = '\u200C';
  static final char ZWJ = '\u200D';
  static final char NOT_SIGN = '\u00AC';
  static final char BOM = '\uFEFF';
  static final char LRM = '\u200E';
  static final char RLM = '\u200F';

  static final char HAMZA = '\u0621';
  static final char ALEF_MADDA = '\u0622';
  static final char ALEF_HAMZA_ABOVE = '\u0623';
  static final char WAW_HAMZA = '\u0624';
  static final char ALEF_HAMZA_BELOW = '\u0625';
  static final char YEH_HAMZA = '\u0626';
  static final char ALEF = '\u0627';
  static final char TEH_MARBUTA = '\u0629';
  static final char TATWEEL = '\u0640';
  static final char KAF = '\u0643';
  static final char HEH = '\u0647';
  static final char WAW = '\u0648';
  static final char ALEF_MAKSURA = '\u0649';
  static final char YEH = '\u064A';
  static final char SUPERSCRIPT_ALEF = '\u0670';
  static final char ALEF_WASLA = '\u0671';
  static final char ALEF_WAVY_HAMZA_ABOVE = '\u0672';
  static final char ALEF_WAVY_HAMZA_BELOW = '\u0673';
  static final char HIGH_HAMZA_ALEF = '\u0675';
  static final char SWASH_KAF = '\u06AA';
  static final char KEHEH = '\u06A9';
  static final char HEH_YEH = '\u06C0';
  static final char HEH_GOAL = '\u06C1';
  static final char HEH_GOAL_HAMZA = '\u06C2';
  static final char TEH_MARBUTA_GOAL = '\u06C3';
  static final char FARSI_YEH = '\u06CC';
  static final char YEH_BARREE = '\u06D2';
  static final char AE = '\u06D5';

  /** Harakat, tanwin, shadda, sukun, madda/hamza above and below and other Arabic marks. */
  static final char HARAKAT_FIRST = '\u064B';

  static final char ARABIC_INDIC_ZERO = '\u0660';
  static final char PERSIAN_ZERO = '\u06F0';

  static final char HARAKAT_LAST = '\u065F';
  static final char QURANIC_SIGNS_FIRST = '\u0610';
  static final char QURANIC_SIGNS_LAST = '\u061A';
  static final char QURANIC_MARKS_FIRST = '\u06D6';
  static final char QURANIC_MARKS_LAST = '\u06ED';
  static final char BIDI_EMBEDDING_FIRST = '\u202A';
  static final char BIDI_EMBEDDING_LAST = '\u202E';
  static final char BIDI_ISOLATE_FIRST = '\u2066';
  static final char BIDI_ISOLATE_LAST = '\u2069';

  private DarsNormalizer() {}

  /** Returns true for the characters that are removed outright. */
  static boolean isIgnorable(int c) {
    return (c >= HARAKAT_FIRST && c <= HARAKAT_LAST)
        || c == SUPERSCRIPT_ALEF
        || c == TATWEEL
        || (c >= QURANIC_SIGNS_FIRST && c <= QURANIC_SIGNS_LAST)
        || (c >= QURANIC_MARKS_FIRST && c <= QURANIC_MARKS_LAST)
        || c == ZWJ
        || c == BOM
        || c == LRM
        || c == RLM
        || (c >= BIDI_EMBEDDING_FIRST && c <= BIDI_EMBEDDING_LAST)
        || (c >= BIDI_ISOLATE_FIRST && c <= BIDI_ISOLATE_LAST);
  }

  static boolean isJoiner(int c) {
    return c == ZWNJ || c == NOT_SIGN;
  }

  /**
   * Folds {@code s[0..len)} in place.
   *
   * @param keepZwnj keep one ZWNJ between two letters (for {@link DarsAffixJoinFilter}); otherwise
   *     every ZWNJ is removed
   * @return the new length
   */
  static int normalize(char[] s, int len, boolean keepZwnj) {
    int w = 0;
    boolean pendingJoiner = false;
    for (int r = 0; r < len; ) {
      int c = Character.codePointAt(s, r, len);
      int next = r + Character.charCount(c);
      if (isIgnorable(c)) {
        r = next;
        continue;
      }
      if (isJoiner(c)) {
        pendingJoiner = keepZwnj && w > 0;
        r = next;
        continue;
      }
      int folded = fold(c, s, next, len);
      if (folded == WAW && w > 0 && s[w - 1] == WAW && !pendingJoiner) {
        // a doubled waw is written single in the hamza-less spelling (مسوول = مسول)
        r = next;
        continue;
      }
      if (pendingJoiner) {
        s[w++] = ZWNJ;
        pendingJoiner = false;
      }
      // folding never makes a code point longer than the one it replaces
      w += Character.toChars(folded, s, w);
      r = next;
    }
    // a word-final hamza after alef is dropped, as Persian spelling does (اجزاء = اجزا)
    if (w >= 3 && s[w - 1] == HAMZA && s[w - 2] == ALEF) {
      w--;
    }
    return w;
  }

  /** Folds one code point; {@code next} is the index after it (for the yeh-with-hamza lookahead). */
  private static int fold(int c, char[] s, int next, int len) {
    switch (c) {
      case ALEF_MADDA:
      case ALEF_HAMZA_ABOVE:
      case ALEF_HAMZA_BELOW:
      case ALEF_WASLA:
      case ALEF_WAVY_HAMZA_ABOVE:
      case ALEF_WAVY_HAMZA_BELOW:
      case HIGH_HAMZA_ALEF:
        return ALEF;
      case WAW_HAMZA:
        return WAW;
      case YEH_HAMZA:
        return nextLetter(s, next, len) == WAW ? WAW : FARSI_YEH;
      case YEH:
      case ALEF_MAKSURA:
      case YEH_BARREE:
        return FARSI_YEH;
      case KAF:
      case SWASH_KAF:
        return KEHEH;
      case TEH_MARBUTA:
      case HEH_YEH:
      case HEH_GOAL:
      case HEH_GOAL_HAMZA:
      case TEH_MARBUTA_GOAL:
      case AE:
        return HEH;
      default:
        if (c >= '0' && c <= '9') {
          return c;
        }
        if (c >= '\u0600' && c <= '\u06FF') {
          // the Arabic block, where most characters are: no case, and only these two digit ranges
          if (c >= ARABIC_INDIC_ZERO && c <= ARABIC_INDIC_ZERO + 9) {
            return '0' + c - ARABIC_INDIC_ZERO;
          }
          if (c >= PERSIAN_ZERO && c <= PERSIAN_ZERO + 9) {
            return '0' + c - PERSIAN_ZERO;
          }
          return c;
        }
        if (Character.isDigit(c)) {
          int v = Character.digit(c, 10);
          if (v >= 0) {
            return '0' + v;
          }
        }
        int lower = Character.toLowerCase(c);
        // keep the in-place invariant: never grow
        return Character.charCount(lower) <= Character.charCount(c) ? lower : c;
    }
  }

  private static int nextLetter(char[] s, int from, int len) {
    for (int i = from; i < len; i++) {
      char ch = s[i];
      if (!isIgnorable(ch)) {
        return ch;
      }
    }
    return -1;
  }
}
