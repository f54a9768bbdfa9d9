package org.dars.search.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The Persian inflectional affixes that writers attach with a ZWNJ, a space or nothing, and the rule
 * that glues them to their word. Works on folded text (see {@link DarsNormalizer}): Farsi yeh,
 * keheh, bare alef.
 *
 * <ul>
 *   <li>Prefixes {@code می}, {@code نمی}, {@code بی} glue to the following part.
 *   <li>Plural and comparative suffixes {@code ها}, {@code های}, {@code هایی}, {@code تر}, {@code
 *       ترین} glue to the preceding part whenever it ends in a letter.
 *   <li>Pronoun and copula suffixes {@code ام}, {@code ات}, {@code اش}, {@code ایم}, {@code اید},
 *       {@code اند} are only written apart after a silent heh or a yeh ({@code خسته‌ام}, {@code
 *       ایرانی‌اند}); elsewhere Persian attaches the alef-less form ({@code کتابم}). They glue only
 *       after heh or yeh, which also keeps the Arabic words {@code أم}/{@code أي} from being glued
 *       to arbitrary neighbours.
 *   <li>The indefinite/ezafe suffixes {@code ای} and {@code ی} glue only after heh ({@code
 *       خانه‌ای}, {@code خانه‌ی}).
 * </ul>
 *
 * Any other ZWNJ separates the parts of a compound ({@code بین‌المللی}, {@code دانش‌آموز}); see
 * {@link DarsAffixJoinFilter} for how those are indexed.
 */
final class PersianAffixes {

  static final char ZWNJ = DarsNormalizer.ZWNJ;
  static final char HEH = DarsNormalizer.HEH;
  static final char FARSI_YEH = DarsNormalizer.FARSI_YEH;

  static final String MI = "\u0645\u06CC";
  static final String NEMI = "\u0646\u0645\u06CC";
  static final String BI = "\u0628\u06CC";

  static final String HA = "\u0647\u0627";
  static final String HAYE = "\u0647\u0627\u06CC";
  static final String HAYI = "\u0647\u0627\u06CC\u06CC";
  static final String TAR = "\u062A\u0631";
  static final String TARIN = "\u062A\u0631\u06CC\u0646";

  static final String AM = "\u0627\u0645";
  static final String AT = "\u0627\u062A";
  static final String ASH = "\u0627\u0634";
  static final String IM = "\u0627\u06CC\u0645";
  static final String ID = "\u0627\u06CC\u062F";
  static final String AND = "\u0627\u0646\u062F";

  static final String I = "\u0627\u06CC";
  static final String YEH = "\u06CC";

  private PersianAffixes() {}

  static boolean isPrefix(CharSequence s) {
    return contentEquals(s, MI) || contentEquals(s, NEMI) || contentEquals(s, BI);
  }

  /** Whether {@code s} glues as a suffix to a preceding part ending with {@code last}. */
  static boolean isSuffix(CharSequence s, char last) {
    if (s.length() > HAYI.length() || !isArabicLetter(last)) { // no suffix is longer than هایی; most words are
      return false;
    }
    if (contentEquals(s, HA)
        || contentEquals(s, HAYE)
        || contentEquals(s, HAYI)
        || contentEquals(s, TAR)
        || contentEquals(s, TARIN)) {
      return true;
    }
    if (contentEquals(s, AM)
        || contentEquals(s, AT)
        || contentEquals(s, ASH)
        || contentEquals(s, IM)
        || contentEquals(s, ID)
        || contentEquals(s, AND)) {
      return last == HEH || last == FARSI_YEH;
    }
    if (contentEquals(s, I) || contentEquals(s, YEH)) {
      return last == HEH;
    }
    return false;
  }

  static boolean isArabicLetter(int c) {
    if ((c >= '\u0621' && c <= '\u063F') || (c >= '\u0641' && c <= '\u064A')) {
      return true; // the common letters (tatweel, U+0640, is not one), without the script lookup
    }
    return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
  }

  /**
   * Splits {@code text} at ZWNJ and glues affixes to their word.
   *
   * @return the resulting parts, each without ZWNJ; a single element when the text is one word
   */
  static List<String> glue(CharSequence text) {
    List<String> units = new ArrayList<>(2);
    StringBuilder prefix = new StringBuilder();
    int start = 0;
    int len = text.length();
    for (int i = 0; i <= len; i++) {
      if (i < len && text.charAt(i) != ZWNJ) {
        continue;
      }
      if (i > start) {
        CharSequence seg = text.subSequence(start, i);
        boolean last = i >= len;
        if (prefix.length() == 0 && !units.isEmpty() && isSuffix(seg, lastChar(units))) {
          int u = units.size() - 1;
          units.set(u, units.get(u) + seg);
        } else if (!last && isPrefix(seg)) {
          prefix.append(seg);
        } else {
          units.add(prefix.append(seg).toString());
          prefix.setLength(0);
        }
      }
      start = i + 1;
    }
    if (prefix.length() > 0) {
      units.add(prefix.toString());
    }
    return units;
  }

  private static char lastChar(List<String> units) {
    String u = units.get(units.size() - 1);
    return u.charAt(u.length() - 1);
  }

  private static boolean contentEquals(CharSequence a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < b.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
