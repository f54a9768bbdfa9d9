package org.dars.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import org.dars.search.IndexGeneration.ItemSearcher;
import org.dars.search.analysis.DarsAnalyzer;
import org.dars.security.Access;

/**
 * Runs people's searches against the live index: the typed query (or every item, when nothing is
 * typed) narrowed by exact-value filters, in relevance, newest-first or title order, with exact
 * totals, facet counts, highlighted snippets and a "did you mean" correction.
 *
 * <p>Facet counts follow the usual faceted-navigation rule: a dimension's counts are computed over
 * the query and the filters of all <em>other</em> dimensions, so choosing {@code lang=fa} still
 * shows how many Arabic items there are. The text's postings are read once per request: each
 * filtered dimension's set is narrowed from the unfiltered matches by filter terms alone. How the
 * passes fit together, and why: decision 0060.
 */
@ApplicationScoped
public class SearchService {
  /** At most this many hits, and the query is checked for spelling mistakes. */
  private static final int FEW_HITS = 2;

  @Inject SearchIndex index;
  @Inject Access access;

  /** Curricula listed beside the first page of hits, at most. */
  static final int CURRICULA = 5;

  /** The stored fields a hit shows, and its body text for the snippet (not the description). */
  private static final Set<String> HIT_FIELDS = Set.of(ItemFields.ID, ItemFields.VERSION, ItemFields.TITLE,
      ItemFields.LANGUAGE, ItemFields.MEDIA_TYPE, ItemFields.ORIGIN_INSTANCE, ItemFields.ORIGIN_ORGANISATION,
      ItemFields.TEXT);

  /**
   * Newest first. Sorted results carry no relevance score (0), and equal dates (to the millisecond)
   * keep index order: a title tie-break would decode the title of nearly every match, since each
   * newer document enters the top hits as the index is walked.
   */
  private static final Sort BY_NEWEST = new Sort(new SortField(ItemFields.CREATED, SortField.Type.LONG, true));
  /** By title in Persian collation; equal titles newest first. */
  private static final Sort BY_TITLE = new Sort(
      new SortField(ItemFields.TITLE_SORT, SortField.Type.STRING), new SortField(ItemFields.CREATED, SortField.Type.LONG, true));

  private static final Query CURRICULUM_DOCS = new TermQuery(new Term(ItemFields.KIND, ItemFields.KIND_CURRICULUM));

  private final QueryBuilder queries = queryBuilder();
  private final SpellingCorrector speller = new SpellingCorrector(DarsAnalyzer.exact());
  private final TitleSuggester suggester = new TitleSuggester();

  /** A plain query by relevance, as the foundation's API had it. */
  public SearchResult search(String q, int page, int size) {
    return search(SearchRequest.of(q, page, size));
  }

  /** The request, over what the current caller may read. */
  public SearchResult search(SearchRequest request) {
    try (SearchIndex.Lease lease = index.acquire()) {
      return search(lease.searcher(), request, AccessFilter.of(access.readScope()));
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the search index failed", e);
    }
  }

  public SuggestResult suggest(String typed, int size) {
    try (SearchIndex.Lease lease = index.acquire()) {
      return new SuggestResult(suggester.suggest(lease.searcher(), typed, size, AccessFilter.of(access.readScope())));
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the search index failed", e);
    }
  }

  /** The query builder of the API, with the three analyzers of the item fields. */
  static QueryBuilder queryBuilder() {
    return new QueryBuilder(DarsAnalyzer.stemmed(), DarsAnalyzer.exact(), DarsAnalyzer.ngrams());
  }

  /** The typed query over the item fields, or every document when nothing is typed. */
  static Query textQuery(QueryBuilder queries, UserQuery userQuery, String typed, IndexSearcher searcher) {
    return typed.isBlank() ? new MatchAllDocsQuery() : queries.build(userQuery, searcher);
  }

  /**
   * The Lucene query that {@code GET /api/v1/search} runs for a request: the typed text, the
   * filters, and items only. The retrieval benchmark ranks with this same query.
   */
  static Query itemQuery(QueryBuilder queries, SearchRequest request, IndexSearcher searcher) {
    return filtered(textQuery(queries, UserQuery.parse(request.q()), request.q(), searcher), request, null, null);
  }

  /** The whole search over every document; the benchmarks run this same code. */
  SearchResult search(ItemSearcher searcher, SearchRequest request) throws IOException {
    return search(searcher, request, null);
  }

  /**
   * The whole search against one searcher, with {@code allowed} (null: everything) narrowing every
   * part of the answer: hits, totals, facet counts, curricula and the spelling check.
   */
  SearchResult search(ItemSearcher searcher, SearchRequest request, Query allowed) throws IOException {
    UserQuery userQuery = UserQuery.parse(request.q());
    Query text = textQuery(queries, userQuery, request.q(), searcher);
    Query query = filtered(text, request, null, allowed);

    int n = Math.max(1, (request.page() + 1) * request.size());
    // The facet counts and the exact total need every match, but not its score (so the optional
    // clauses are not even evaluated); the top hits need scores, but only of documents that can
    // still enter the top n, so that pass skips the rest (see RankingQuery).
    FacetsCollector matches;
    Map<String, FacetsCollector> sideways = new HashMap<>();
    if (request.filters().isEmpty()) {
      matches = searcher.search(query, new FacetsCollectorManager());
    } else {
      // The text's postings are read once, without the dimension filters; the matches with all
      // filters, and each filtered dimension's sideways matches, are narrowed from that set.
      MatchedDocs unfiltered = new MatchedDocs(searcher.search(scope(text, request, allowed), new FacetsCollectorManager()));
      matches = searcher.search(withFilters(unfiltered, request, null), new FacetsCollectorManager());
      for (String dim : request.filters().keySet()) {
        sideways.put(dim, searcher.search(withFilters(unfiltered, request, dim), new FacetsCollectorManager()));
      }
    }
    MatchedDocs matched = new MatchedDocs(matches);
    TopDocs all = switch (request.sort()) {
      case RELEVANCE -> RankingQuery.top(searcher, query, matched, n);
      // by a stored value: no scores, and no need to read the text's postings again
      case NEWEST -> searcher.search(matched, new TopFieldCollectorManager(BY_NEWEST, n, null, n));
      case TITLE -> searcher.search(matched, new TopFieldCollectorManager(BY_TITLE, n, null, n));
    };
    int from = Math.min(all.scoreDocs.length, request.page() * request.size());
    ScoreDoc[] pageDocs = Arrays.copyOfRange(all.scoreDocs, from, all.scoreDocs.length);
    TopDocs page = new TopDocs(new TotalHits(pageDocs.length, TotalHits.Relation.EQUAL_TO), pageDocs);

    Document[] docs = new Document[pageDocs.length];
    Map<Integer, String> texts = new HashMap<>();
    for (int i = 0; i < pageDocs.length; i++) {
      docs[i] = searcher.storedFields().document(pageDocs[i].doc, HIT_FIELDS);
      texts.put(pageDocs[i].doc, docs[i].get(ItemFields.TEXT));
    }
    String[] snippets = pageDocs.length == 0
        ? new String[0]
        : Highlighting.body(searcher, index.queryAnalyzer(), text, page, texts);
    List<SearchHit> hits = new ArrayList<>(pageDocs.length);
    for (int i = 0; i < pageDocs.length; i++) {
      ScoreDoc sd = pageDocs[i];
      Document doc = docs[i];
      String snippet = snippets.length > i && snippets[i] != null
          ? Snippets.stripControls(snippets[i])
          : Snippets.lead(doc.get(ItemFields.TEXT));
      hits.add(new SearchHit(
          doc.get(ItemFields.ID),
          doc.getField(ItemFields.VERSION).numericValue().intValue(),
          doc.get(ItemFields.TITLE),
          snippet,
          Arrays.asList(doc.getValues(ItemFields.LANGUAGE)),
          doc.get(ItemFields.MEDIA_TYPE),
          Float.isNaN(sd.score) ? 0f : sd.score,
          ItemDocuments.origin(doc)));
    }
    long total = matched.total();
    Map<String, List<FacetValue>> facets = facets(searcher, matches, total, sideways);
    String didYouMean = total <= FEW_HITS
        ? speller.correct(searcher, userQuery, total, corrected -> filtered(queries.build(corrected, searcher), request, null, allowed))
            .orElse(null)
        : null;
    List<CurriculumHit> curricula = request.page() == 0 && !request.q().isBlank()
        ? curricula(searcher, text, allowed)
        : List.of();
    return new SearchResult(total, request.page(), request.size(), hits, facets, didYouMean, curricula);
  }

  /** The curricula whose titles or description match the typed query, best first. */
  private List<CurriculumHit> curricula(ItemSearcher searcher, Query text, Query allowed) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST).add(CURRICULUM_DOCS, Occur.FILTER);
    if (allowed != null) {
      b.add(allowed, Occur.FILTER);
    }
    Query query = b.build();
    TopDocs top = searcher.search(query, CURRICULA);
    if (top.scoreDocs.length == 0) {
      return List.of();
    }
    String[] snippets = Highlighting.description(searcher, index.queryAnalyzer(), text, top);
    List<CurriculumHit> out = new ArrayList<>(top.scoreDocs.length);
    for (int i = 0; i < top.scoreDocs.length; i++) {
      Document doc = searcher.storedFields().document(top.scoreDocs[i].doc);
      String description = doc.get(ItemFields.DESCRIPTION);
      String snippet = snippets[i] != null ? Snippets.stripControls(snippets[i]) : Snippets.lead(description);
      out.add(new CurriculumHit(doc.get(ItemFields.ID), doc.get(ItemFields.TITLE), description, snippet,
          ItemDocuments.origin(doc)));
    }
    return out;
  }

  /**
   * The text query narrowed to items and by the request's filters, leaving out dimension {@code
   * except}. Curricula are excluded rather than items required: the clause matches only the few
   * curriculum documents, so it costs next to nothing.
   */
  private static Query filtered(Query text, SearchRequest request, String except, Query allowed) {
    return withFilters(scope(text, request, allowed), request, except);
  }

  /** The text query over the items the caller may read and the request's item ids, unfiltered. */
  private static Query scope(Query text, SearchRequest request, Query allowed) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST).add(CURRICULUM_DOCS, Occur.MUST_NOT);
    if (allowed != null) {
      b.add(allowed, Occur.FILTER);
    }
    request.itemIds().ifPresent(ids -> b.add(
        new TermInSetQuery(ItemFields.ID, ids.stream().map(BytesRef::new).toList()), Occur.FILTER));
    return b.build();
  }

  /** {@code base} narrowed by the filters of every dimension but {@code except} (null: all). */
  private static Query withFilters(Query base, SearchRequest request, String except) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(base, Occur.MUST);
    request.filters().forEach((dim, values) -> {
      if (!dim.equals(except)) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(dim, v)), Occur.SHOULD));
        b.add(any.build(), Occur.FILTER);
      }
    });
    return b.build();
  }

  /**
   * The counts of every dimension: over {@code matches} (all filters, {@code total} documents),
   * except that a filtered dimension is counted over the matches of the other dimensions' filters
   * ({@code sideways}).
   */
  private static Map<String, List<FacetValue>> facets(ItemSearcher searcher, FacetsCollector matches, long total,
      Map<String, FacetsCollector> sideways) throws IOException {
    FacetCounts shared = FacetCounts.of(searcher, matches, total);
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (String dim : ItemFields.DIMENSIONS) {
      FacetsCollector own = sideways.get(dim);
      FacetCounts counts = own == null ? shared : FacetCounts.of(searcher, own, MatchedDocs.total(own));
      facets.put(dim, counts.top(dim));
    }
    return facets;
  }

  static Set<String> dimensions() {
    return Set.copyOf(ItemFields.DIMENSIONS);
  }
}
