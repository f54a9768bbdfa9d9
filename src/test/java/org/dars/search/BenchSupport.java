package org.dars.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import java.util.ArrayList;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

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
        List.of(), "CC-BY-4.0", List.of(), organisation, mediaType, created, text, null, IndexedAccess.PUBLIC));
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

  /** The similarity the product's index and searchers use. */
  public static Similarity productSimilarity() {
    return IndexGeneration.similarity();
  }

  /**
   * Passages indexed as the server indexes items ({@link ItemDocuments#build(IndexedItem)} into a
   * writer with {@link SearchIndex#analyzer()}), in memory, ranked with a given similarity and
   * queried with the query {@code GET /api/v1/search} runs ({@link SearchService#itemQuery}), without
   * facets, snippets or spelling. A passage is an item with an empty title and the passage as text.
   */
  public static final class Retrieval implements AutoCloseable {
    private final Directory dir = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final QueryBuilder queries = SearchService.queryBuilder();

    /** {@code passages}: id, language, text. */
    public Retrieval(List<String[]> passages, Similarity similarity) throws IOException {
      IndexWriterConfig config = new IndexWriterConfig(SearchIndex.analyzer()).setSimilarity(similarity);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        Instant created = Instant.parse("2024-01-01T00:00:00Z");
        for (String[] p : passages) {
          writer.addDocument(ItemDocuments.build(new IndexedItem(p[0], 1, "", null, List.of(p[1]), List.of(), null,
              List.of(), null, List.of(), null, "text/plain", created, p[2], null, IndexedAccess.PUBLIC)));
        }
      }
      reader = DirectoryReader.open(dir);
      searcher = new IndexSearcher(reader);
      searcher.setSimilarity(similarity);
    }

    /** The ids of the best {@code k} passages for a query typed as it is. */
    public List<String> search(String q, int k) throws IOException {
      Query query = SearchService.itemQuery(queries, SearchRequest.of(q, 0, k), searcher);
      List<String> ids = new ArrayList<>(k);
      for (ScoreDoc sd : searcher.search(query, k).scoreDocs) {
        ids.add(searcher.storedFields().document(sd.doc).get(ItemFields.ID));
      }
      return ids;
    }

    @Override
    public void close() throws IOException {
      reader.close();
      dir.close();
    }
  }
}
