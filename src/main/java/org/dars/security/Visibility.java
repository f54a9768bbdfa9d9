package org.dars.security;

import java.util.Arrays;
import java.util.Locale;
import org.dars.platform.DarsException;

/** Who besides its own organisation may read an item or a curriculum. */
public enum Visibility {
  /** Only the owner organisation. */
  ORGANISATION,
  /** Also the registered partner organisations. */
  PARTNERS,
  /** Also anyone, without signing in, if the instance allows anonymous reading. */
  PUBLIC;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Visibility parse(String text) {
    return Arrays.stream(values()).filter(v -> v.id().equals(text)).findFirst()
        .orElseThrow(() -> DarsException.invalid("invalid-visibility",
            "'visibility' must be 'organisation' (only its own organisation), 'partners' (also the registered partner"
                + " organisations) or 'public' (also anonymous readers)."));
  }
}
