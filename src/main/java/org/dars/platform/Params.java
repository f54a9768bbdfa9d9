package org.dars.platform;

/** Checks numeric query and path parameters, answering 400 with the allowed range. */
public final class Params {
  private Params() {}

  public static int number(String name, String raw, int min, int max) {
    if (raw != null) {
      try {
        long value = Long.parseLong(raw.trim());
        if (value >= min && value <= max) {
          return (int) value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    String shown = raw == null ? "" : raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    throw DarsException.badRequest("invalid-parameter",
        "'" + name + "' must be a whole number from " + min + " to " + max + ", not '" + shown + "'.");
  }
}
