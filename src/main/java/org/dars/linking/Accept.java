package org.dars.linking;

import java.util.Locale;

/**
 * Chooses between the HTML page and JSON for a stable link. Browsers list text/html; API clients
 * ask for application/json. The higher quality wins, and a tie (or no Accept at all) goes to HTML,
 * because links are mostly followed from course pages.
 */
final class Accept {
  private Accept() {}

  static boolean wantsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    double json = Math.max(quality(accept, "application/json"), quality(accept, "application/problem+json"));
    double html = Math.max(quality(accept, "text/html"), quality(accept, "application/xhtml+xml"));
    return json > html;
  }

  /** The quality the header gives a media type: an exact match beats type/* beats *\/*. */
  static double quality(String accept, String mediaType) {
    String type = mediaType.substring(0, mediaType.indexOf('/'));
    double best = 0;
    int specificity = -1;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String name = parts[0].strip().toLowerCase(Locale.ROOT);
      int s = name.equals(mediaType) ? 2 : name.equals(type + "/*") ? 1 : name.equals("*/*") ? 0 : -1;
      if (s < 0 || s < specificity) {
        continue;
      }
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].strip();
        if (p.startsWith("q=")) {
          try {
            q = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      best = s > specificity ? q : Math.max(best, q);
      specificity = s;
    }
    return best;
  }
}
