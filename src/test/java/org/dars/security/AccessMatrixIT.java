package org.dars.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dars.Deployments;
import org.dars.Http;
import org.dars.security.AccessMatrix.Row;
import org.dars.security.AccessMatrix.Targets;
import org.dars.security.AccessMatrix.Who;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the server's own OpenAPI document, sent by every kind of caller, answers
 * exactly the status {@link AccessMatrix} expects. An operation the document lists and the matrix
 * does not (a new endpoint nobody thought about) fails the test, and so does a row for an operation
 * that no longer exists. A 404 given to a caller outside the home organisation must match, status,
 * problem type and detail, the caller's answer for an id that does not exist.
 */
@ExtendWith(ArquillianExtension.class)
class AccessMatrixIT {
  private static final Pattern UUID_IN_PATH = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;

  @Test
  void everyOperationAnswersEveryCallerAsTheAccessRulesSay() throws Exception {
    SecurityFixtures fx = new SecurityFixtures(base);
    Map<Who, Http> callers = new EnumMap<>(Who.class);
    Targets targets = setUp(fx, callers);

    Set<String> documented = operations(fx.anonymous);
    List<Row> rows = AccessMatrix.rows();
    Set<String> tabled = rows.stream().map(r -> r.method() + " " + r.template()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(documented);
    missing.removeAll(tabled);
    Set<String> stale = new TreeSet<>(tabled);
    stale.removeAll(documented);
    assertTrue(missing.isEmpty(), "Operations of the OpenAPI document without a row in AccessMatrix: " + missing);
    assertTrue(stale.isEmpty(), "Rows in AccessMatrix for operations the OpenAPI document does not have: " + stale);

    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> counts = new TreeMap<>();
    int unknownChecks = 0;
    for (Row row : rows) {
      AccessMatrix.Request request = row.request().apply(targets);
      String template = "/api/v1" + row.template();
      String path = "/api/v1/" + request.path();
      assertTrue(path.split("\\?")[0].matches(template.replaceAll("\\{[^/]+}", "[^/]+")), path + " is not " + template);
      for (Who who : Who.values()) {
        String name = row.method() + " " + row.template() + " (" + row.what() + ") as " + who.label;
        HttpResponse<String> r = send(callers.get(who), row.method(), path, request);
        counts.merge(r.statusCode(), 1, Integer::sum);
        check(name, r, row.expected(who), failures);
        if (r.statusCode() == 404 && who.outsider()) {
          unknownChecks++;
          compareWithUnknownId(name, callers.get(who), row.method(), path, request, r, failures);
        }
      }
    }
    System.out.printf("Access matrix: %d operations in %d rows x %d callers = %d requests (+%d unknown-id comparisons);"
            + " statuses %s; %d failures%n", documented.size(), rows.size(), Who.values().length,
        rows.size() * Who.values().length, unknownChecks, counts, failures.size());
    // The matrix started a rebuild; later tests on this server search a settled index.
    fx.admin.await("api/v1/admin/index", s -> !s.getJsonObject("rebuild").getString("state").equals("running"), Duration.ofMinutes(5));
    assertTrue(failures.isEmpty(), failures.size() + " answers differ from the matrix:\n" + String.join("\n", failures));
  }

  @Test
  void aRevokedPartnerTokenIsRefusedOnTheVeryNextRequest() throws Exception {
    SecurityFixtures fx = new SecurityFixtures(base);
    SecurityFixtures.Partner partner = fx.partner("هيئة التعليم المهني في البصرة");
    assertEquals(200, partner.http().get("api/v1/sharing/releases").statusCode());
    assertEquals(200, fx.admin.delete("api/v1/tokens/" + partner.tokenId()).statusCode());
    HttpResponse<String> refused = partner.http().get("api/v1/sharing/releases");
    assertEquals(401, refused.statusCode(), refused.body());
    assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), refused.headers().toString());
    assertTrue(Http.json(refused.body()).getString("type").endsWith("/invalid-token"), refused.body());
  }

  /** The callers, and the content and accounts the rows aim at, made through the API. */
  private static Targets setUp(SecurityFixtures fx, Map<Who, Http> callers) throws Exception {
    fx.organisation("maysan", "هيئة التعليم المهني في ميسان", false, false);
    SecurityFixtures.Person instructor = fx.person("مریم.مدرس", "home", "instructor");
    SecurityFixtures.Person author = fx.person("رضا.مولف", "home", "author");
    SecurityFixtures.Partner partner = fx.partner("هيئة التعليم المهني في ميسان - الخادم");
    callers.put(Who.ANONYMOUS, fx.anonymous);
    callers.put(Who.INSTRUCTOR, instructor.http());
    callers.put(Who.AUTHOR, author.http());
    callers.put(Who.REVIEWER, fx.person("زهرا.داور", "home", "reviewer").http());
    callers.put(Who.ADMIN, fx.person("علی.مدیر", "home", "admin").http());
    callers.put(Who.PARTNER_SYNC, partner.http());
    callers.put(Who.MAYSAN_AUTHOR, fx.person("حيدر.مؤلف", "maysan", "author").http());
    callers.put(Who.MAYSAN_INSTRUCTOR, fx.person("زينب.مدرسة", "maysan", "instructor").http());
    assertEquals(List.of("partner-sync"), Http.json(partner.http().get("api/v1/me").body()).getJsonArray("roles")
        .getValuesAs(jakarta.json.JsonString::getString));

    Http a = author.http();
    String item = SecurityFixtures.item(a, "دستورالعمل ایمنی کارگاه جوشکاری", "fa",
        "پیش از روشن کردن دستگاه جوش، عینک و دستکش نسوز بپوشید و کپسول آتش‌نشانی را نزدیک بگذارید.", "organisation");
    String doomed = SecurityFixtures.item(a, "پیش‌نویس کنار گذاشته", "fa", "این متن برای حذف شدن بارگذاری شد.", "organisation");
    String curriculum = SecurityFixtures.curriculum(a, "organisation", "ایمنی در کارگاه جوشکاری", item);
    for (String version : List.of("1.0", "1.1")) {
      HttpResponse<String> published = SecurityFixtures.publish(a, curriculum, version);
      assertEquals(201, published.statusCode(), published.body());
    }
    HttpResponse<String> withdrawn = a.postJson("api/v1/curricula/" + curriculum + "/releases/1.0/withdrawal",
        "{\"reason\": \"نسخه ۱.۱ جایگزین آن است\"}");
    assertEquals(200, withdrawn.statusCode(), withdrawn.body());
    HttpResponse<String> token = fx.admin.postJson("api/v1/tokens",
        "{\"name\": \"افزونه مودل\", \"account\": \"" + instructor.username() + "\"}");
    assertEquals(201, token.statusCode(), token.body());

    // Public samples as a visitor sees them, whatever earlier tests on this server added or imported.
    JsonObject publicCurriculum = publicSample(fx.anonymous, "api/v1/curricula?size=100", "curricula",
        c -> c.get("latestRelease") instanceof jakarta.json.JsonString);
    JsonObject publicItem = publicSample(fx.anonymous, "api/v1/items?size=100", "items", i -> true);
    return new Targets(publicItem.getString("id"), publicCurriculum.getString("id"), publicCurriculum.getString("latestRelease"),
        item, curriculum, doomed, "maysan", partner.id(),
        fx.partner("هيئة التعليم المهني في ذي قار").id(), Http.json(token.body()).getJsonObject("token").getString("id"),
        instructor.id());
  }

  /** The first public entry of a listing that belongs to the home organisation itself, not to a partner. */
  private static JsonObject publicSample(Http anonymous, String listing, String key, Predicate<JsonObject> also) {
    Predicate<JsonObject> sample = o -> "home".equals(Http.str(o, "owner")) && "public".equals(Http.str(o, "visibility"))
        && (!o.containsKey("origin") || o.isNull("origin")) && also.test(o);
    JsonObject page = anonymous.await(listing, p -> p.getJsonArray(key).stream().map(JsonValue::asJsonObject).anyMatch(sample),
        Duration.ofMinutes(5));
    return page.getJsonArray(key).stream().map(JsonValue::asJsonObject).filter(sample).findFirst().orElseThrow();
  }

  /** Method and path template of every operation under /api/v1 in the server's OpenAPI document. */
  private static Set<String> operations(Http http) {
    HttpResponse<String> r = http.get("openapi", "Accept", "application/json");
    assertEquals(200, r.statusCode(), r.body());
    Set<String> operations = new TreeSet<>();
    Http.json(r.body()).getJsonObject("paths").forEach((path, item) -> {
      if (path.startsWith("/api/v1/")) {
        item.asJsonObject().keySet().stream().filter(METHODS::contains)
            .forEach(m -> operations.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path.substring("/api/v1".length())));
      }
    });
    assertTrue(operations.size() > 50, "The OpenAPI document lists only " + operations + "; is the deployment complete?");
    return operations;
  }

  private static HttpResponse<String> send(Http http, String method, String path, AccessMatrix.Request request) {
    return http.request(method, path, request.contentType(), request.body(), request.headers());
  }

  private static void check(String name, HttpResponse<String> r, int expected, List<String> failures) {
    if (r.statusCode() != expected) {
      failures.add(name + ": expected " + expected + ", got " + r.statusCode() + " " + abbreviate(r.body()));
      return;
    }
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (r.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
      failures.add(name + ": " + r.statusCode() + " is not a problem+json but " + type);
    }
    if (r.statusCode() == 401 && !r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
      failures.add(name + ": 401 without a Bearer challenge");
    }
  }

  /** The same request with every id in the path replaced by one that does not exist. */
  private static void compareWithUnknownId(String name, Http http, String method, String path, AccessMatrix.Request request,
      HttpResponse<String> hidden, List<String> failures) {
    Map<String, String> swapped = new HashMap<>();
    Matcher m = UUID_IN_PATH.matcher(path);
    String unknownPath = m.replaceAll(found -> swapped.computeIfAbsent(found.group(), k -> UUID.randomUUID().toString()));
    HttpResponse<String> unknown = send(http, method, unknownPath, request);
    String expected = Http.json(hidden.body()).toString();
    for (Map.Entry<String, String> e : swapped.entrySet()) {
      expected = expected.replace(e.getKey(), e.getValue());
    }
    if (unknown.statusCode() != 404 || !Http.json(unknown.body()).toString().equals(expected)) {
      failures.add(name + ": the 404 differs from an unknown id's " + unknown.statusCode() + " " + abbreviate(unknown.body())
          + " vs " + abbreviate(hidden.body()));
    }
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
