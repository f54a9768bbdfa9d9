package org.dars.platform;

/** Escaping for the few pages Dars renders itself (stable links, readable diffs, snippets). */
public final class Html {
  private Html() {}

  /** Text made safe for HTML element content and quoted attribute values; null becomes empty. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
