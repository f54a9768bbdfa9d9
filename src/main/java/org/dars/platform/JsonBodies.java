package org.dars.platform;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Reads the JSON object bodies of the API, answering 400 with a sentence when they are not one. */
public final class JsonBodies {
  private JsonBodies() {}

  public static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw DarsException.badRequest("malformed-json", "The request needs a JSON object body.");
    }
    try {
      return Json.createReader(new StringReader(body)).readObject();
    } catch (JsonException | IllegalStateException e) {
      throw DarsException.badRequest("malformed-json", "The body must be one JSON object.");
    }
  }
}
