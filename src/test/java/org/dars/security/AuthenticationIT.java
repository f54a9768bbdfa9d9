package org.dars.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in, as people and programs do it: the first-start administrator with HTTP Basic, the
 * login form with its session, API tokens with scopes and revocation, lockout after wrong
 * passwords, and the audit log that records all of it.
 */
@ExtendWith(ArquillianExtension.class)
class AuthenticationIT {
  private static final String PASSWORD = "رمز-عبور-درس-۱۴۰۵";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;
  private Http admin;

  @BeforeEach
  void admin() {
    admin = new Http(base).asAdmin();
  }

  private String user(String name, String... roles) {
    var r = admin.postJson("api/v1/users", Json.createObjectBuilder().add("username", name).add("organisation", "home")
        .add("roles", Json.createArrayBuilder(List.of(roles))).add("password", PASSWORD).build().toString());
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r.body()).getString("id");
  }

  private static void assertProblem(HttpResponse<String> r, int status, String type) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
    assertTrue(Http.json(r.body()).getString("type").endsWith("/" + type), r.body());
  }

  @Test
  void firstStartAdministratorSignsInWithBasicAndHasEveryPeopleRole() {
    JsonObject me = Http.json(admin.get("api/v1/me").body());
    assertEquals("admin", me.getString("username"));
    assertEquals("home", me.getString("organisation"));
    assertEquals(List.of("admin", "author", "reviewer", "instructor"),
        me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
  }

  @Test
  void wrongPasswordAnswers401WithABearerChallengeAndNoBasicPopUp() {
    var r = new Http(base).as("admin", "not-the-password").get("api/v1/me");
    assertProblem(r, 401, "bad-credentials");
    assertEquals(Optional.of("Bearer realm=\"dars\""), r.headers().firstValue("WWW-Authenticate"));
    assertProblem(new Http(base).get("api/v1/me"), 401, "sign-in-required");
  }

  @Test
  void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
    user("مریم.قفل", "instructor");
    Http wrong = new Http(base).as("مریم.قفل", "گذرواژه-نادرست-است");
    for (int i = 0; i < 5; i++) {
      assertProblem(wrong.get("api/v1/me"), 401, "bad-credentials");
    }
    HttpResponse<String> locked = new Http(base).as("مریم.قفل", PASSWORD).get("api/v1/me");
    assertProblem(locked, 429, "account-locked");
    assertTrue(locked.headers().firstValue("Retry-After").isPresent());
    String audit = admin.get("api/v1/admin/audit?kind=account-locked").body();
    assertTrue(audit.contains("مریم.قفل"), audit);
  }

  @Test
  void tokenCarriesOnlyItsScopesAndStopsAtOnceWhenRevoked() {
    user("زینب.توکن", "author", "instructor");
    Http author = new Http(base).as("زینب.توکن", PASSWORD);
    var created = author.postJson("api/v1/tokens", "{\"name\": \"افزونه مودل\", \"scopes\": [\"instructor\"]}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject issued = Http.json(created.body());
    String secret = issued.getString("secret");
    String id = issued.getJsonObject("token").getString("id");
    assertTrue(secret.startsWith("dars_") && secret.length() > 40);

    Http token = new Http(base).withToken(secret);
    JsonObject me = Http.json(token.get("api/v1/me").body());
    assertEquals(List.of("instructor"), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(200, token.get("api/v1/search?q=" + Http.q("خرما")).statusCode());
    // The account may upload; this token may not.
    assertProblem(token.upload("api/v1/items", "درس.txt", "متن درس".getBytes(StandardCharsets.UTF_8), null), 403, "forbidden");
    // The listing never shows the secret again.
    String list = author.get("api/v1/tokens").body();
    assertTrue(list.contains(id) && !list.contains(secret), list);

    assertEquals(200, author.delete("api/v1/tokens/" + id).statusCode());
    assertProblem(token.get("api/v1/me"), 401, "invalid-token");
    String audit = admin.get("api/v1/admin/audit?limit=200").body();
    assertTrue(audit.contains("\"token-created\"") && audit.contains("\"token-used\"") && audit.contains("\"token-revoked\"")
        && audit.contains("\"token-refused\""), audit);
  }

  @Test
  void aTokenCannotBeWidenedBeyondItsAccountsRoles() {
    user("رضا.دامنه", "instructor");
    var r = new Http(base).as("رضا.دامنه", PASSWORD).postJson("api/v1/tokens", "{\"name\": \"x\", \"scopes\": [\"admin\"]}");
    assertProblem(r, 422, "invalid-scopes");
  }

  @Test
  void theLoginFormStartsAFreshSessionAndRolesChangeAtOnce() throws Exception {
    String id = user("فاطمة.الجلسة", "instructor");
    Http anonymous = new Http(base);
    HttpResponse<String> form = anonymous.get("login.xhtml");
    String before = cookie(form, "JSESSIONID");
    assertNotNull(before, "the form page starts a session for its view state");
    HttpResponse<String> signedIn = anonymous.signInWithForm("فاطمة.الجلسة", PASSWORD, "/item.xhtml?id=x", form);
    assertEquals(302, signedIn.statusCode(), signedIn.body());
    assertTrue(signedIn.headers().firstValue("Location").orElse("").endsWith("/item.xhtml?id=x"), signedIn.headers().toString());
    String after = cookie(signedIn, "JSESSIONID");
    assertNotNull(after, "signing in issues a new session id");
    assertNotEquals(before, after);
    String setCookie = String.join(";", signedIn.headers().allValues("Set-Cookie"));
    assertTrue(setCookie.contains("HttpOnly"), setCookie);

    assertEquals(200, anonymous.get("api/v1/me", "Cookie", "JSESSIONID=" + after).statusCode());
    assertEquals(401, anonymous.get("api/v1/me", "Cookie", "JSESSIONID=" + before).statusCode(),
        "a session id from before signing in is worth nothing");

    // Disabling the account ends what its session can do, on the next request.
    assertEquals(200, admin.put("api/v1/users/" + id, "{\"disabled\": true}").statusCode());
    assertEquals(401, anonymous.get("api/v1/me", "Cookie", "JSESSIONID=" + after).statusCode());
    String audit = admin.get("api/v1/admin/audit?kind=sign-in").body();
    assertTrue(audit.contains("فاطمة.الجلسة"), audit);
  }

  @Test
  void aWrongPasswordOnTheFormShowsASentenceAndNoSession() {
    HttpResponse<String> r = new Http(base).signInWithForm(Http.ADMIN, "گذرواژه-نادرست", null);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("نام کاربری یا گذرواژه نادرست است"), r.body());
    assertFalse(r.body().contains("Exception"));
  }

  @Test
  void peopleChangeTheirOwnPasswordOnlyWithTheCurrentOne() {
    user("علی.رمز", "instructor");
    Http ali = new Http(base).as("علی.رمز", PASSWORD);
    assertProblem(ali.postJson("api/v1/me/password", "{\"currentPassword\": \"نادرست-نادرست\", \"newPassword\": \"رمز-تازه-و-بلند-۲\"}"),
        403, "wrong-password");
    assertProblem(ali.postJson("api/v1/me/password", "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"کوتاه\"}"),
        422, "weak-password");
    assertEquals(204, ali.postJson("api/v1/me/password",
        "{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"رمز-تازه-و-بلند-۲\"}").statusCode());
    assertEquals(401, ali.get("api/v1/me").statusCode(), "the old password no longer works");
    assertEquals(200, new Http(base).as("علی.رمز", "رمز-تازه-و-بلند-۲").get("api/v1/me").statusCode());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String cookie(HttpResponse<?> r, String name) {
    return Http.cookie(r, name);
  }
}
