package org.dars.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dars.security.Caller;
import org.dars.security.OrganisationId;
import org.dars.security.Role;
import org.dars.security.TestCallers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search never reveals what a caller may not read: not in hits, totals, facet counts, curriculum
 * hits, suggestions or "did you mean". Khuzestan's saffron lesson is for its own organisation only;
 * Maysan's date-palm lesson is shared with partners; the irrigation lesson is public.
 */
class AccessFilterTest {
  private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

  @TempDir Path dir;
  private SearchIndex index;
  private SearchService service;

  @BeforeEach
  void fill() {
    index = TestIndexes.open(dir,
        item("k-own", "برداشت زعفران", "fa", "khuzestan", "organisation", "published",
            "گل‌های زعفران را پیش از طلوع آفتاب می‌چینند."),
        item("k-draft", "خشک کردن زعفران", "fa", "khuzestan", "organisation", "draft",
            "زعفران را در سایه و با هوای گرم خشک می‌کنند."),
        item("m-shared", "تلقيح النخيل", "ar", "maysan", "partners", "published",
            "يتم تلقيح النخيل في الربيع يدوياً."),
        item("public", "آبیاری قطره‌ای", "fa", "khuzestan", "public", "published",
            "آبیاری قطره‌ای آب را به ریشه می‌رساند."));
    service = TestIndexes.service(index);
  }

  @AfterEach
  void close() {
    index.close();
  }

  private static IndexedItem item(String id, String title, String lang, String owner, String visibility, String review,
      String text) {
    return new IndexedItem(id, 1, title, null, List.of(lang), List.of(), null, List.of(), "CC-BY-4.0", List.of(),
        owner, "text/plain", AT, text, null, new IndexedAccess(owner, visibility, review));
  }

  private static Caller person(String org, boolean partnerOrganisation, Role... roles) {
    return new Caller(UUID.randomUUID(), "someone", new OrganisationId(org), Set.of(roles), partnerOrganisation, false);
  }

  private SearchResult search(Caller caller, String q) throws Exception {
    return TestCallers.as(caller, () -> service.search(new SearchRequest(q, Map.of(), Optional.empty(),
        SearchRequest.Sort.RELEVANCE, 0, 20)));
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchHit::id).toList();
  }

  private static long facetTotal(SearchResult r, String dim) {
    return r.facets().get(dim).stream().mapToLong(FacetValue::count).sum();
  }

  @Test
  void otherOrganisationFindsNothingOfAnOrganisationOnlyItem() throws Exception {
    SearchResult r = search(person("maysan", true, Role.INSTRUCTOR), "زعفران");
    assertEquals(0, r.total());
    assertTrue(r.hits().isEmpty());
    assertEquals(0, facetTotal(r, ItemFields.LANGUAGE));
    assertEquals(0, facetTotal(r, ItemFields.ORGANISATION));
  }

  @Test
  void facetCountsOfEverythingLeaveHiddenItemsOut() throws Exception {
    SearchResult r = search(person("maysan", true, Role.INSTRUCTOR), "");
    assertEquals(Set.of("m-shared", "public"), Set.copyOf(ids(r)));
    assertEquals(2, r.total());
    assertEquals(2, facetTotal(r, ItemFields.LANGUAGE));
  }

  @Test
  void ownInstructorsSeePublishedButNotDrafts() throws Exception {
    SearchResult r = search(person("khuzestan", true, Role.INSTRUCTOR), "زعفران");
    assertEquals(List.of("k-own"), ids(r));
  }

  @Test
  void ownAuthorsAlsoSeeDrafts() throws Exception {
    SearchResult r = search(person("khuzestan", true, Role.AUTHOR), "زعفران");
    assertEquals(Set.of("k-own", "k-draft"), Set.copyOf(ids(r)));
  }

  @Test
  void partnersContentReachesPartnerOrganisationsOnly() throws Exception {
    assertEquals(List.of("m-shared"), ids(search(person("khuzestan", true, Role.INSTRUCTOR), "النخيل")));
    assertEquals(0, search(person("college", false, Role.INSTRUCTOR), "النخيل").total());
  }

  @Test
  void suggestionsNeverNameAHiddenTitle() throws Exception {
    assertTrue(TestCallers.as(person("maysan", true, Role.INSTRUCTOR), () -> service.suggest("زعفر", 5)).suggestions().isEmpty());
    assertEquals(List.of("برداشت زعفران"), TestCallers.as(person("khuzestan", true, Role.INSTRUCTOR),
        () -> service.suggest("زعفر", 5)).suggestions().stream().map(Suggestion::title).toList());
  }

  @Test
  void didYouMeanNeverOffersAWordOnlyHiddenItemsContain() throws Exception {
    assertNull(search(person("maysan", true, Role.INSTRUCTOR), "زعفرن").didYouMean());
    assertEquals("زعفران", search(person("khuzestan", true, Role.INSTRUCTOR), "زعفرن").didYouMean());
  }

  @Test
  void curriculumHitsFollowTheirVisibility() throws Exception {
    index.update("c1", ItemDocuments.build(new IndexedCurriculum("c1", "دوره زعفران", List.of("دوره زعفران"), null, null,
        new IndexedAccess("khuzestan", "organisation", "published"))));
    index.commit();
    assertTrue(search(person("maysan", true, Role.INSTRUCTOR), "دوره").curricula().isEmpty());
    assertEquals(1, search(person("khuzestan", true, Role.INSTRUCTOR), "دوره").curricula().size());
  }

  @Test
  void callersWithoutAReadingRoleReadNothingButPublicContent() throws Exception {
    SearchResult r = search(person("partner-1a2b3c4d", true, Role.PARTNER_SYNC), "");
    assertEquals(0, r.total());
  }
}
