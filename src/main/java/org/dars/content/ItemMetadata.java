package org.dars.content;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.dars.security.Visibility;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.dars.platform.DarsException;
import org.dars.platform.JsonLimits;

/**
 * The descriptive metadata of an item. Parsing is strict: an unknown field, a wrong type, an
 * unknown language or an over-long value is refused with a message that names the field, because a
 * silently dropped field is worse than a clear error.
 */
public record ItemMetadata(
    String title,
    String description,
    List<String> language,
    List<String> subjects,
    String level,
    List<String> tags,
    String license,
    List<String> authors,
    String organisation,
    String source,
    String translationOf,
    String visibility) {

  static final int MAX_TITLE = 1000;
  static final int MAX_TEXT = 20_000;
  static final int MAX_SHORT = 200;
  static final int MAX_LIST = 100;

  private static final Set<String> FIELDS =
      Set.of("title", "description", "language", "subjects", "level", "tags", "license", "authors",
          "organisation", "source", "translationOf", "visibility");
  private static final Set<String> ISO_LANGUAGES = isoLanguages();
  private static final Pattern LICENSE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+-]{0,63}");

  public ItemMetadata {
    language = List.copyOf(language);
    subjects = List.copyOf(subjects);
    tags = List.copyOf(tags);
    authors = List.copyOf(authors);
  }

  /** Metadata for a file uploaded without any: its title is the file name. */
  public static ItemMetadata untitled(String fileName) {
    return new ItemMetadata(fileName, null, List.of(), List.of(), null, List.of(), null, List.of(),
        null, null, null, Visibility.ORGANISATION.id());
  }

  public ItemMetadata withTitle(String newTitle) {
    return new ItemMetadata(newTitle, description, language, subjects, level, tags, license, authors,
        organisation, source, translationOf, visibility);
  }

  public ItemMetadata withVisibility(String newVisibility) {
    return new ItemMetadata(title, description, language, subjects, level, tags, license, authors,
        organisation, source, translationOf, newVisibility);
  }

  public ItemMetadata withLanguage(List<String> newLanguage) {
    return new ItemMetadata(title, description, newLanguage, subjects, level, tags, license, authors,
        organisation, source, translationOf, visibility);
  }

  /** Parses client JSON; {@code fallbackTitle} is used when the client gives no title. */
  public static ItemMetadata parse(String json, String fallbackTitle) {
    JsonObject object = readObject(json);
    if (!object.containsKey("title") && fallbackTitle != null) {
      object = Json.createObjectBuilder(object).add("title", fallbackTitle).build();
    }
    return from(object);
  }

  /** Applies an RFC 7396 merge patch and validates the result as a whole. */
  public ItemMetadata merge(String patchJson) {
    JsonObject patch = readObject(patchJson);
    JsonValue merged = Json.createMergePatch(patch).apply(toJsonObject());
    return from(merged.asJsonObject());
  }

  static ItemMetadata fromJson(String stored) {
    return from(readObject(stored));
  }

  public String toJson() {
    return toJsonObject().toString();
  }

  JsonObject toJsonObject() {
    JsonObjectBuilder b = Json.createObjectBuilder();
    b.add("title", title);
    put(b, "description", description);
    putList(b, "language", language);
    putList(b, "subjects", subjects);
    put(b, "level", level);
    putList(b, "tags", tags);
    put(b, "license", license);
    putList(b, "authors", authors);
    put(b, "organisation", organisation);
    put(b, "source", source);
    put(b, "translationOf", translationOf);
    b.add("visibility", visibility);
    return b.build();
  }

  private static ItemMetadata from(JsonObject o) {
    for (String key : o.keySet()) {
      if (!FIELDS.contains(key)) {
        throw DarsException.badRequest(
            "unknown-metadata-field",
            "Metadata field '" + ItemId.abbreviate(key) + "' is not known. Known fields: "
                + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
      }
    }
    String title = text(o, "title", MAX_TITLE);
    if (title == null || title.isBlank()) {
      throw DarsException.badRequest("missing-title", "Metadata needs a non-empty 'title'.");
    }
    String license = text(o, "license", 64);
    if (license != null && !LICENSE.matcher(license).matches()) {
      throw DarsException.badRequest(
          "invalid-license",
          "'license' must be an SPDX or Creative Commons identifier such as CC-BY-4.0 or MIT, not '"
              + ItemId.abbreviate(license) + "'.");
    }
    String translationOf = text(o, "translationOf", 36);
    if (translationOf != null) {
      ItemId.parse(translationOf);
    }
    return new ItemMetadata(
        title.strip(),
        text(o, "description", MAX_TEXT),
        languages(o),
        list(o, "subjects"),
        text(o, "level", MAX_SHORT),
        list(o, "tags"),
        license,
        list(o, "authors"),
        text(o, "organisation", MAX_SHORT),
        text(o, "source", 2000),
        translationOf,
        // Items are visible to their own organisation only, unless their author says otherwise.
        Visibility.parse(Optional.ofNullable(text(o, "visibility", 20)).orElse(Visibility.ORGANISATION.id())).id());
  }

  private static JsonObject readObject(String json) {
    JsonLimits.checkDepth(json);
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw DarsException.badRequest(
            "malformed-metadata", "Metadata must be a JSON object, such as {\"title\": \"برداشت خرما\"}.");
      }
      return value.asJsonObject();
    } catch (JsonParsingException e) {
      throw DarsException.badRequest(
          "malformed-metadata",
          "Metadata is not valid JSON (line " + e.getLocation().getLineNumber() + ", column "
              + e.getLocation().getColumnNumber() + "): " + e.getMessage());
    } catch (JsonException e) {
      throw DarsException.badRequest("malformed-metadata", "Metadata is not valid JSON: " + e.getMessage());
    }
  }

  private static String text(JsonObject o, String key, int max) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw DarsException.badRequest("invalid-metadata-field", "Metadata field '" + key + "' must be a string.");
    }
    String s = ((JsonString) v).getString();
    if (s.length() > max) {
      throw DarsException.badRequest(
          "field-too-long",
          "Metadata field '" + key + "' is " + s.length() + " characters long; the limit is " + max + ".");
    }
    return s;
  }

  private static List<String> list(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (v.getValueType() == JsonValue.ValueType.STRING) {
      return List.of(text(o, key, MAX_SHORT));
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw DarsException.badRequest(
          "invalid-metadata-field", "Metadata field '" + key + "' must be a list of strings.");
    }
    JsonArray array = v.asJsonArray();
    if (array.size() > MAX_LIST) {
      throw DarsException.badRequest(
          "field-too-long", "Metadata field '" + key + "' has " + array.size() + " values; the limit is " + MAX_LIST + ".");
    }
    Set<String> values = new LinkedHashSet<>();
    for (JsonValue e : array) {
      if (e.getValueType() != JsonValue.ValueType.STRING) {
        throw DarsException.badRequest(
            "invalid-metadata-field", "Metadata field '" + key + "' must contain only strings.");
      }
      String s = ((JsonString) e).getString().strip();
      if (s.length() > MAX_SHORT) {
        throw DarsException.badRequest(
            "field-too-long", "A value of metadata field '" + key + "' is " + s.length() + " characters long; the limit is " + MAX_SHORT + ".");
      }
      if (!s.isEmpty()) {
        values.add(s);
      }
    }
    return new ArrayList<>(values);
  }

  private static List<String> languages(JsonObject o) {
    List<String> result = new ArrayList<>();
    for (String tag : list(o, "language")) {
      result.add(checkLanguage(tag));
    }
    return result;
  }

  /** Accepts a well-formed BCP 47 tag whose language subtag ISO 639 knows; returns it canonical. */
  static String checkLanguage(String tag) {
    Locale locale;
    try {
      locale = new Locale.Builder().setLanguageTag(tag).build();
    } catch (IllformedLocaleException e) {
      locale = null;
    }
    if (locale == null || locale.getLanguage().isEmpty() || !ISO_LANGUAGES.contains(locale.getLanguage())) {
      throw DarsException.badRequest(
          "unknown-language",
          "'" + ItemId.abbreviate(tag) + "' is not a known BCP 47 language code. Use codes such as fa, ar or en.");
    }
    return locale.toLanguageTag();
  }

  private static Set<String> isoLanguages() {
    Set<String> codes = new java.util.HashSet<>(List.of(Locale.getISOLanguages()));
    for (String two : Locale.getISOLanguages()) {
      try {
        codes.add(Locale.forLanguageTag(two).getISO3Language());
      } catch (java.util.MissingResourceException e) {
        // no three-letter form
      }
    }
    return Set.copyOf(codes);
  }

  private static void put(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }

  private static void putList(JsonObjectBuilder b, String key, List<String> values) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    values.forEach(a::add);
    b.add(key, a);
  }
}
