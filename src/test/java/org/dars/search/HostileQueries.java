package org.dars.search;

import java.util.List;

/** Strings people (or scripts) type that must never break search. */
final class HostileQueries {
  static final List<String> ALL = List.of(
      "\"", "\"\"", "\"گندم", "گندم\"", "-", "--", "- -", "-\"", "OR", "OR OR", "گندم OR", "OR گندم", "-OR",
      "a AND (b", "title:*", "*:*", "*", "?", "~", "گندم~2", "^", "گندم^10", "\\", "\\\\", "\\\"", "()", ")(",
      "[a TO z]", "{a TO z}", "/regex/", "'; DROP TABLE item; --", "1' OR '1'='1", "<script>alert(1)</script>",
      "😀", "🌴🌴 خرما 😀", "\uD83D", "\uDE00", "\u202Eخرما\u202C", "\u2067التمر\u2069", "\u200F\u200E\u061C",
      "\u0000", "a\u0001b\u0007c", "\u200C\u200C\u200C", "\uFEFF", "\uFDFD", "ﷲ", "ـــــ", "َُِّ",
      " ", "\t\n", "گندم".repeat(2500), "خرما ".repeat(2000), "\"".repeat(10_000), "-".repeat(10_000),
      "a ".repeat(5000), "OR ".repeat(3000));

  private HostileQueries() {}
}
