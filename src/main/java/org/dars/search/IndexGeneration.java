package org.dars.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One physical index, in its own folder {@code <data dir>/index/<n>}: a directory, its writer and
 * its near-real-time searcher manager. Each commit records the analysis schema version and whether
 * the generation is <em>complete</em>, that is, holds every item the database held when the
 * generation was committed except for changes still in the outbox. A rebuild writes generation
 * n+1 beside the live one and becomes live only once complete.
 */
final class IndexGeneration implements AutoCloseable {
  static final String SCHEMA_KEY = "dars.analysis.schema";
  /** The {@link ItemFields#SCHEMA_VERSION} the generation was written with. */
  static final String FIELDS_KEY = "dars.index.schema";
  static final String COMPLETE_KEY = "dars.complete";

  /**
   * Ranking function of the index and its searchers: BM25 with Lucene's default parameters (k1 1.2,
   * b 0.75), not tuned on the benchmark data. The retrieval benchmark measures with this one.
   */
  static Similarity similarity() {
    return new BM25Similarity();
  }

  final int number;
  final Path path;
  private final int schema;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private volatile boolean complete;

  private IndexGeneration(int number, Path path, int schema, boolean create, boolean complete, Analyzer analyzer)
      throws IOException {
    this.number = number;
    this.path = path;
    this.schema = schema;
    this.complete = complete;
    Files.createDirectories(path);
    this.directory = FSDirectory.open(path);
    IndexWriterConfig iwc = new IndexWriterConfig(analyzer)
        .setSimilarity(similarity())
        .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
        .setRAMBufferSizeMB(64)
        .setCommitOnClose(false);
    IndexWriter w;
    try {
      w = new IndexWriter(directory, iwc);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    this.writer = w;
    if (create) {
      commit();
    }
    this.searchers = new SearcherManager(writer, new ItemSearcherFactory());
  }

  /** A new, empty generation; it is complete only once someone says so. */
  static IndexGeneration create(Path root, int number, int schema, boolean complete, Analyzer analyzer) throws IOException {
    Path path = root.resolve(Integer.toString(number));
    deleteTree(path);
    return new IndexGeneration(number, path, schema, true, complete, analyzer);
  }

  static IndexGeneration openExisting(Path root, int number, int schema, Analyzer analyzer) throws IOException {
    return new IndexGeneration(number, root.resolve(Integer.toString(number)), schema, false, true, analyzer);
  }

  /** What the last commit in {@code path} recorded, or empty if there is no readable index. */
  static Optional<Map<String, String>> commitData(Path path) {
    try (Directory dir = FSDirectory.open(path)) {
      if (!DirectoryReader.indexExists(dir)) {
        return Optional.empty();
      }
      return Optional.of(SegmentInfos.readLatestCommit(dir).getUserData());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  boolean complete() {
    return complete;
  }

  void markComplete() {
    complete = true;
  }

  IndexWriter writer() {
    return writer;
  }

  SearcherManager searchers() {
    return searchers;
  }

  /** Makes changes durable (fsync) and visible to new searches. */
  /** Merges all segments into one (the writer's other changes may continue meanwhile). */
  void mergeToOneSegment() throws IOException {
    writer.forceMerge(1);
  }

  void commit() throws IOException {
    writer.setLiveCommitData(
        Map.of(SCHEMA_KEY, Integer.toString(schema), FIELDS_KEY, Integer.toString(ItemFields.SCHEMA_VERSION),
            COMPLETE_KEY, Boolean.toString(complete)).entrySet(), true);
    writer.commit();
    if (searchers != null) {
      searchers.maybeRefreshBlocking();
    }
  }

  /** Drops uncommitted changes, as a crash would; used by the crash-recovery test. */
  void abandon() throws IOException {
    searchers.close();
    writer.rollback();
    directory.close();
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      if (writer.isOpen()) {
        writer.close();
      }
    } finally {
      directory.close();
    }
  }

  boolean isOpen() {
    return writer.isOpen();
  }

  static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A searcher that carries the facet ordinals of its reader, computed once per refresh. */
  static final class ItemSearcher extends IndexSearcher {
    private volatile Map<String, Map<String, Long>> everyDocument;

    ItemSearcher(IndexReader reader) {
      super(reader);
      setSimilarity(similarity());
    }

    /**
     * The facet counts over every live document, computed at first use and kept as long as this
     * searcher (one point in time of the index); see {@link FacetCounts}. Two threads may both
     * compute them the first time, with the same result.
     */
    Map<String, Map<String, Long>> everyDocumentCounts() throws IOException {
      Map<String, Map<String, Long>> counts = everyDocument;
      if (counts == null) {
        counts = FacetCounts.everyDocument(this);
        everyDocument = counts;
      }
      return counts;
    }
  }

  private static final class ItemSearcherFactory extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
      return new ItemSearcher(reader);
    }
  }
}
