package org.dars.content;

import java.util.UUID;
import org.dars.platform.DarsException;

/** The identity of an item, stable for ever: links in courses depend on it. */
public record ItemId(UUID value) {
  public ItemId {
    if (value == null) {
      throw new IllegalArgumentException("An item id needs a UUID");
    }
  }

  public static ItemId random() {
    return new ItemId(UUID.randomUUID());
  }

  /** Parses an id from a URL or request; a malformed one is the client's error (400). */
  public static ItemId parse(String text) {
    try {
      if (text != null && text.length() == 36) {
        return new ItemId(UUID.fromString(text));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw DarsException.badRequest(
        "malformed-item-id",
        "'" + abbreviate(text) + "' is not an item id. Item ids are UUIDs such as 3f2b8c1e-5d4a-4e7b-9c0d-1a2b3c4d5e6f.");
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
