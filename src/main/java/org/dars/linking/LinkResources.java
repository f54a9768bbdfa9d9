package org.dars.linking;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import org.dars.platform.DarsException;

/**
 * Helpers shared by the linking resources. Each resource has its own full path (such as
 * {@code /items/{id}/usage}) so that it never competes with the item and curriculum resources for
 * their other paths.
 */
final class LinkResources {
  private LinkResources() {}

  static JsonObject body(String body) {
    if (body == null || body.isBlank()) {
      throw DarsException.badRequest("malformed-json", "The request needs a JSON object body.");
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (JsonParsingException e) {
      throw DarsException.badRequest("malformed-json", "The body is not valid JSON: " + e.getMessage());
    } catch (RuntimeException e) {
      throw DarsException.badRequest("malformed-json", "The body must be one JSON object.");
    }
  }

  static Response registered(CourseLinkService.Registered r, String path) {
    return r.created()
        ? Response.created(URI.create(path + "#" + r.link().id())).entity(r.link()).build()
        : Response.ok(r.link()).build();
  }
}
