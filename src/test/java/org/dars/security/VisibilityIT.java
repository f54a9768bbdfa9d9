package org.dars.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.dars.Deployments;
import org.dars.Http;
import org.dars.security.SecurityFixtures.Person;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Leak tests from outside: an item one organisation keeps to itself does not show in another
 * organisation's search results, totals, facet counts, suggestions, "did you mean", lists, usage
 * lists or links, until its authors share it; and an organisation that requires review shows its
 * instructors only what a reviewer approved.
 */
@ExtendWith(ArquillianExtension.class)
class VisibilityIT {
  /** Ostrich farming: a real Persian word that no sample and no other test uses. */
  private static final String WORD = "شترمرغداری";
  /** The same word one letter off (غ typed as ق), for "did you mean". */
  private static final String TYPO = "شترمرقداری";
  private static final Duration INDEXED = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;
  private SecurityFixtures fx;

  @BeforeEach
  void quietIndex() {
    fx = new SecurityFixtures(base);
    // Facet counts are compared before and after an upload: nothing else may be indexed meanwhile.
    fx.admin.await("api/v1/items?size=100", page -> page.getJsonArray("items").size() >= 34
        && page.getJsonArray("items").stream().noneMatch(i -> i.asJsonObject().getString("status").equals("PROCESSING")),
        Duration.ofMinutes(5));
    fx.admin.await("api/v1/admin/index", s -> s.getJsonNumber("pending").longValue() == 0
        && !s.getJsonObject("rebuild").getString("state").equals("running"), Duration.ofMinutes(2));
  }

  @Test
  void anOrganisationsItemLeaksNowhereUntilItsAuthorsShareIt() {
    fx.organisation("maysan", "هيئة التعليم المهني في ميسان", false, false);
    Http author = fx.person("سارا.مولف", "home", "author").http();
    Http maysan = fx.person("علي.مدرس", "maysan", "instructor").http();
    JsonObject everythingBefore = search(maysan, "");
    JsonObject listBefore = Http.json(maysan.get("api/v1/items?size=100").body());

    String item = SecurityFixtures.item(author, WORD + " در دشت آزادگان", "fa",
        "راهنمای " + WORD + ": جوجه‌های شترمرغ را تا سه ماهگی در سایه نگه دارید. " + WORD + " در خوزستان رو به گسترش است.",
        "organisation");
    String curriculum = SecurityFixtures.curriculum(author, "organisation", "دوره " + WORD, item);
    fx.admin.await("api/v1/admin/index", s -> s.getJsonNumber("pending").longValue() == 0, INDEXED);

    // The author's own view shows what the other organisation must not see.
    JsonObject own = search(author, "q=" + Http.q(WORD));
    assertEquals(1, own.getJsonNumber("total").longValue(), own.toString());
    assertTrue(own.getJsonArray("curricula").toString().contains(curriculum), own.toString());
    assertTrue(suggest(author, "شترمرغ").contains(item));
    assertNotNull(Http.str(search(author, "q=" + Http.q(TYPO)), "didYouMean"), "the author is offered the correction");
    assertTrue(usage(author, item).contains(curriculum));

    JsonObject found = search(maysan, "q=" + Http.q(WORD));
    assertEquals(0, found.getJsonNumber("total").longValue(), found.toString());
    assertTrue(found.getJsonArray("hits").isEmpty() && found.getJsonArray("curricula").isEmpty(), found.toString());
    JsonObject everythingAfter = search(maysan, "");
    assertEquals(everythingBefore.getJsonNumber("total"), everythingAfter.getJsonNumber("total"));
    assertEquals(everythingBefore.getJsonObject("facets"), everythingAfter.getJsonObject("facets"), "no facet value counts it");
    assertFalse(suggest(maysan, "شترمرغ").contains(item));
    assertNull(Http.str(search(maysan, "q=" + Http.q(TYPO)), "didYouMean"), "no correction towards a word only it contains");
    JsonObject listAfter = Http.json(maysan.get("api/v1/items?size=100").body());
    assertEquals(listBefore.getJsonNumber("total"), listAfter.getJsonNumber("total"));
    assertFalse(listAfter.toString().contains(item));
    for (String path : new String[] {"api/v1/items/" + item, "api/v1/items/" + item + "/content", "api/v1/items/" + item + "/text",
        "api/v1/items/" + item + "/usage", "api/v1/curricula/" + curriculum}) {
      assertEquals(404, maysan.get(path).statusCode(), path);
    }
    assertEquals(404, maysan.get("p/items/" + item, "Accept", "application/json").statusCode());
    assertEquals(401, fx.anonymous.get("api/v1/items/" + item).statusCode());

    // Shared with partner organisations: found by maysan once it is one; the curriculum stays hidden.
    fx.partnerOrganisation("maysan", true);
    try {
      assertEquals(200, describe(author, item, "{\"visibility\": \"partners\"}").statusCode());
      maysan.await("api/v1/search?q=" + Http.q(WORD), r -> r.getJsonNumber("total").longValue() == 1, INDEXED);
      assertTrue(search(maysan, "q=" + Http.q(WORD)).getJsonArray("curricula").isEmpty());
      assertTrue(suggest(maysan, "شترمرغ").contains(item));
      assertEquals(200, maysan.get("api/v1/items/" + item + "/text").statusCode());
      assertTrue(maysan.get("api/v1/items?size=100").body().contains(item));
      String usage = usage(maysan, item);
      assertFalse(usage.contains(curriculum), "usage names no curriculum maysan cannot read: " + usage);
      assertEquals(0, search(fx.anonymous, "q=" + Http.q(WORD)).getJsonNumber("total").longValue());

      // Public: anonymous visitors find it too.
      assertEquals(200, describe(author, item, "{\"visibility\": \"public\"}").statusCode());
      fx.anonymous.await("api/v1/search?q=" + Http.q(WORD), r -> r.getJsonNumber("total").longValue() == 1, INDEXED);
      assertEquals(200, fx.anonymous.get("api/v1/items/" + item).statusCode());
      assertEquals(200, fx.anonymous.get("p/items/" + item, "Accept", "application/json").statusCode());
    } finally {
      fx.partnerOrganisation("maysan", false);
    }
  }

  @Test
  void anOrganisationThatRequiresReviewShowsOnlyWhatAReviewerApproved() {
    String org = "dezful-" + ThreadLocalRandom.current().nextInt(1000, 10000);
    fx.organisation(org, "هنرستان فنی دزفول", false, true);
    Http author = fx.person("نرگس.مولف", org, "author").http();
    Http reviewer = fx.person("حسین.داور", org, "reviewer").http();
    Http instructor = fx.person("لیلا.مدرس", org, "instructor").http();
    String word = "کرباس‌بافی";

    String item = SecurityFixtures.item(author, "آموزش " + word + " دستی", "fa", "در " + word + " نخ پنبه را پیش از تنیدن آهار می‌زنند.",
        "organisation");
    assertEquals("draft", review(author, item, null));
    assertEquals(404, instructor.get("api/v1/items/" + item).statusCode());
    assertEquals(403, reviewer.postJson("api/v1/items/" + item + "/review", "{\"action\": \"submit\"}").statusCode());
    assertEquals("in-review", review(author, item, "submit"));
    assertEquals(404, instructor.get("api/v1/items/" + item).statusCode());
    assertEquals(0, search(instructor, "q=" + Http.q(word)).getJsonNumber("total").longValue());
    assertEquals(403, author.postJson("api/v1/items/" + item + "/review", "{\"action\": \"approve\"}").statusCode());
    assertEquals("published", review(reviewer, item, "approve"));
    assertEquals(200, instructor.get("api/v1/items/" + item).statusCode());
    instructor.await("api/v1/search?q=" + Http.q(word), r -> r.getJsonNumber("total").longValue() == 1, INDEXED);

    String curriculum = SecurityFixtures.curriculum(author, "organisation", "دوره " + word, item);
    assertProblem(SecurityFixtures.publish(author, curriculum, "1.0"), 409, "review-required");
    curriculumReview(author, curriculum, "submit");
    assertProblem(SecurityFixtures.publish(author, curriculum, "1.0"), 409, "review-required");
    curriculumReview(reviewer, curriculum, "approve");
    assertEquals(201, SecurityFixtures.publish(author, curriculum, "1.0").statusCode());

    // An approval holds for the draft it saw: a later change needs a new one.
    curriculumReview(author, curriculum, "submit");
    curriculumReview(reviewer, curriculum, "approve");
    String etag = author.get("api/v1/curricula/" + curriculum).headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> renamed = author.postJson("api/v1/curricula/" + curriculum + "/draft/operations",
        "{\"operations\": [{\"op\": \"rename\", \"node\": \"l1\", \"title\": \"آهار زدن نخ پنبه\"}]}", "If-Match", etag);
    assertEquals(200, renamed.statusCode(), renamed.body());
    assertProblem(SecurityFixtures.publish(author, curriculum, "1.1"), 409, "review-required");
  }

  private static JsonObject search(Http http, String query) {
    HttpResponse<String> r = http.get("api/v1/search?size=100&" + query);
    assertEquals(200, r.statusCode(), r.body());
    return Http.json(r.body());
  }

  private static String suggest(Http http, String prefix) {
    HttpResponse<String> r = http.get("api/v1/suggest?q=" + Http.q(prefix));
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  private static String usage(Http http, String item) {
    HttpResponse<String> r = http.get("api/v1/items/" + item + "/usage");
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  private static HttpResponse<String> describe(Http author, String item, String patch) {
    return author.patch("api/v1/items/" + item, "application/merge-patch+json", patch);
  }

  /** Takes a review step (or none) and answers the item's review state as its author sees it. */
  private static String review(Http http, String item, String action) {
    HttpResponse<String> r = action == null ? http.get("api/v1/items/" + item)
        : http.postJson("api/v1/items/" + item + "/review", "{\"action\": \"" + action + "\"}");
    assertEquals(200, r.statusCode(), r.body());
    return Http.json(r.body()).getString("review");
  }

  private static void curriculumReview(Http http, String curriculum, String action) {
    HttpResponse<String> r = http.postJson("api/v1/curricula/" + curriculum + "/review", "{\"action\": \"" + action + "\"}");
    assertEquals(200, r.statusCode(), r.body());
  }

  private static void assertProblem(HttpResponse<String> r, int status, String type) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertTrue(Http.json(r.body()).getString("type").endsWith("/" + type), r.body());
  }
}
