package org.dars.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A query as people type it: words, {@code "phrases"}, {@code -excluded} words or phrases, and
 * {@code OR} between alternatives. Parsing never fails: an unbalanced quote closes at the end, a
 * lone operator is ignored, and anything beyond the length and unit limits is dropped.
 */
record UserQuery(List<Unit> units) {
  static final int MAX_CHARS = 1000;
  static final int MAX_UNITS = 32;

  /** A word or phrase; units sharing a {@code group} are alternatives joined by OR. */
  record Unit(String text, boolean phrase, boolean negated, int group) {
    Unit withText(String newText) {
      return new Unit(newText, phrase, negated, group);
    }
  }

  static UserQuery parse(String input) {
    List<Unit> units = new ArrayList<>();
    if (input == null) {
      return new UserQuery(units);
    }
    String q = input;
    if (q.length() > MAX_CHARS) {
      int end = MAX_CHARS;
      if (Character.isHighSurrogate(q.charAt(end - 1))) {
        end--; // never cut an emoji or other supplementary character in half
      }
      q = q.substring(0, end);
    }
    int i = 0;
    int group = 0;
    boolean orPending = false;
    while (i < q.length() && units.size() < MAX_UNITS) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-' && i + 1 < q.length() && !Character.isWhitespace(q.charAt(i + 1))) {
        negated = true;
        i++;
        c = q.charAt(i);
      }
      String text;
      boolean phrase;
      if (c == '"') {
        int end = q.indexOf('"', i + 1);
        if (end < 0) {
          end = q.length();
        }
        text = q.substring(i + 1, end);
        phrase = true;
        i = Math.min(q.length(), end + 1);
      } else {
        int end = i;
        while (end < q.length() && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '"') {
          end++;
        }
        text = q.substring(i, end);
        phrase = false;
        i = end;
      }
      if (!phrase && !negated && text.equals("OR")) {
        orPending = !units.isEmpty();
        continue;
      }
      if (text.isBlank()) {
        continue;
      }
      boolean joinsGroup = orPending && !negated && !units.get(units.size() - 1).negated();
      if (!joinsGroup) {
        group++;
      }
      units.add(new Unit(text, phrase, negated, group));
      orPending = false;
    }
    return new UserQuery(List.copyOf(units));
  }

  /** The query written back in the syntax people type, e.g. for a "did you mean" link. */
  String render() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      if (i > 0) {
        out.append(!u.negated() && u.group() == units.get(i - 1).group() ? " OR " : " ");
      }
      if (u.negated()) {
        out.append('-');
      }
      out.append(u.phrase() ? "\"" + u.text() + "\"" : u.text());
    }
    return out.toString();
  }
}
