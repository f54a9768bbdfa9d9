package org.dars.http;

import static org.dars.http.HardeningIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CSRF on API requests that ride on a session cookie (the rule: {@link Csrf}; its decisions are
 * unit-tested in CsrfTest), with sessions signed in through the login form.
 */
@ExtendWith(ArquillianExtension.class)
class CsrfIT {
  private static final String CURRICULUM = "{\"title\": {\"fa\": \"ایمنی کارگاه\", \"ar\": \"السلامة في الورشة\"}, \"language\": \"fa\"}";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;

  /** Signs an author in through the login form; answers the Cookie header of the signed-in session. */
  private String signIn() {
    HttpResponse<String> r = new Http(base).signInWithForm(Http.ADMIN, Http.ADMIN_PASSWORD, null);
    assertEquals(302, r.statusCode(), r.body());
    return "JSESSIONID=" + Http.cookie(r, "JSESSIONID");
  }

  private static String pageToken(Http http, String cookie) {
    String page = http.get("upload.xhtml", "Cookie", cookie).body();
    Matcher m = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"").matcher(page);
    assertTrue(m.find(), "the page carries the token");
    return m.group(1);
  }

  @Test
  void sessionRequestWithoutTheTokenIsRefused() {
    Http http = new Http(base);
    String cookie = signIn();
    int before = total(http, cookie);
    assertProblem(http.postJson("api/v1/curricula", CURRICULUM, "Cookie", cookie), 403, "csrf-token-missing");
    assertProblem(http.postJson("api/v1/curricula", CURRICULUM, "Cookie", cookie, Csrf.HEADER, "forged"), 403, "csrf-token-missing");
    assertEquals(before, total(http, cookie));
  }

  @Test
  void sessionRequestWithThePageTokenPasses() {
    Http http = new Http(base);
    String cookie = signIn();
    HttpResponse<String> created = http.postJson("api/v1/curricula", CURRICULUM, "Cookie", cookie, Csrf.HEADER, pageToken(http, cookie));
    assertEquals(201, created.statusCode(), created.body());
  }

  @Test
  void tokenOfAnotherSessionIsRefused() {
    Http http = new Http(base);
    String mine = signIn();
    String other = signIn();
    assertFalse(mine.equals(other));
    assertProblem(http.postJson("api/v1/curricula", CURRICULUM, "Cookie", mine, Csrf.HEADER, pageToken(http, other)), 403,
        "csrf-token-missing");
  }

  private static int total(Http http, String cookie) {
    return Http.json(http.get("api/v1/curricula?size=1", "Cookie", cookie).body()).getInt("total");
  }
}
