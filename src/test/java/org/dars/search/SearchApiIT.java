package org.dars.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The search and suggest API from outside, over the sample library. */
@ExtendWith(ArquillianExtension.class)
class SearchApiIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;
  private Http http;

  @BeforeEach
  void waitForSamples() {
    http = new Http(base).asAdmin();
    http.await("/api/v1/items?size=100", page -> page.getJsonArray("items").size() >= 34
        && page.getJsonArray("items").stream().noneMatch(i -> i.asJsonObject().getString("status").equals("PROCESSING")),
        Duration.ofMinutes(5));
    http.await("/api/v1/admin/index", s -> s.getJsonNumber("pending").longValue() == 0
        && !s.getJsonObject("rebuild").getString("state").equals("running"), Duration.ofMinutes(1));
  }

  private JsonObject search(String query) {
    HttpResponse<String> r = http.get("/api/v1/search?" + query);
    assertEquals(200, r.statusCode(), r.body());
    return Http.json(r.body());
  }

  private static List<JsonObject> hits(JsonObject result) {
    return result.getJsonArray("hits").stream().map(JsonValue::asJsonObject).toList();
  }

  private static long facetCount(JsonObject result, String dim, String value) {
    return result.getJsonObject("facets").getJsonArray(dim).stream().map(JsonValue::asJsonObject)
        .filter(v -> v.getString("value").equals(value)).mapToLong(v -> v.getJsonNumber("count").longValue())
        .findFirst().orElse(0);
  }

  @Test
  void filtersByLanguageAndCountsFacets() {
    JsonObject all = search("q=&size=100");
    JsonObject arabic = search("lang=ar&size=100");
    assertTrue(arabic.getInt("total") > 0);
    assertTrue(arabic.getInt("total") < all.getInt("total"));
    hits(arabic).forEach(h -> assertTrue(h.getJsonArray("language").toString().contains("\"ar\""), h.toString()));
    assertEquals(arabic.getInt("total"), facetCount(all, "language", "ar"));
    // The language facet ignores the language filter, so the Persian count is still offered.
    assertEquals(facetCount(all, "language", "fa"), facetCount(arabic, "language", "fa"));
    for (String dim : List.of("language", "mediaType", "subject", "level", "license", "organisation")) {
      assertNotNull(all.getJsonObject("facets").getJsonArray(dim), dim);
    }
    // Other tests add items without a licence; the licence count is what the licence filter finds.
    assertEquals(search("license=CC-BY-4.0&size=1").getInt("total"), facetCount(all, "license", "CC-BY-4.0"));
  }

  @Test
  void filtersBySubjectMediaTypeLevelAndOrganisation() {
    JsonObject pdfs = search("mediaType=application/pdf&size=100");
    assertTrue(pdfs.getInt("total") > 0);
    hits(pdfs).forEach(h -> assertEquals("application/pdf", h.getString("mediaType")));

    String subject = Http.q("الري بالتنقيط");
    JsonObject drip = search("subject=" + subject + "&level=beginner&organisation=maysan-vtc&size=100");
    assertTrue(drip.getInt("total") > 0);
    JsonObject dripAll = search("subject=" + subject + "&size=100");
    assertTrue(drip.getInt("total") < dripAll.getInt("total"));
    assertEquals(0, search("subject=" + subject + "&lang=fa").getInt("total"));
  }

  @Test
  void sortsTitlesInPersianAlphabeticalOrder() {
    List<String> titles = hits(search("lang=fa&sort=title&size=100")).stream().map(h -> h.getString("title")).toList();
    Collator fa = Collator.getInstance(new ULocale("fa"));
    List<String> sorted = new ArrayList<>(titles);
    sorted.sort(fa);
    assertEquals(sorted, titles);
    // چ comes after ج and before خ (in code point order it would come after every Arabic letter).
    int jeem = indexOfPrefix(titles, "جدول");
    int tcheh = indexOfPrefix(titles, "چک");
    int khah = indexOfPrefix(titles, "خشک");
    assertTrue(jeem < tcheh && tcheh < khah, titles.toString());
  }

  @Test
  void sortsArabicTitles() {
    List<String> titles = hits(search("lang=ar&sort=title&size=100")).stream().map(h -> h.getString("title")).toList();
    List<String> sorted = new ArrayList<>(titles);
    sorted.sort(Collator.getInstance(new ULocale("fa")));
    assertEquals(sorted, titles);
    assertTrue(indexOfPrefix(titles, "التسميد") < indexOfPrefix(titles, "المنقطات"), titles.toString());
  }

  private static int indexOfPrefix(List<String> titles, String prefix) {
    for (int i = 0; i < titles.size(); i++) {
      if (titles.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("No title starts with " + prefix + ": " + titles);
  }

  @Test
  void sortsNewestFirst() {
    List<JsonObject> hits = hits(search("sort=newest&size=100"));
    List<String> created = hits.stream()
        .map(h -> Http.json(http.get("/api/v1/items/" + h.getString("id")).body()).getString("createdAt")).toList();
    for (int i = 1; i < created.size(); i++) {
      assertTrue(java.time.Instant.parse(created.get(i - 1)).compareTo(java.time.Instant.parse(created.get(i))) >= 0);
    }
  }

  @Test
  void pagesWithoutOverlap() {
    JsonObject first = search("q=" + Http.q("خرما") + "&size=3&page=0");
    JsonObject second = search("q=" + Http.q("خرما") + "&size=3&page=1");
    assertEquals(first.getInt("total"), second.getInt("total"));
    assertEquals(3, hits(first).size());
    Set<String> ids = new HashSet<>();
    hits(first).forEach(h -> ids.add(h.getString("id")));
    hits(second).forEach(h -> assertFalse(ids.contains(h.getString("id"))));
    assertEquals(1, second.getInt("page"));
    assertEquals(3, second.getInt("size"));
  }

  @Test
  void highlightsMatchesFoundThroughNormalisation() {
    // Arabic kaf and yeh typed; the Persian documents spell کیفیت with keheh and Farsi yeh.
    JsonObject r = search("q=" + Http.q("كيفيت"));
    assertTrue(r.getInt("total") > 0);
    boolean marked = false;
    for (JsonObject h : hits(r)) {
      String snippet = h.getString("snippet");
      marked |= snippet.contains("<mark>کیفیت</mark>");
      String outside = snippet.replace("<mark>", "").replace("</mark>", "");
      assertFalse(outside.contains("<") || outside.contains(">"), snippet);
      for (char c : snippet.toCharArray()) {
        assertFalse((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'), snippet);
      }
    }
    assertTrue(marked, r.toString());
  }

  @Test
  void suggestsTitlesAsTheUserTypes() {
    JsonArray s = Http.json(http.get("/api/v1/suggest?q=" + Http.q("خرم")).body()).getJsonArray("suggestions");
    assertFalse(s.isEmpty());
    s.forEach(v -> assertTrue(v.asJsonObject().getString("title").contains("خرم"), v.toString()));
    // Typed with Arabic kaf and yeh: still completes the Persian title.
    JsonArray folded = Http.json(http.get("/api/v1/suggest?q=" + Http.q("كنترل كيف")).body()).getJsonArray("suggestions");
    assertEquals("کنترل کیفیت خرما در کارگاه", folded.getJsonObject(0).getString("title"));
    assertEquals(200, http.get("/api/v1/suggest?q=" + Http.q("\"-OR\u202E😀")).statusCode());
  }

  @Test
  void newItemIsSearchableQuicklyAndDeletedItemDisappearsFromSuggestions() {
    String word = "زعفرانکاری";
    HttpResponse<String> created = http.upload("/api/v1/items", "saffron.txt",
        ("راهنمای " + word + " در مزرعه. برداشت گل در پاییز.").getBytes(StandardCharsets.UTF_8),
        "{\"title\": \"" + word + " در خوزستان\", \"language\": [\"fa\"]}");
    assertEquals(201, created.statusCode(), created.body());
    String id = Http.json(created.body()).getString("id");
    http.await("/api/v1/items/" + id, i -> i.getString("status").equals("READY"), Duration.ofMinutes(2));
    long ready = System.nanoTime();
    http.await("/api/v1/search?q=" + Http.q(word), r -> r.getInt("total") == 1, Duration.ofSeconds(5));
    long millis = (System.nanoTime() - ready) / 1_000_000;
    assertTrue(millis < 1500, "searchable " + millis + " ms after READY was observed");
    assertTrue(http.get("/api/v1/suggest?q=" + Http.q("زعفران")).body().contains(id));

    assertEquals(200, http.delete("/api/v1/items/" + id + "?reason=test").statusCode());
    http.await("/api/v1/search?q=" + Http.q(word), r -> r.getInt("total") == 0, Duration.ofSeconds(5));
    assertFalse(http.get("/api/v1/suggest?q=" + Http.q("زعفران")).body().contains(id));
  }

  @Test
  void offersDidYouMeanForMisspelledQuery() {
    JsonObject r = search("q=" + Http.q("استعمرن"));
    assertEquals(0, r.getInt("total"));
    String correction = r.getString("didYouMean");
    assertNotEquals("استعمرن", correction);
    assertTrue(search("q=" + Http.q(correction)).getInt("total") > 0, correction);
    assertTrue(search("q=" + Http.q("خرما")).isNull("didYouMean"));
  }

  @Test
  void answersEveryHostileQueryWithJson() {
    List<String> failures = new ArrayList<>();
    for (String q : HostileQueries.ALL) {
      String shown = q.length() > 30 ? q.substring(0, 30) + "…(" + q.length() + ")" : q;
      // Filters are hostile too, for the short strings.
      String filters = q.length() <= 100 ? "&lang=" + Http.q(q) + "&subject=" + Http.q(q) : "";
      for (String path : List.of("/api/v1/search?sort=title&q=" + Http.q(q) + filters, "/api/v1/suggest?q=" + Http.q(q))) {
        try {
          HttpResponse<String> r = http11(path);
          if (r.statusCode() != 200 || !r.body().startsWith("{")) {
            failures.add(shown + " -> " + r.statusCode() + " " + r.body());
          }
        } catch (RuntimeException e) {
          failures.add(shown + " -> " + e);
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  /** A plain HTTP/1.1 request, as curl or a browser over plain HTTP sends it. */
  private HttpResponse<String> http11(String path) {
    try {
      return HTTP11.send(java.net.http.HttpRequest.newBuilder(http.uri(path)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final java.net.http.HttpClient HTTP11 =
      java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();

  @Test
  void refusesUnknownSortWithProblem() {
    HttpResponse<String> r = http.get("/api/v1/search?q=x&sort=random");
    assertEquals(400, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
  }

  private static List<String> ids(JsonArray array) {
    return array.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
  }

  private String curriculumId(String title) {
    JsonObject found = http.await("/api/v1/search?q=" + Http.q(title),
        r -> r.getJsonArray("curricula").stream().anyMatch(c -> c.asJsonObject().getString("title").equals(title)),
        Duration.ofMinutes(1));
    return found.getJsonArray("curricula").stream().map(JsonValue::asJsonObject)
        .filter(c -> c.getString("title").equals(title)).findFirst().orElseThrow().getString("id");
  }

  @Test
  void findsSampleCurriculaByTheirPersianAndArabicTitlesBesideItems() {
    JsonObject dates = search("q=" + Http.q("بسته بندی خرما")); // ZWNJ typed as a space
    List<String> titles = dates.getJsonArray("curricula").stream().map(c -> c.asJsonObject().getString("title")).toList();
    assertTrue(titles.contains("صنایع تبدیلی و بسته‌بندی خرما"), titles.toString());
    JsonObject irrigation = search("q=" + Http.q("البيوت المحميه")); // teh marbuta typed as heh
    List<String> arTitles = irrigation.getJsonArray("curricula").stream().map(c -> c.asJsonObject().getString("title")).toList();
    assertTrue(arTitles.contains("الري بالتنقيط في البيوت المحمية"), arTitles.toString());
    Set<String> curriculumIds = new HashSet<>();
    irrigation.getJsonArray("curricula").forEach(c -> curriculumIds.add(c.asJsonObject().getString("id")));
    hits(irrigation).forEach(h -> assertFalse(curriculumIds.contains(h.getString("id")), "a curriculum is not an item hit"));
    assertEquals(0, search("q=" + Http.q("البيوت المحمية") + "&page=1").getJsonArray("curricula").size());
  }

  @Test
  void narrowsSearchToTheItemsOfACurriculumRelease() {
    String id = curriculumId("الري بالتنقيط في البيوت المحمية");
    HttpResponse<String> items = http.get("/api/v1/curricula/" + id + "/items?release=1.0");
    assertEquals(200, items.statusCode(), items.body());
    Set<String> inRelease = new HashSet<>(ids(Http.jsonArray(items.body())));
    assertFalse(inRelease.isEmpty());
    JsonObject within = search("curriculum=" + id + "&release=1.0&size=100");
    assertEquals(inRelease.size(), within.getInt("total"));
    hits(within).forEach(h -> assertTrue(inRelease.contains(h.getString("id")), h.toString()));
    JsonObject draft = search("curriculum=" + id + "&size=100");
    assertTrue(draft.getInt("total") > 0);
    assertTrue(draft.getInt("total") < search("size=100").getInt("total"));
  }

  @Test
  void refusesMalformedOrUnknownCurriculumWithProblems() {
    String known = curriculumId("الري بالتنقيط في البيوت المحمية");
    for (String[] c : new String[][] {
        {"curriculum=not-a-uuid", "400"},
        {"curriculum=00000000-0000-4000-8000-000000000000", "404"},
        {"curriculum=" + known + "&release=1", "400"},
        {"curriculum=" + known + "&release=9.9", "404"},
        {"release=1.0", "400"}}) {
      HttpResponse<String> r = http.get("/api/v1/search?q=" + Http.q("ري") + "&" + c[0]);
      assertEquals(Integer.parseInt(c[1]), r.statusCode(), c[0] + ": " + r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), c[0]);
    }
  }
}
