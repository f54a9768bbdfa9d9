package org.dars.curriculum;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.dars.platform.DarsException;

/**
 * A curriculum title in its Persian, Arabic and English forms, each optional but not all absent.
 * Courses on both sides of the border show the form in their own language when one is given.
 */
public record Titles(String fa, String ar, String en) {
  static final int MAX_LENGTH = 500;

  public Titles {
    fa = clean("title.fa", fa);
    ar = clean("title.ar", ar);
    en = clean("title.en", en);
    if (fa == null && ar == null && en == null) {
      throw DarsException.invalid("invalid-curriculum",
          "A curriculum needs a title in at least one of fa, ar or en, such as {\"fa\": \"صنایع تبدیلی خرما\"}.");
    }
  }

  /** The form in the given language, else the first of fa, ar, en that is present. */
  public String in(String language) {
    String wanted = switch (language == null ? "" : language) {
      case "fa" -> fa;
      case "ar" -> ar;
      case "en" -> en;
      default -> null;
    };
    return wanted != null ? wanted : fa != null ? fa : ar != null ? ar : en;
  }

  static Titles fromJson(JsonValue value) {
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw DarsException.invalid("invalid-curriculum",
          "'title' must be an object with fa, ar and/or en forms, such as {\"ar\": \"الري بالتنقيط\"}.");
    }
    JsonObject o = value.asJsonObject();
    for (String key : o.keySet()) {
      if (!key.equals("fa") && !key.equals("ar") && !key.equals("en")) {
        throw DarsException.invalid("invalid-curriculum", "'title' has forms fa, ar and en only, not '" + Problems.abbreviate(key) + "'.");
      }
    }
    return new Titles(Json2.string(o, "title.fa"), Json2.string(o, "title.ar"), Json2.string(o, "title.en"));
  }

  JsonObjectBuilder toJson() {
    JsonObjectBuilder b = Json.createObjectBuilder();
    if (fa != null) {
      b.add("fa", fa);
    }
    if (ar != null) {
      b.add("ar", ar);
    }
    if (en != null) {
      b.add("en", en);
    }
    return b;
  }

  private static String clean(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.length() > MAX_LENGTH) {
      throw DarsException.invalid("invalid-curriculum", "'" + field + "' is limited to " + MAX_LENGTH + " characters.");
    }
    return t;
  }
}
