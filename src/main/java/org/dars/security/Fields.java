package org.dars.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.EnumSet;
import java.util.Optional;
import org.dars.platform.DarsException;
import org.dars.platform.JsonBodies;

/** Reads the fields of the small JSON bodies of the account API, answering 400 with the rule broken. */
final class Fields {
  static final int MAX_BODY = 64 * 1024;

  private final JsonObject o;

  private Fields(JsonObject o) {
    this.o = o;
  }

  static Fields of(String body) {
    if (body != null && body.length() > MAX_BODY) {
      throw DarsException.tooLarge("This JSON body is larger than " + MAX_BODY / 1024 + " KiB.");
    }
    return new Fields(JsonBodies.object(body));
  }

  boolean has(String key) {
    return o.containsKey(key) && o.get(key).getValueType() != JsonValue.ValueType.NULL;
  }

  Optional<String> string(String key, int max) {
    if (!has(key)) {
      return Optional.empty();
    }
    if (!(o.get(key) instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > max) {
      throw DarsException.invalid("invalid-field", "'" + key + "' must be a non-empty string of at most " + max + " characters.");
    }
    return Optional.of(s.getString().strip());
  }

  String required(String key, int max) {
    return string(key, max).orElseThrow(() -> DarsException.invalid("invalid-field", "'" + key + "' is required."));
  }

  Optional<Boolean> bool(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    JsonValue v = o.get(key);
    if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
      return Optional.of(v == JsonValue.TRUE);
    }
    throw DarsException.invalid("invalid-field", "'" + key + "' must be true or false.");
  }

  Optional<Integer> number(String key, int min, int max) {
    if (!has(key)) {
      return Optional.empty();
    }
    if (o.get(key) instanceof jakarta.json.JsonNumber n && n.isIntegral() && n.longValue() >= min && n.longValue() <= max) {
      return Optional.of(n.intValue());
    }
    throw DarsException.invalid("invalid-field", "'" + key + "' must be a whole number from " + min + " to " + max + ".");
  }

  Optional<EnumSet<Role>> roles(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    String rule = "'" + key + "' must be a list of roles: admin, author, reviewer, instructor, partner-sync.";
    if (!(o.get(key) instanceof JsonArray a) || a.size() > Role.values().length) {
      throw DarsException.invalid("invalid-roles", rule);
    }
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (JsonValue v : a) {
      if (!(v instanceof JsonString s)) {
        throw DarsException.invalid("invalid-roles", rule);
      }
      roles.add(Role.of(s.getString()).orElseThrow(() -> DarsException.invalid("invalid-roles", rule)));
    }
    return Optional.of(roles);
  }
}
