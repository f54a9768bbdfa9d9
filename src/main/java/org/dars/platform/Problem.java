package org.dars.platform;

import jakarta.json.bind.Jsonb;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem detail, the body of every error Dars answers. */
public final class Problem {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8");

  private static final Jsonb JSON = JsonbResolver.JSONB;

  private Problem() {}

  private static Map<String, Object> body(int status, String type, String title, String detail, Map<String, Object> extensions) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.putAll(extensions);
    return body;
  }

  public static Response response(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    return Response.status(status).type(PROBLEM_JSON).entity(body(status, type, title, detail, extensions)).build();
  }

  public static Response of(DarsException e) {
    return response(e.status(), e.type().toString(), e.title(), e.getMessage(), e.extensions());
  }

  /** Writes a problem from servlet code, where no JAX-RS mapper runs. */
  public static void write(HttpServletResponse resp, int status, String type, String title, String detail,
      Map<String, Object> extensions) throws IOException {
    byte[] bytes = JSON.toJson(body(status, type, title, detail, extensions)).getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType(MEDIA_TYPE + ";charset=UTF-8");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setContentLength(bytes.length);
    resp.getOutputStream().write(bytes);
  }

  public static void write(HttpServletResponse resp, DarsException e) throws IOException {
    write(resp, e.status(), e.type().toString(), e.title(), e.getMessage(), e.extensions());
  }
}
