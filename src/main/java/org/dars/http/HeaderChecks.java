package org.dars.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import org.dars.platform.DarsException;
import org.dars.platform.Problem;

/**
 * Headers RESTEasy would otherwise fail on with an exception of its own, deep inside content
 * negotiation or body reading, which only the catch-all mapper sees (a 500): an {@code Accept} with
 * a {@code q} that is not a number, and a body in a charset Java does not know (UTF-7). Checked
 * before matching, so the answer is a precise 400 or 415 problem whatever the resource.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class HeaderChecks implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    try {
      checkAccept(request.getHeaderString(HttpHeaders.ACCEPT));
      checkCharset(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
    } catch (DarsException e) {
      request.abortWith(Problem.of(e));
    }
  }

  static void checkAccept(String accept) {
    if (accept == null) {
      return;
    }
    for (String element : accept.split(",")) {
      if (element.isBlank()) {
        continue;
      }
      String q = parameter(element, "q");
      if (q != null) {
        try {
          float value = Float.parseFloat(q);
          if (!(value >= 0 && value <= 1)) {
            throw invalidAccept();
          }
        } catch (NumberFormatException e) {
          throw invalidAccept();
        }
      }
    }
  }

  static void checkCharset(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return;
    }
    String charset = parameter(contentType, "charset");
    boolean supported;
    try {
      supported = charset == null || Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      supported = false;
    }
    if (!supported) {
      throw new DarsException(415, "unsupported-charset", "Unsupported media type",
          "Dars cannot read a body in the charset named in Content-Type; send UTF-8.");
    }
  }

  /** A parameter of a media type ({@code type/subtype; name=value}), unquoted; null if absent. */
  static String parameter(String mediaType, String name) {
    String[] parts = mediaType.split(";");
    for (int i = 1; i < parts.length; i++) {
      int eq = parts[i].indexOf('=');
      if (eq > 0 && parts[i].substring(0, eq).strip().equalsIgnoreCase(name)) {
        String value = parts[i].substring(eq + 1).strip();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
      }
    }
    return null;
  }

  private static DarsException invalidAccept() {
    return DarsException.badRequest("invalid-accept",
        "The Accept header is malformed: each media range is type/subtype, with an optional q from 0 to 1,"
            + " such as 'application/json, */*;q=0.5'.");
  }
}
