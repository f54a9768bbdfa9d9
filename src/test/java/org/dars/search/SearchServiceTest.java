package org.dars.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dars.curriculum.Origin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchServiceTest {
  @TempDir Path dir;

  private SearchIndex index;
  private SearchService service;

  @BeforeEach
  void fill() {
    index = TestIndexes.open(dir,
        TestIndexes.item("a", "گندم", "fa", "application/pdf", List.of("کشاورزی"), "beginner",
            "کاشت گندم در پاییز انجام می‌شود و کیفیت بذر مهم است.", Instant.parse("2024-01-01T00:00:00Z")),
        TestIndexes.item("b", "پسته", "fa", "text/plain", List.of("کشاورزی"), "intermediate",
            "برداشت پسته در تابستان است. کیفیت پسته به رطوبت بستگی دارد.", Instant.parse("2024-03-01T00:00:00Z")),
        TestIndexes.item("c", "بادام", "fa", "text/plain", List.of("باغبانی"), "beginner",
            "درخت بادام در زمستان هرس می‌شود.", Instant.parse("2024-02-01T00:00:00Z")),
        TestIndexes.item("d", "چای", "fa", "text/html", List.of("باغبانی"), "beginner",
            "چای در شمال کشت می‌شود.", Instant.parse("2024-04-01T00:00:00Z")),
        TestIndexes.item("e", "ژله", "fa", "text/plain", List.of("صنایع غذایی"), "beginner",
            "ژله از ژلاتین ساخته می‌شود.", Instant.parse("2024-05-01T00:00:00Z")),
        TestIndexes.item("f", "زیتون", "fa", "text/plain", List.of("باغبانی"), "beginner",
            "زیتون در پاییز برداشت می‌شود.", Instant.parse("2024-06-01T00:00:00Z")),
        TestIndexes.item("g", "تمر", "ar", "text/plain", List.of("تصنيع التمور"), "beginner",
            "يتم جني التمر في الخريف. الرطوبة مهمة للجودة.", Instant.parse("2024-07-01T00:00:00Z")),
        TestIndexes.item("h", "بلح", "ar", "application/pdf", List.of("تصنيع التمور"), "intermediate",
            "البلح ثمرة النخيل قبل أن يصبح رطباً.", Instant.parse("2024-08-01T00:00:00Z")),
        TestIndexes.item("i", "جو", "fa", "text/plain", List.of("کشاورزی"), "beginner",
            "جو <b>غله‌ای</b> مقاوم به شوری است \u202Eوارونه\u202C.", Instant.parse("2024-09-01T00:00:00Z")));
    service = TestIndexes.service(index);
  }

  @AfterEach
  void close() {
    index.close();
  }

  private SearchResult search(String q, Map<String, Set<String>> filters, SearchRequest.Sort sort) {
    return service.search(new SearchRequest(q, filters, Optional.empty(), sort, 0, 20));
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void sortsTitlesInPersianAlphabeticalOrder() {
    SearchResult r = search("", Map.of("language", Set.of("fa")), SearchRequest.Sort.TITLE);
    List<String> titles = r.hits().stream().map(SearchHit::title).toList();
    assertEquals(List.of("بادام", "پسته", "جو", "چای", "زیتون", "ژله", "گندم"), titles);
  }

  @Test
  void sortsArabicTitlesToo() {
    SearchResult r = search("", Map.of("language", Set.of("ar")), SearchRequest.Sort.TITLE);
    assertEquals(List.of("بلح", "تمر"), r.hits().stream().map(SearchHit::title).toList());
  }

  @Test
  void sortsNewestFirst() {
    SearchResult r = search("", Map.of(), SearchRequest.Sort.NEWEST);
    assertEquals(List.of("i", "h", "g", "f", "e", "d", "b", "c", "a"), ids(r));
  }

  @Test
  void filtersCombineValuesWithOrAndDimensionsWithAnd() {
    SearchResult r = search("", Map.of("subject", Set.of("کشاورزی", "باغبانی"), "level", Set.of("intermediate")),
        SearchRequest.Sort.TITLE);
    assertEquals(List.of("b"), ids(r));
    assertEquals(1, r.total());
  }

  @Test
  void countsFacetsOverOtherFilters() {
    SearchResult r = search("", Map.of("language", Set.of("fa")), SearchRequest.Sort.RELEVANCE);
    assertEquals(7, r.total());
    // The language dimension ignores its own filter, so Arabic still shows with its count.
    assertTrue(r.facets().get("language").contains(new FacetValue("ar", 2)), r.facets().toString());
    assertTrue(r.facets().get("language").contains(new FacetValue("fa", 7)));
    // Other dimensions count only the filtered items.
    assertTrue(r.facets().get("subject").contains(new FacetValue("کشاورزی", 3)), r.facets().toString());
    assertFalse(r.facets().get("subject").stream().anyMatch(v -> v.value().equals("تصنيع التمور")));
  }

  @Test
  void restrictsToGivenItemIds() {
    SearchResult r = service.search(SearchRequest.of("", 0, 20).restrictedTo(Set.of("a", "g", "nope")));
    assertEquals(Set.of("a", "g"), Set.copyOf(ids(r)));
  }

  @Test
  void highlightsMatchFoundThroughArabicLetterVariants() {
    // Typed with Arabic kaf and yeh; the text has Persian keheh and yeh.
    SearchResult r = search("كيفيت", Map.of(), SearchRequest.Sort.RELEVANCE);
    assertTrue(ids(r).containsAll(List.of("a", "b")), ids(r).toString());
    SearchHit hit = r.hits().stream().filter(h -> h.id().equals("a")).findFirst().orElseThrow();
    assertTrue(hit.snippet().contains("<mark>کیفیت</mark>"), hit.snippet());
  }

  @Test
  void escapesSnippetsAndDropsBidiControls() {
    SearchResult r = search("شوری", Map.of(), SearchRequest.Sort.RELEVANCE);
    String snippet = r.hits().get(0).snippet();
    assertTrue(snippet.contains("&lt;b&gt;"), snippet);
    assertTrue(snippet.contains("<mark>شوری</mark>"), snippet);
    assertFalse(snippet.contains("\u202E") || snippet.contains("\u202C"), snippet);
  }

  @Test
  void pagesThroughResults() {
    SearchResult first = service.search(new SearchRequest("", Map.of(), Optional.empty(), SearchRequest.Sort.TITLE, 0, 4));
    SearchResult third = service.search(new SearchRequest("", Map.of(), Optional.empty(), SearchRequest.Sort.TITLE, 2, 4));
    assertEquals(9, first.total());
    assertEquals(4, first.hits().size());
    assertEquals(1, third.hits().size());
  }

  @Test
  void suggestsTitlesFromArabicLetterPrefix() {
    List<Suggestion> s = service.suggest("گن", 5).suggestions();
    assertEquals(List.of("گندم"), s.stream().map(Suggestion::title).toList());
    // Arabic kaf in place of Persian gaf is a different letter, but yeh/kaf variants fold:
    assertEquals(List.of("زیتون"), service.suggest("زيت", 5).suggestions().stream().map(Suggestion::title).toList());
  }

  @Test
  void suggestsNothingForDeletedItems() throws Exception {
    index.delete("a");
    index.commit();
    assertTrue(service.suggest("گندم", 5).suggestions().isEmpty());
  }

  @Test
  void offersCorrectionForMisspelledWord() {
    SearchResult r = search("زیتوم", Map.of(), SearchRequest.Sort.RELEVANCE);
    assertEquals(0, r.total());
    assertEquals("زیتون", r.didYouMean());
  }

  @Test
  void offersNoCorrectionWhenQueryFindsEnough() {
    SearchResult r = search("پاییز", Map.of(), SearchRequest.Sort.RELEVANCE);
    assertTrue(r.total() >= 2);
    assertNull(r.didYouMean());
  }

  @Test
  void answersHostileQueriesWithResultsOrNothing() {
    for (String q : HostileQueries.ALL) {
      SearchResult r = search(q, Map.of(), SearchRequest.Sort.RELEVANCE);
      assertNotNull(r.hits(), q);
      service.suggest(q, 5);
    }
  }

  private void addCurriculum(String id, String fa, String ar, String description) throws Exception {
    index.update(id, ItemDocuments.build(new IndexedCurriculum(id, fa, java.util.Arrays.asList(fa, ar, null), description, null, IndexedAccess.PUBLIC)));
    index.commit();
  }

  @Test
  void findsCurriculaByTitleBesideItemsWithoutCountingThem() throws Exception {
    addCurriculum("k1", "صنایع تبدیلی خرما", "تصنيع التمور", "آموزش بسته‌بندی خرما برای کارگاه‌های کوچک");
    SearchResult r = search("صنايع تبديلي", Map.of(), SearchRequest.Sort.RELEVANCE); // Arabic yeh typed
    assertEquals(List.of("k1"), r.curricula().stream().map(CurriculumHit::id).toList());
    assertEquals("صنایع تبدیلی خرما", r.curricula().get(0).title());
    assertFalse(ids(r).contains("k1"));
    SearchResult arabic = search("التمور", Map.of(), SearchRequest.Sort.RELEVANCE);
    assertEquals(List.of("k1"), arabic.curricula().stream().map(CurriculumHit::id).toList());
    assertEquals(9, search("", Map.of(), SearchRequest.Sort.RELEVANCE).total(), "curricula are not items");
  }

  @Test
  void upstreamCopiesCarryTheirOriginInHitsAndLocalOnesNone() throws Exception {
    Origin khuzestan = new Origin(UUID.fromString("8d3c2f5e-0a4b-4c1d-9e7f-1b2a3c4d5e6f"), "سازمان آموزش فنی و حرفه‌ای خوزستان");
    IndexedItem local = TestIndexes.item("x", "رطب", "fa", "رطب را در سایه خشک کنید.");
    IndexedItem upstream = TestIndexes.item("y", "رطب مضافتی", "fa", "رطب مضافتی را در سردخانه نگه دارید.");
    index.update("y", ItemDocuments.build(new IndexedItem(upstream.id(), upstream.version(), upstream.title(), null,
        upstream.languages(), upstream.subjects(), upstream.level(), upstream.tags(), upstream.license(), upstream.authors(),
        upstream.organisation(), upstream.mediaType(), upstream.created(), upstream.text(), khuzestan, IndexedAccess.PUBLIC)));
    index.update("x", ItemDocuments.build(local));
    index.update("k3", ItemDocuments.build(new IndexedCurriculum("k3", "نگهداری رطب", List.of("نگهداری رطب", "حفظ الرطب"),
        null, khuzestan, IndexedAccess.PUBLIC)));
    index.commit();
    SearchResult r = search("رطب", Map.of(), SearchRequest.Sort.RELEVANCE);
    Map<String, SearchHit> hits = r.hits().stream().collect(java.util.stream.Collectors.toMap(SearchHit::id, h -> h));
    assertEquals(khuzestan, hits.get("y").origin());
    assertNull(hits.get("x").origin());
    assertEquals(khuzestan, r.curricula().get(0).origin());
    addCurriculum("k4", "رطب و خرما", null, null);
    assertNull(search("خرما", Map.of(), SearchRequest.Sort.RELEVANCE).curricula().get(0).origin());
  }

  @Test
  void marksCurriculumDescriptionMatchInSnippet() throws Exception {
    addCurriculum("k2", "الري بالتنقيط", null, "دورة عملية في الري بالتنقيط داخل البيوت المحمية");
    SearchResult r = search("المحمية", Map.of(), SearchRequest.Sort.RELEVANCE);
    assertEquals(1, r.curricula().size());
    assertTrue(r.curricula().get(0).snippet().contains("<mark>المحمية</mark>"), r.curricula().get(0).snippet());
    assertTrue(service.search(new SearchRequest("المحمية", Map.of(), Optional.empty(), SearchRequest.Sort.RELEVANCE, 1, 20))
        .curricula().isEmpty(), "curricula come with the first page only");
  }

  @Test
  void longQuestionFindsTextThatLacksSomeOfItsWords() {
    SearchResult r = search("کاشت گندم در زمستان سرد چگونه است", Map.of(), SearchRequest.Sort.RELEVANCE);
    assertEquals("a", ids(r).get(0), ids(r).toString());
  }

  @Test
  void keywordQueryOfTwoWordsNeedsBoth() {
    assertEquals(0, search("گندم بادام", Map.of(), SearchRequest.Sort.RELEVANCE).total());
    assertEquals(List.of("a"), ids(search("گندم پاییز", Map.of(), SearchRequest.Sort.RELEVANCE)));
  }

  @Test
  void quotedPhraseIsRequiredInLongQuery() {
    SearchResult r = search("\"هرس می‌شود\" کاشت گندم پسته", Map.of(), SearchRequest.Sort.RELEVANCE);
    assertEquals(List.of("c"), ids(r));
  }

  @Test
  void characterGramsAloneNeverMakeAMatch() {
    // گندمزار shares the grams گند and ندم with گندم, but no word.
    assertEquals(0, search("گندمزار", Map.of(), SearchRequest.Sort.RELEVANCE).total());
  }
}
