package org.dars.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem detail, the body of every error Dars answers. */
public final class Problem {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8");

  private Problem() {}

  public static Response response(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.putAll(extensions);
    return Response.status(status).type(PROBLEM_JSON).entity(body).build();
  }

  public static Response of(DarsException e) {
    return response(e.status(), e.type().toString(), e.title(), e.getMessage(), e.extensions());
  }
}
