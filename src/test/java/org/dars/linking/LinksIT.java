package org.dars.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stable links under /p: pages for browsers, JSON for clients, 410 tombstones, pins. */
@ExtendWith(ArquillianExtension.class)
class LinksIT {
  private static final String JSON = "application/json";
  private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @Deployment(testable = false)
  static WebArchive d() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;

  private Http http;

  @BeforeEach
  void setUp() {
    http = new Http(base).asAdmin();
  }

  private String upload(String title, String text) {
    String meta = Json.createObjectBuilder().add("title", title).add("language", Json.createArrayBuilder().add("fa")).build().toString();
    HttpResponse<String> r = http.upload("/api/v1/items", "lesson.txt", text.getBytes(StandardCharsets.UTF_8), meta);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r.body()).getString("id");
  }

  @Test
  void sampleCurriculaArePublishedAsReleaseOneAndServedAsRightToLeftPages() {
    JsonObject page = Http.json(http.get("/api/v1/curricula?size=100").body());
    JsonObject dates = page.getJsonArray("curricula").stream().map(v -> v.asJsonObject())
        .filter(c -> c.getString("title").equals("صنایع تبدیلی و بسته‌بندی خرما")).findFirst().orElseThrow();
    assertEquals("1.0", dates.getString("latestRelease"));
    HttpResponse<String> html = http.get("/p/curricula/" + dates.getString("id"), "Accept", BROWSER);
    assertEquals(200, html.statusCode(), html.body());
    assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(html.body().contains("<html lang=\"fa\" dir=\"rtl\">"), html.body());
    assertTrue(html.body().contains("برداشت و درجه‌بندی"), html.body());
    assertTrue(html.body().contains("/p/items/"), html.body());
    HttpResponse<String> json = http.get("/p/curricula/" + dates.getString("id") + "/r/1.0", "Accept", JSON);
    assertEquals("1.0", Http.json(json.body()).getString("version"));
  }

  @Test
  void itemLinkServesPageToBrowsersAndJsonToClientsWithTheTitleEscaped() {
    String id = upload("<script>alert('x')</script> درس خرما", "متن درس\n");
    HttpResponse<String> html = http.get("/p/items/" + id, "Accept", BROWSER);
    assertEquals(200, html.statusCode(), html.body());
    assertFalse(html.body().contains("<script>"), html.body());
    assertTrue(html.body().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; درس خرما"), html.body());
    assertTrue(html.body().contains("/api/v1/items/" + id + "/versions/1/content"), html.body());
    assertTrue(html.body().contains("<html lang=\"fa\" dir=\"rtl\">"));
    HttpResponse<String> json = http.get("/p/items/" + id, "Accept", JSON);
    assertEquals(200, json.statusCode());
    assertEquals(1, Http.json(json.body()).getInt("version"));
    assertEquals("Accept", json.headers().firstValue("Vary").orElse(""));
  }

  @Test
  void pinnedLinkToASupersededVersionStillServesItAndSaysANewerOneExists() {
    String id = upload("خشک کردن خرما", "نسخه یک\n");
    HttpResponse<String> v2 = http.upload("/api/v1/items/" + id + "/versions", "lesson.txt", "نسخه دو\n".getBytes(StandardCharsets.UTF_8), null);
    assertEquals(201, v2.statusCode(), v2.body());
    HttpResponse<String> pinned = http.get("/p/items/" + id + "/v/1", "Accept", JSON);
    assertEquals(200, pinned.statusCode(), pinned.body());
    JsonObject view = Http.json(pinned.body());
    assertEquals(1, view.getInt("version"));
    assertTrue(view.getBoolean("superseded"));
    assertEquals(2, view.getInt("latestVersion"));
    assertEquals("</p/items/" + id + "/v/2>; rel=\"latest-version\"", pinned.headers().firstValue("Link").orElse(""));
    assertTrue(http.get("/p/items/" + id + "/v/1", "Accept", BROWSER).body().contains("class=\"superseded\""));
    assertEquals(2, Http.json(http.get("/p/items/" + id, "Accept", JSON).body()).getInt("version"));
    http.await("/api/v1/items/" + id, o -> !o.getString("status").equals("PROCESSING"), Duration.ofSeconds(60));
  }

  @Test
  void deletedItemAnswers410WithItsTombstoneAsPageAndJson() {
    String id = upload("انبار سرد", "دمای انبار\n");
    String replacement = "https://dars.example/p/items/00000000-0000-4000-8000-000000000001";
    assertEquals(200, http.delete("/api/v1/items/" + id + "?reason=" + Http.q("منسوخ شد") + "&replacement=" + Http.q(replacement)).statusCode());
    for (String path : new String[] {"/p/items/" + id, "/p/items/" + id + "/v/1"}) {
      HttpResponse<String> json = http.get(path, "Accept", JSON);
      assertEquals(410, json.statusCode(), json.body());
      JsonObject tombstone = Http.json(json.body()).getJsonObject("tombstone");
      assertEquals("انبار سرد", tombstone.getString("title"));
      assertEquals("منسوخ شد", tombstone.getString("reason"));
      assertEquals(replacement, tombstone.getString("replacement"));
      assertTrue(tombstone.containsKey("deletedAt"));
    }
    HttpResponse<String> html = http.get("/p/items/" + id, "Accept", BROWSER);
    assertEquals(410, html.statusCode());
    assertTrue(html.body().contains("منسوخ شد") && html.body().contains("href=\"" + replacement + "\""), html.body());
  }

  @Test
  void unknownItemsReleasesAndMalformedLinksAreProblemsNotBare404s() {
    HttpResponse<String> unknown = http.get("/p/items/00000000-0000-4000-8000-000000000000", "Accept", JSON);
    assertEquals(404, unknown.statusCode());
    assertEquals("https://dars.example/problems/unknown-item", Http.json(unknown.body()).getString("type"));
    assertEquals(400, http.get("/p/items/not-an-id", "Accept", JSON).statusCode());
    assertEquals(404, http.get("/p/elsewhere", "Accept", JSON).statusCode());
    HttpResponse<String> page = http.get("/p/items/00000000-0000-4000-8000-000000000000", "Accept", BROWSER);
    assertTrue(page.body().contains("<h1>404"), page.body());
  }
}
