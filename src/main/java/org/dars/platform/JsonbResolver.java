package org.dars.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The one JSON-B instance of the application. Without a resolver RESTEasy builds a new {@link
 * Jsonb} for every response it writes, which a profile of the search API under load put at a third
 * of the cost of writing the response (building one looks up providers in the deployment's jars).
 * A {@code Jsonb} is thread-safe, so one serves every request, and the servlets' JSON too.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {
  /** Shared by everything in Dars that writes JSON with JSON-B. */
  public static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
