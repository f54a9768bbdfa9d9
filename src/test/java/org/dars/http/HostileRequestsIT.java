package org.dars.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dars.Deployments;
import org.dars.Http;
import org.dars.http.HostileRequests.Body;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fuzz test of issue #6: thousands of malformed and hostile requests across every endpoint of
 * the server's own OpenAPI document. None may answer 5xx; every API error must be a problem
 * document; the server must stay ready; and the data must be exactly as before, since every
 * request is built so that a correct server refuses it (mutating requests name real items and
 * curricula only when their body is malformed). The seed is printed; {@code -Ddars.fuzz.seed=}
 * repeats a run and {@code -Ddars.fuzz.requests=} changes its length.
 */
@ExtendWith(ArquillianExtension.class)
class HostileRequestsIT {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND", "FUZZ");

  static final String INSTRUCTOR = "مربی.آزمون";
  static final String INSTRUCTOR_PASSWORD = "گذرواژه-آزمون-فازی-۱۴۰۵";

  /**
   * Who the requests claim to be: the one place that decides their Authorization header. A
   * signed-in instructor reaches past the access checks into the parsing of every read endpoint;
   * writers are left out, since a hostile request that happens to be valid could then really
   * change the data this test proves unchanged.
   */
  enum Caller {
    ANONYMOUS(null),
    BOGUS_BEARER("Bearer dars_" + "0f".repeat(24)),
    INSTRUCTOR("Basic " + java.util.Base64.getEncoder().encodeToString(
        (HostileRequestsIT.INSTRUCTOR + ":" + HostileRequestsIT.INSTRUCTOR_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    final String authorization;

    Caller(String authorization) {
      this.authorization = authorization;
    }
  }

  record Endpoint(String method, String template, List<String> queryParams, boolean hasBody) {}

  record Sent(Caller caller, String kind, String method, String path, int status, String contentType, String body) {}

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;
  private Http http;
  private Random random;
  private String item;
  private String curriculum;
  private String release;

  @Test
  void hostileRequestsNeverBreakTheServerNorChangeTheData() throws Exception {
    // Set-up and the before/after snapshot as the administrator, who sees everything; the hostile
    // requests themselves carry only their Caller's credentials (see send).
    http = new Http(base).asAdmin();
    var created = http.postJson("api/v1/users", jakarta.json.Json.createObjectBuilder().add("username", INSTRUCTOR)
        .add("organisation", "home").add("roles", jakarta.json.Json.createArrayBuilder().add("instructor"))
        .add("password", INSTRUCTOR_PASSWORD).build().toString());
    assertTrue(created.statusCode() == 201 || created.statusCode() == 409, created.body());
    long seed = Long.getLong("dars.fuzz.seed", System.currentTimeMillis());
    int count = Integer.getInteger("dars.fuzz.requests", 2400);
    random = new Random(seed);
    System.out.println("HostileRequestsIT seed " + seed + " (-Ddars.fuzz.seed=" + seed + " repeats this run)");

    http.await("api/v1/items?size=100", o -> o.getJsonArray("items").stream()
        .noneMatch(i -> i.asJsonObject().getString("status").equals("PROCESSING")), Duration.ofSeconds(240));
    List<Endpoint> endpoints = endpoints();
    assertTrue(endpoints.size() >= 30, "the OpenAPI document lists the API: " + endpoints.size());
    item = firstId("api/v1/items?size=1", "items");
    curriculum = Http.json(http.get("api/v1/curricula?size=100").body()).getJsonArray("curricula").stream()
        .map(JsonValue::asJsonObject).filter(c -> c.containsKey("latestRelease") && !c.isNull("latestRelease")).findFirst().orElseThrow().getString("id");
    release = Http.jsonArray(http.get("api/v1/curricula/" + curriculum + "/releases").body()).getJsonObject(0).getString("version");
    Map<String, String> before = snapshot();

    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Caller caller = Caller.values()[i % Caller.values().length];
      sent.add(send(caller, HostileRequests.pick(random, endpoints)));
    }
    sent.addAll(RawRequests.send(base.getHost(), base.getPort(), random, 60));

    report(seed, sent);
    List<String> failures = new ArrayList<>();
    for (Sent s : sent) {
      if (s.status >= 500) {
        failures.add("5xx: " + describe(s));
      } else if (s.path.startsWith("/api/") && s.status >= 400 && !s.method.equals("HEAD") && s.contentType != null
          && !s.contentType.startsWith("application/problem+json")) {
        failures.add("not a problem: " + describe(s));
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " bad answers, first ones:\n" + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    assertReady();
    Map<String, String> after = snapshot();
    for (String key : before.keySet()) {
      assertEquals(before.get(key), after.get(key), key + " changed under hostile requests (seed " + seed + ")");
    }
  }

  private static String describe(Sent s) {
    String path = s.path.length() > 160 ? s.path.substring(0, 160) + "…" : s.path;
    String body = s.body == null ? "" : s.body.length() > 300 ? s.body.substring(0, 300) + "…" : s.body;
    return s.caller + " " + s.kind + " " + s.method + " " + path + " -> " + s.status + " " + s.contentType + " " + body;
  }

  private void report(long seed, List<Sent> sent) {
    Map<Integer, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> byKind = new TreeMap<>();
    Map<String, Integer> byCaller = new TreeMap<>();
    for (Sent s : sent) {
      byStatus.merge(s.status, 1, Integer::sum);
      byKind.merge(s.kind, 1, Integer::sum);
      byCaller.merge(s.caller == null ? "RAW" : s.caller.name(), 1, Integer::sum);
    }
    System.out.println("HostileRequestsIT seed " + seed + ": " + sent.size() + " requests; by status " + byStatus
        + "; by kind " + byKind + "; by caller " + byCaller);
  }

  /** The endpoints of the server's OpenAPI document, with their query parameters. */
  private List<Endpoint> endpoints() {
    JsonObject doc = Http.json(http.get("openapi?format=JSON", "Accept", "application/json").body());
    List<Endpoint> list = new ArrayList<>();
    for (Map.Entry<String, JsonValue> path : doc.getJsonObject("paths").entrySet()) {
      String template = path.getKey().startsWith("/api/") ? path.getKey() : "/api/v1" + path.getKey();
      for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
        if (!METHODS.contains(op.getKey().toUpperCase(Locale.ROOT))) {
          continue;
        }
        JsonObject o = op.getValue().asJsonObject();
        List<String> query = new ArrayList<>();
        if (o.containsKey("parameters")) {
          o.getJsonArray("parameters").forEach(p -> {
            if ("query".equals(p.asJsonObject().getString("in", ""))) {
              query.add(p.asJsonObject().getString("name"));
            }
          });
        }
        list.add(new Endpoint(op.getKey().toUpperCase(Locale.ROOT), template, query, o.containsKey("requestBody")));
      }
    }
    return list;
  }

  private Sent send(Caller caller, Endpoint e) {
    boolean unsafe = !List.of("GET", "HEAD", "OPTIONS").contains(e.method);
    String kind = HostileRequests.pick(random, List.of("random-bytes", "json", "multipart", "traversal", "query", "method",
        "range", "headers", "unicode", "xml", "zip"));
    String method = e.method;
    Body body = new Body(null, new byte[0]);
    boolean malformedBody = false;
    Map<String, String> query = new LinkedHashMap<>();
    Map<String, String> headers = new LinkedHashMap<>();
    boolean junkPath = false;
    switch (kind) {
      case "random-bytes" -> {
        body = new Body(HostileRequests.pick(random, HostileRequests.CONTENT_TYPES), HostileRequests.randomBytes(random, 20_000));
        malformedBody = true;
      }
      case "json" -> {
        body = new Body(random.nextBoolean() ? "application/json" : "application/merge-patch+json", HostileRequests.json(random));
        malformedBody = true;
      }
      case "multipart" -> {
        body = HostileRequests.brokenMultipart(random);
        malformedBody = true;
      }
      case "xml" -> {
        body = new Body(random.nextBoolean() ? "application/xml" : "application/json", HostileRequests.xxe());
        malformedBody = true;
      }
      case "zip" -> {
        body = new Body("application/zip", HostileRequests.traversalZip());
        malformedBody = true;
      }
      case "traversal" -> junkPath = true;
      case "query" -> {
        for (String name : e.queryParams.isEmpty() ? List.of("q", "page") : e.queryParams) {
          query.put(name, HostileRequests.pick(random, HostileRequests.QUERY_JUNK));
        }
      }
      case "method" -> method = HostileRequests.pick(random, METHODS);
      case "range" -> {
        headers.put("Range", HostileRequests.pick(random, HostileRequests.RANGES));
        if (random.nextBoolean()) {
          headers.put("If-Range", random.nextBoolean() ? "\"" + "0".repeat(64) + "\"" : "Thu, 01 Jan 1970 00:00:00 GMT");
        }
      }
      case "headers" -> hostileHeaders(headers);
      default -> { // unicode
        query.put(e.queryParams.isEmpty() ? "q" : HostileRequests.pick(random, e.queryParams),
            HostileRequests.pick(random, List.of("\u202Eخرما\u202C", "\uD83D\uDE00".repeat(300), "ي\u0651\u064E".repeat(2000), "\u0000\u0001", "\uFFFF\uFFFE")));
        headers.put("X-Dars-Junk", "عنوان\u202E\uFEFF");
        junkPath = random.nextBoolean();
      }
    }
    boolean unsafeNow = !List.of("GET", "HEAD", "OPTIONS").contains(method);
    // A mutating request names real things only when it carries a body the endpoint reads and that is malformed.
    boolean realIds = !(unsafe || unsafeNow) || (malformedBody && e.hasBody && method.equals(e.method) && !method.equals("DELETE"));
    String path = path(e.template, realIds, junkPath);
    if (!query.isEmpty()) {
      StringBuilder q = new StringBuilder();
      query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
      path += q;
    }
    return exchange(caller, kind, method, path, body, headers);
  }

  private void hostileHeaders(Map<String, String> headers) {
    switch (random.nextInt(6)) {
      case 0 -> headers.put("X-Dars-Huge", "h".repeat(8_000 + random.nextInt(50_000)));
      case 1 -> {
        for (int i = 0; i < 200; i++) {
          headers.put("X-Dars-" + i, "v" + i);
        }
      }
      case 2 -> headers.put("Accept", HostileRequests.pick(random, List.of("application/json;q=abc", "*/*;q=-1", "text/html, " + "a/b,".repeat(2000), "ّ/ّ")));
      case 3 -> headers.put("If-Match", HostileRequests.pick(random, List.of("\"", "W/", "*", "\"" + "x".repeat(10_000) + "\"", "\"a\", \"b\", ,,,")));
      case 4 -> headers.put("If-None-Match", HostileRequests.pick(random, List.of("*", "\"", "W/\"\"", ",,,,")));
      default -> headers.put("Content-MD5", HostileRequests.pick(random, List.of("not-base64!!", "", "=")));
    }
  }

  /** What goes over the wire for UTF-8 text in a header: its bytes, one character each. */
  private static String latin1(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private String path(String template, boolean realIds, boolean junk) {
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value;
      if (junk && random.nextBoolean()) {
        value = HostileRequests.pick(random, HostileRequests.PATH_JUNK);
      } else if (!realIds) {
        value = random.nextBoolean() ? UUID.randomUUID().toString() : HostileRequests.pick(random, HostileRequests.PATH_JUNK);
      } else {
        value = realValue(template, m.group(1), m.start());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String realValue(String template, String name, int at) {
    String before = template.substring(0, at);
    if (name.equals("version") && before.contains("/releases/")) {
      return release;
    }
    if (name.equals("n") || name.equals("version")) {
      return "1";
    }
    if (before.endsWith("/items/")) {
      return item;
    }
    if (before.endsWith("/curricula/")) {
      return curriculum;
    }
    return UUID.randomUUID().toString();
  }

  private Sent exchange(Caller caller, String kind, String method, String path, Body body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
        .timeout(Duration.ofSeconds(120))
        .method(method, body.bytes().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    if (body.contentType() != null && !body.contentType().isEmpty()) {
      b.header("Content-Type", body.contentType());
    }
    headers.forEach((name, value) -> b.header(name, latin1(value)));
    if (caller.authorization != null) {
      b.header("Authorization", caller.authorization);
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Sent(caller, kind, method, path, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    } catch (IOException e) {
      // The server closing a connection on a request it will not read is a refusal, not a failure.
      return new Sent(caller, kind, method, path, 0, null, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String firstId(String path, String array) {
    return Http.json(http.get(path).body()).getJsonArray(array).getJsonObject(0).getString("id");
  }

  /** What must not change: listings, search totals and facets, one item's usage and course links, a draft, partners, fixity. */
  private Map<String, String> snapshot() {
    Map<String, String> s = new LinkedHashMap<>();
    for (String path : List.of("api/v1/items?size=100", "api/v1/curricula?size=100", "api/v1/items/" + item + "/usage",
        "api/v1/items/" + item + "/history", "api/v1/curricula/" + curriculum, "api/v1/curricula/" + curriculum + "/releases",
        "api/v1/partners")) {
      HttpResponse<String> r = http.get(path);
      s.put(path, r.statusCode() + " " + r.body());
    }
    // Hits with equal scores come in index order, which a rebuild (one of the requests) may change:
    // compared are the totals, the facets and the set of hits.
    for (String q : List.of("", "خرما", "الري بالتنقيط")) {
      JsonObject r = Http.json(http.get("api/v1/search?size=100&q=" + Http.q(q)).body());
      s.put("search " + q, r.get("total") + " " + r.get("facets") + " "
          + new java.util.TreeSet<>(r.getJsonArray("hits").stream().map(h -> h.asJsonObject().getString("id")).toList()));
    }
    JsonObject fixity = Http.json(http.post("api/v1/admin/fixity", null, new byte[0]).body());
    assertTrue(fixity.getJsonArray("corrupt").isEmpty() && fixity.getJsonArray("missing").isEmpty(), fixity.toString());
    s.put("fixity", fixity.get("checked").toString());
    return s;
  }

  private void assertReady() {
    String health = "http://" + base.getHost() + ":" + System.getProperty("dars.management.port", "9990") + "/health/ready";
    HttpResponse<String> r = http.get(health);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"UP\""), r.body());
  }
}
