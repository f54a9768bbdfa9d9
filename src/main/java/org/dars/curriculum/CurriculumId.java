package org.dars.curriculum;

import java.util.UUID;
import org.dars.platform.DarsException;

/** The identity of a curriculum, stable for ever: course links depend on it. */
public record CurriculumId(UUID value) {
  public CurriculumId {
    if (value == null) {
      throw new IllegalArgumentException("A curriculum id needs a UUID");
    }
  }

  public static CurriculumId random() {
    return new CurriculumId(UUID.randomUUID());
  }

  /** Parses an id from a URL or request; a malformed one is the client's error (400). */
  public static CurriculumId parse(String text) {
    try {
      if (text != null && text.length() == 36) {
        return new CurriculumId(UUID.fromString(text));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw DarsException.badRequest("malformed-curriculum-id",
        "'" + Problems.abbreviate(text) + "' is not a curriculum id. Curriculum ids are UUIDs such as"
            + " 3f2b8c1e-5d4a-4e7b-9c0d-1a2b3c4d5e6f.");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
