package org.dars.security;

import java.util.Locale;

/**
 * Where an item stands in its organisation's review. Organisations that do not require review
 * publish at once; the others keep new items in draft until a reviewer approves them.
 */
public enum ReviewState {
  DRAFT,
  IN_REVIEW,
  PUBLISHED;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static ReviewState of(String id) {
    for (ReviewState s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown review state " + id);
  }
}
