package org.dars.platform;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one {@code Range} header Dars honours: a single byte range ({@code bytes=100-}, {@code
 * bytes=100-199}, {@code bytes=-500}). Anything else (several ranges, another unit, numbers too
 * large for a long) is answered with the whole representation, which RFC 9110 allows.
 */
public final class ByteRanges {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  private ByteRanges() {}

  /**
   * The range as {start, end}, both inclusive; empty to serve everything; 416 if it lies outside
   * the {@code size} bytes of {@code what} ("the file", "the package").
   */
  public static Optional<long[]> parse(String header, long size, String what) {
    Matcher m = RANGE.matcher(header.trim());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    long start;
    long end;
    try {
      if (m.group(1).isEmpty()) {
        start = Math.max(0, size - Long.parseLong(m.group(2)));
        end = size - 1;
      } else {
        start = Long.parseLong(m.group(1));
        end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (start >= size || start > end) {
      throw new DarsException(416, "range-not-satisfiable", "Range not satisfiable",
          Character.toUpperCase(what.charAt(0)) + what.substring(1) + " has " + size + " bytes; the range '"
              + header.strip() + "' lies outside it.", Map.of("size", size), null);
    }
    return Optional.of(new long[] {start, end});
  }
}
