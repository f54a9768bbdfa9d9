package org.dars.curriculum;

import java.util.HashMap;
import java.util.Map;

/**
 * How much an item's extracted text changed between two versions, in paragraphs: the longest
 * common subsequence of paragraph hashes is what was kept, the rest was added or removed. Two rows
 * of the table are enough for the length, so memory stays linear; past {@value #MAX_CELLS} cells
 * (very long texts) it counts paragraphs as multisets instead, which ignores reordering only.
 */
final class ParagraphDiff {
  static final long MAX_CELLS = 25_000_000L;

  record Counts(int added, int removed, int kept) {
    String summary() {
      if (added == 0 && removed == 0) {
        return "text unchanged";
      }
      return plural(added, "paragraph") + " added, " + plural(removed, "paragraph") + " removed, " + kept + " unchanged";
    }

    private static String plural(int n, String word) {
      return n + " " + word + (n == 1 ? "" : "s");
    }
  }

  private ParagraphDiff() {}

  static Counts compare(String before, String after) {
    int[] a = hashes(before);
    int[] b = hashes(after);
    int kept = (long) a.length * b.length <= MAX_CELLS ? lcs(a, b) : common(a, b);
    return new Counts(b.length - kept, a.length - kept, kept);
  }

  /** Paragraphs are non-blank lines, compared with surrounding white space trimmed. */
  static int[] hashes(String text) {
    if (text == null || text.isEmpty()) {
      return new int[0];
    }
    return text.lines().map(String::strip).filter(s -> !s.isEmpty()).mapToInt(String::hashCode).toArray();
  }

  static int lcs(int[] a, int[] b) {
    int[] prev = new int[b.length + 1];
    int[] cur = new int[b.length + 1];
    for (int i = 1; i <= a.length; i++) {
      for (int j = 1; j <= b.length; j++) {
        cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length];
  }

  private static int common(int[] a, int[] b) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int h : a) {
      counts.merge(h, 1, Integer::sum);
    }
    int kept = 0;
    for (int h : b) {
      Integer c = counts.get(h);
      if (c != null && c > 0) {
        counts.put(h, c - 1);
        kept++;
      }
    }
    return kept;
  }
}
