package org.dars.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;

/**
 * The product's document building and search execution, opened to the speed benchmark in {@code
 * search.bench} without making them public in the product.
 */
public final class BenchSupport {
  private final SearchIndex index;
  private final SearchService service;

  private BenchSupport(SearchIndex index) {
    this.index = index;
    this.service = TestIndexes.service(index);
  }

  /** The document Dars builds for an item with this metadata and text. */
  public static Document document(String id, String title, String language, String mediaType, String subject,
      String level, String organisation, Instant created, String text) {
    return ItemDocuments.build(new IndexedItem(id, 1, title, null, List.of(language), List.of(subject), level,
        List.of(), "CC-BY-4.0", List.of(), organisation, mediaType, created, text));
  }

  /** The per-field analyzer the product's index writer uses. */
  public static Analyzer indexAnalyzer() {
    return SearchIndex.analyzer();
  }

  /** Opens (or creates) an index under {@code root} the way the server does. */
  public static BenchSupport open(Path root) {
    SearchIndex index = new SearchIndex();
    index.open(root, org.dars.search.analysis.AnalysisSchema.VERSION);
    return new BenchSupport(index);
  }

  /** Fills a new generation as a full rebuild does, and makes it live. */
  public void rebuild(Iterable<Document> documents, String idField) throws IOException {
    index.beginRebuild();
    for (Document doc : documents) {
      index.updateRebuilt(doc.get(idField), Optional.of(doc));
    }
    index.finishRebuild();
  }

  public static String idField() {
    return ItemFields.ID;
  }

  public long documents() {
    return index.documentCount();
  }

  /** Runs one search exactly as {@code GET /api/v1/search} does (facets, snippets, did-you-mean). */
  public long search(String q, Map<String, Set<String>> filters, String sort, int size) {
    SearchResult r = service.search(
        new SearchRequest(q, filters, Optional.empty(), SearchRequest.Sort.parse(sort), 0, size));
    return r.total();
  }

  public void close() {
    index.close();
  }
}
