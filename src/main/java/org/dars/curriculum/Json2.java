package org.dars.curriculum;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import org.dars.platform.DarsException;

/**
 * Reading request bodies with JSON-P, so that every wrong field is reported by its path
 * ({@code operations[3].parent}) instead of as a generic binding failure.
 */
final class Json2 {
  private Json2() {}

  static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw DarsException.badRequest("malformed-json", "The request needs a JSON object body.");
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (JsonParsingException e) {
      throw DarsException.badRequest("malformed-json",
          "The body is not valid JSON: " + e.getMessage() + " (line " + e.getLocation().getLineNumber()
              + ", column " + e.getLocation().getColumnNumber() + ").");
    } catch (JsonException | IllegalStateException e) {
      throw DarsException.badRequest("malformed-json", "The body must be one JSON object.");
    }
  }

  /** A string member, or null if absent or null; anything else is a 422 naming the field. */
  static String string(JsonObject o, String path) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw DarsException.invalid("invalid-field", "'" + path + "' must be a string.");
    }
    return o.getString(key);
  }

  static Integer integer(JsonObject o, String key, String path) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.NUMBER || !o.getJsonNumber(key).isIntegral()) {
      throw DarsException.invalid("invalid-field", "'" + path + "' must be a whole number.");
    }
    long value = o.getJsonNumber(key).longValue();
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw DarsException.invalid("invalid-field", "'" + path + "' must be from 0 to " + Integer.MAX_VALUE + ".");
    }
    return (int) value;
  }

  static JsonArray array(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw DarsException.invalid("invalid-field", "'" + key + "' must be an array.");
    }
    return v.asJsonArray();
  }
}
