package org.dars.search;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.dars.platform.DarsConfig;
import org.dars.search.analysis.AnalysisSchema;
import org.dars.search.analysis.DarsAnalyzer;
import org.jboss.logging.Logger;

/**
 * The Lucene index under {@code <data dir>/index}: one writer for the application's lifetime and a
 * near-real-time searcher manager. Every commit records the analysis schema version; an index
 * written with another version is discarded at start-up and rebuilt from the database, so search
 * never compares terms from two different normalisations.
 */
@ApplicationScoped
public class SearchIndex {
  private static final Logger LOG = Logger.getLogger(SearchIndex.class);
  static final String SCHEMA_KEY = "dars.analysis.schema";

  @Inject DarsConfig config;

  private Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;
  private Analyzer analyzer;
  private boolean rebuildNeeded;

  /** Opens the index; returns true if it was missing or stale and must be rebuilt from the database. */
  public synchronized boolean open() {
    if (writer != null) {
      return rebuildNeeded;
    }
    Path path = config.dataDir().resolve("index");
    try {
      Files.createDirectories(path);
      directory = FSDirectory.open(path);
      Optional<String> schema = recordedSchema(directory);
      rebuildNeeded = schema.isEmpty() || !schema.get().equals(Integer.toString(AnalysisSchema.VERSION));
      analyzer = analyzer();
      IndexWriterConfig iwc = new IndexWriterConfig(analyzer)
          .setSimilarity(new BM25Similarity())
          .setOpenMode(rebuildNeeded ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(64);
      writer = new IndexWriter(directory, iwc);
      if (rebuildNeeded) {
        LOG.infof("Search index at %s has analysis schema %s, this Dars uses %d: it will be rebuilt",
            path, schema.orElse("none"), AnalysisSchema.VERSION);
        commit();
      }
      searchers = new SearcherManager(writer, null);
      return rebuildNeeded;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index at " + path
          + ". Check that dars.data.dir names a writable folder.", e);
    }
  }

  static Analyzer analyzer() {
    Map<String, Analyzer> exact = new HashMap<>();
    for (String field : ItemFields.EXACT_FIELDS) {
      exact.put(field, DarsAnalyzer.exact());
    }
    return new PerFieldAnalyzerWrapper(DarsAnalyzer.stemmed(), exact);
  }

  Analyzer queryAnalyzer() {
    return analyzer;
  }

  void update(String id, Document doc) throws IOException {
    writer.updateDocument(new Term(ItemFields.ID, id), doc);
  }

  void delete(String id) throws IOException {
    writer.deleteDocuments(new Term(ItemFields.ID, id));
  }

  void deleteAll() throws IOException {
    writer.deleteAll();
  }

  /** Makes changes durable (fsync) and visible to new searches. */
  void commit() throws IOException {
    writer.setLiveCommitData(Map.of(SCHEMA_KEY, Integer.toString(AnalysisSchema.VERSION)).entrySet());
    writer.commit();
    if (searchers != null) {
      searchers.maybeRefreshBlocking();
    }
  }

  IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  public long documentCount() {
    try {
      IndexSearcher s = acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isOpen() {
    return writer != null && writer.isOpen();
  }

  private static Optional<String> recordedSchema(Directory dir) throws IOException {
    if (!DirectoryReader.indexExists(dir)) {
      return Optional.empty();
    }
    return Optional.ofNullable(SegmentInfos.readLatestCommit(dir).getUserData().get(SCHEMA_KEY));
  }

  @PreDestroy
  synchronized void close() {
    try {
      if (searchers != null) {
        searchers.close();
      }
      if (writer != null) {
        writer.close();
      }
      if (directory != null) {
        directory.close();
      }
    } catch (IOException e) {
      LOG.warn("Closing the search index failed; the last commit is intact", e);
    }
  }
}
