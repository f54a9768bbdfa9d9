package org.dars.platform;

import java.net.URI;
import java.util.Map;

/**
 * The root of Dars's domain exceptions. Each knows the HTTP status and problem type it stands for,
 * so resources never translate errors themselves. Messages are written for the person reading the
 * problem body: they say what was wrong and what to do.
 */
public class DarsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final Map<String, Object> extensions;

  public DarsException(int status, String type, String title, String detail) {
    this(status, type, title, detail, Map.of(), null);
  }

  public DarsException(
      int status,
      String type,
      String title,
      String detail,
      Map<String, Object> extensions,
      Throwable cause) {
    super(detail, cause);
    this.status = status;
    this.type = type;
    this.title = title;
    this.extensions = Map.copyOf(extensions);
  }

  public int status() {
    return status;
  }

  public URI type() {
    return URI.create("https://dars.example/problems/" + type);
  }

  public String title() {
    return title;
  }

  public Map<String, Object> extensions() {
    return extensions;
  }

  /** 400: the request cannot be understood as sent. */
  public static DarsException badRequest(String type, String detail) {
    return new DarsException(400, type, "Bad request", detail);
  }

  /** 404: nothing with that identifier exists here. */
  public static DarsException notFound(String type, String detail) {
    return new DarsException(404, type, "Not found", detail);
  }

  /** 409: the request conflicts with the current state of the resource. */
  public static DarsException conflict(String type, String detail) {
    return new DarsException(409, type, "Conflict", detail);
  }

  /** 413: the request body is larger than this instance accepts. */
  public static DarsException tooLarge(String detail) {
    return new DarsException(413, "payload-too-large", "Payload too large", detail);
  }

  /** 422: well-formed, but the content breaks a rule. */
  public static DarsException invalid(String type, String detail) {
    return new DarsException(422, type, "Unprocessable content", detail);
  }
}
