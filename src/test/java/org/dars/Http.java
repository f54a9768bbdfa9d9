package org.dars;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A small HTTP client for contract tests: requests as a browser or curl would send them, anonymous
 * or with the credentials given by {@link #as} and {@link #withToken}.
 */
public final class Http {
  /** The administrator the test servers create on first start (arquillian.xml, SecondInstance). */
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "Dars-IT-admin-2026";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER).build();

  private final URI base;
  private final String authorization;

  public Http(URL base) {
    this(URI.create(base.toString().endsWith("/") ? base.toString() : base + "/"), null);
  }

  private Http(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** This client, sending HTTP Basic credentials with every request. */
  public Http as(String user, String password) {
    return new Http(base, "Basic " + java.util.Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** This client as the test server's administrator (all roles of the home organisation). */
  public Http asAdmin() {
    return as(ADMIN, ADMIN_PASSWORD);
  }

  /** This client, sending a Bearer API token with every request. */
  public Http withToken(String token) {
    return new Http(base, "Bearer " + token);
  }

  /** The same server, without credentials. */
  public Http anonymous() {
    return new Http(base, null);
  }

  public URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  public HttpResponse<byte[]> getBytes(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(60));
    if (headers.length > 0) {
      b.headers(headers);
    }
    authorize(b, headers);
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b, headers);
  }

  public HttpResponse<String> postJson(String path, String json, String... headers) {
    return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
  }

  public HttpResponse<String> patch(String path, String contentType, String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Content-Type", contentType);
    return send(b, headers);
  }

  public HttpResponse<String> put(String path, String json, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
        .header("Content-Type", "application/json");
    return send(b, headers);
  }

  public HttpResponse<String> delete(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
  }

  /** Any method, with an optional body and content type: what a table of requests sends. */
  public HttpResponse<String> request(String method, String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b, headers);
  }

  /** Uploads a file as multipart/form-data, with an optional metadata JSON part. */
  public HttpResponse<String> upload(String path, String fileName, byte[] content, String metadataJson, String... headers) {
    Multipart m = new Multipart();
    if (metadataJson != null) {
      m.part("metadata", null, "application/json", metadataJson.getBytes(StandardCharsets.UTF_8));
    }
    if (content != null) {
      m.part("file", fileName, "application/octet-stream", content);
    }
    return post(path, m.contentType(), m.bytes(), headers);
  }

  public HttpResponse<String> upload(String path, Path file, String metadataJson, String... headers) {
    try {
      return upload(path, file.getFileName().toString(), Files.readAllBytes(file), metadataJson, headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder b, String... headers) {
    if (headers.length > 0) {
      b.headers(headers);
    }
    authorize(b, headers);
    try {
      return CLIENT.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Signs in through the login form as a browser does (its view state and session cookie, then the
   * postback); answers the response to the postback, whose Set-Cookie carries the new session.
   */
  public HttpResponse<String> signInWithForm(String user, String password, String next) {
    return signInWithForm(user, password, next, get("login.xhtml"));
  }

  /** The same, posting the form of a login page already fetched (and so its session). */
  public HttpResponse<String> signInWithForm(String user, String password, String next, HttpResponse<String> form) {
    java.util.regex.Matcher state = java.util.regex.Pattern.compile(
        "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
    if (!state.find()) {
      throw new AssertionError("The login page has no view state: " + form.body());
    }
    // PrimeFaces's script adds the page's CSP nonce to every form it submits; a browser sends it.
    java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("nonce=\"([^\"]+)\"").matcher(form.body());
    String body = "login=login&next=" + q(next == null ? "" : next) + "&username=" + q(user) + "&password=" + q(password)
        + "&signin=" + q("ورود") + "&jakarta.faces.ViewState=" + q(state.group(1))
        + (nonce.find() ? "&primefaces.nonce=" + q(nonce.group(1)) : "");
    return post("login.xhtml", "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
        "Cookie", "JSESSIONID=" + cookie(form, "JSESSIONID"));
  }

  /** The value of a cookie the response sets, or null. */
  public static String cookie(HttpResponse<?> r, String name) {
    for (String c : r.headers().allValues("Set-Cookie")) {
      if (c.startsWith(name + "=")) {
        return c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
      }
    }
    return null;
  }

  /** Adds this client's credentials unless the request names its own Authorization. */
  private void authorize(HttpRequest.Builder b, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase("Authorization")) {
        return;
      }
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
  }

  /** Polls a JSON resource until the predicate holds, or fails after the timeout. */
  public JsonObject await(String path, Predicate<JsonObject> until, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonObject last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = get(path);
      if (r.statusCode() == 200) {
        last = json(r.body());
        if (until.test(last)) {
          return last;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("Timed out waiting on " + path + "; last answer: " + last);
  }

  public static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  public static JsonArray jsonArray(String body) {
    return Json.createReader(new StringReader(body)).readArray();
  }

  public static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  public static String str(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : o.getString(key);
  }

  /** A multipart/form-data body built by hand, so tests control every byte. */
  public static final class Multipart {
    private final String boundary = "dars-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Multipart part(String name, String fileName, String contentType, byte[] content) {
      return part(name, fileName, contentType, content, Map.of());
    }

    public Multipart part(String name, String fileName, String contentType, byte[] content, Map<String, String> headers) {
      StringBuilder h = new StringBuilder("--").append(boundary).append("\r\n");
      h.append("Content-Disposition: form-data; name=\"").append(name).append('"');
      if (fileName != null) {
        h.append("; filename=\"").append(fileName).append('"');
      }
      h.append("\r\n");
      if (contentType != null) {
        h.append("Content-Type: ").append(contentType).append("\r\n");
      }
      headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
      h.append("\r\n");
      out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
      out.writeBytes(content);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      return this;
    }

    public String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(out.toByteArray());
      all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return all.toByteArray();
    }
  }
}
