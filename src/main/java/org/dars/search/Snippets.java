package org.dars.search;

/**
 * Cleans text that search shows to people. Snippets are plain, HTML-escaped text: an explicit
 * embedding, override or isolate character (U+202A–U+202E, U+2066–U+2069) copied from a document
 * would leak its direction into the page around the snippet, so those are removed, and other
 * control characters become spaces. The implicit marks LRM/RLM/ALM stay: they only affect
 * neighbouring characters.
 */
final class Snippets {
  static final int LEAD_CHARS = 240;

  private Snippets() {}

  static String stripControls(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
      boolean control = c < 0x20 && c != '\n' && c != '\t' || c == 0x7F || (c >= 0x80 && c < 0xA0);
      if (bidi || control) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        if (control) {
          out.append(' ');
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** The start of a text, escaped, for hits whose match was not in the text. */
  static String lead(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String cut = text;
    if (text.length() > LEAD_CHARS) {
      int end = LEAD_CHARS;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      cut = text.substring(0, end) + "…";
    }
    return escape(stripControls(cut));
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#x27;");
        case '/' -> escaped.append("&#x2F;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
