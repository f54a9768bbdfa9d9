package org.dars.http;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.dars.platform.DarsConfig;
import org.dars.platform.DarsException;
import org.dars.platform.JsonLimits;
import org.dars.platform.Problem;

/**
 * The one place where every JSON request body of the API is bounded, before any resource reads it
 * (as a String for JSON-P or bound by JSON-B): at most {@code dars.http.max-json-bytes} bytes
 * (413) and {@value JsonLimits#MAX_DEPTH} levels of nesting (400). The body is read into memory
 * once, which the limit makes safe, and handed on unchanged. Multipart metadata is checked where
 * it is parsed ({@code ItemMetadata}), under its own limit.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyLimits implements ContainerRequestFilter {
  @Inject DarsConfig config;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.hasEntity() || !isJson(request.getMediaType())) {
      return;
    }
    int max = config.jsonMaxBytes();
    try {
      if (request.getLength() > max) {
        throw tooLarge(max);
      }
      byte[] body = readAtMost(request.getEntityStream(), max);
      JsonLimits.checkDepth(body);
      request.setEntityStream(new ByteArrayInputStream(body));
    } catch (DarsException e) {
      request.abortWith(Problem.of(e));
    }
  }

  static boolean isJson(MediaType type) {
    if (type == null) {
      return false;
    }
    String subtype = type.getSubtype();
    return subtype.equalsIgnoreCase("json") || subtype.toLowerCase(java.util.Locale.ROOT).endsWith("+json");
  }

  /** Reading fails only when the client stops sending (or lies about the length): its fault, not ours. */
  private static byte[] readAtMost(InputStream in, int max) {
    try {
      byte[] body = in.readNBytes(max);
      if (body.length == max && in.read() != -1) {
        throw tooLarge(max);
      }
      return body;
    } catch (IOException e) {
      throw DarsException.badRequest("incomplete-body", "The request body ended before its announced length.");
    }
  }

  private static DarsException tooLarge(int max) {
    return DarsException.tooLarge("A JSON body may have at most " + max + " bytes (dars.http.max-json-bytes).");
  }
}
