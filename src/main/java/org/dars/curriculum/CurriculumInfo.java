package org.dars.curriculum;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;
import java.util.regex.Pattern;
import org.dars.platform.DarsException;

/**
 * What describes a curriculum besides its tree: titles, description, main language, occupation or
 * subject code, level, owning organisation and licence. It is part of the draft, so a release
 * keeps the description it was published with.
 */
public record CurriculumInfo(
    Titles title,
    String description,
    String language,
    String subject,
    String level,
    String organisation,
    String license) {
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Set<String> FIELDS =
      Set.of("title", "description", "language", "subject", "level", "organisation", "license");

  public CurriculumInfo {
    if (title == null) {
      throw DarsException.invalid("invalid-curriculum", "A curriculum needs a 'title'.");
    }
    if (language == null || !LANGUAGE.matcher(language).matches()) {
      throw DarsException.invalid("invalid-curriculum",
          "'language' is the curriculum's main language as a language tag such as fa, ar or en, not '"
              + Problems.abbreviate(language) + "'.");
    }
    description = limit("description", description, 20_000);
    subject = limit("subject", subject, 500);
    level = limit("level", level, 100);
    organisation = limit("organisation", organisation, 200);
    license = limit("license", license, 200);
  }

  /** The title in the curriculum's own language. */
  public String displayTitle() {
    return title.in(language);
  }

  /** Text direction of the main language, for pages. */
  public boolean rightToLeft() {
    return language.startsWith("fa") || language.startsWith("ar") || language.startsWith("ckb");
  }

  static CurriculumInfo fromJson(JsonObject o) {
    for (String key : o.keySet()) {
      if (!FIELDS.contains(key) && !key.equals("operations")) {
        throw DarsException.invalid("invalid-curriculum",
            "Unknown field '" + Problems.abbreviate(key) + "'. A curriculum has " + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
      }
    }
    return new CurriculumInfo(Titles.fromJson(o.get("title")), Json2.string(o, "description"),
        Json2.string(o, "language"), Json2.string(o, "subject"), Json2.string(o, "level"),
        Json2.string(o, "organisation"), Json2.string(o, "license"));
  }

  /** Field names and types of a partial description, checked before any operation applies. */
  static void checkPatch(JsonObject patch) {
    for (String key : patch.keySet()) {
      if (!FIELDS.contains(key)) {
        throw DarsException.invalid("invalid-curriculum",
            "Unknown field '" + Problems.abbreviate(key) + "'. A curriculum has " + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
      }
      if (!key.equals("title")) {
        Json2.string(patch, key);
      }
    }
  }

  /** This description with the fields present in {@code patch} replaced (title forms one by one). */
  CurriculumInfo merge(JsonObject patch) {
    Titles t = title;
    if (patch.containsKey("title")) {
      if (patch.get("title").getValueType() != jakarta.json.JsonValue.ValueType.OBJECT) {
        throw DarsException.invalid("invalid-curriculum", "'title' must be an object with fa, ar and/or en forms.");
      }
      JsonObjectBuilder b = title.toJson();
      patch.getJsonObject("title").forEach(b::add);
      t = Titles.fromJson(b.build());
    }
    return new CurriculumInfo(t,
        patch.containsKey("description") ? Json2.string(patch, "description") : description,
        patch.containsKey("language") ? Json2.string(patch, "language") : language,
        patch.containsKey("subject") ? Json2.string(patch, "subject") : subject,
        patch.containsKey("level") ? Json2.string(patch, "level") : level,
        patch.containsKey("organisation") ? Json2.string(patch, "organisation") : organisation,
        patch.containsKey("license") ? Json2.string(patch, "license") : license);
  }

  JsonObject toJson() {
    JsonObjectBuilder b = Json.createObjectBuilder().add("title", title.toJson()).add("language", language);
    add(b, "description", description);
    add(b, "subject", subject);
    add(b, "level", level);
    add(b, "organisation", organisation);
    add(b, "license", license);
    return b.build();
  }

  private static void add(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }

  private static String limit(String field, String text, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > max) {
      throw DarsException.invalid("invalid-curriculum", "'" + field + "' is limited to " + max + " characters.");
    }
    return text.strip();
  }
}
