package org.dars.search.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.dars.search.BenchSupport;
import org.dars.search.bench.SyntheticCorpus.Passage;

/**
 * Speed of Dars search on a synthetic corpus: about 100,000 passages of 1–3 KB, half Persian and
 * half Arabic, made by recombining sentences of the retrieval bench data with a fixed seed (the
 * data is read in place and never copied into the repository).
 *
 * <ol>
 *   <li>Indexing throughput with the product's document building ({@code ItemDocuments} via {@link
 *       BenchSupport}: stemmed and exact fields, title prefixes, collation key, facets, stored
 *       text), next to Lucene's stock {@link PersianAnalyzer} on one stored text field. Both use
 *       one indexing thread, a 64 MB RAM buffer and the default merge policy, and include the
 *       final commit.
 *   <li>Index size on disk against the UTF-8 size of the raw titles and text.
 *   <li>Search latency in process: the code behind {@code GET /api/v1/search} (query parsing and
 *       analysis, filters, exact totals, all six facet dimensions, highlighted snippets of the
 *       ten hits, did-you-mean for near-empty results), at concurrency 1 and 8. No HTTP: JSON
 *       serialisation and the servlet container are not measured.
 * </ol>
 *
 * <p>Usage: {@code SearchSpeedBenchmark <bench-data/retrieval dir> [passages=100000] [work dir]}.
 */
public final class SearchSpeedBenchmark {
  private static final long SEED = SyntheticCorpus.SEED;
  private static final String[] LEVELS = SyntheticCorpus.LEVELS;

  private final SyntheticCorpus corpus;
  private final int count;

  private SearchSpeedBenchmark(SyntheticCorpus corpus) {
    this.corpus = corpus;
    this.count = corpus.count();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("Usage: SearchSpeedBenchmark <bench-data/retrieval dir> [passages] [work dir]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path work = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("dars-speed");
    SearchSpeedBenchmark bench = new SearchSpeedBenchmark(SyntheticCorpus.of(data, count));
    List<String> queries = new ArrayList<>();
    queries.addAll(SyntheticCorpus.queries(data, "fa"));
    queries.addAll(SyntheticCorpus.queries(data, "ar"));
    bench.run(work, queries);
  }

  private void run(Path work, List<String> queries) throws Exception {
    System.out.printf(Locale.ROOT, "Corpus: %d passages (seed %d), %d Persian and %d Arabic source sentences%n",
        count, SEED, corpus.faSentences(), corpus.arSentences());
    long rawBytes = 0;
    long chars = 0;
    for (Passage p : corpus) {
      rawBytes += p.text().getBytes(StandardCharsets.UTF_8).length + p.title().getBytes(StandardCharsets.UTF_8).length;
      chars += p.text().length();
    }
    System.out.printf(Locale.ROOT, "Raw text: %.1f MB UTF-8, mean passage %d chars%n", rawBytes / 1e6, chars / count);

    Path dars = work.resolve("dars");
    // -Dbench.phase=index measures indexing only; =search reuses the index a previous run left in
    // the work directory and measures search only.
    String phase = System.getProperty("bench.phase", "all");
    if (!phase.equals("search")) {
      Path stock = work.resolve("stock");
      IndexerRun baseline = indexStock(stock);
      IndexerRun product = indexDars(dars);
      System.out.printf(Locale.ROOT, "%nIndexing (1 thread, incl. commit)%n");
      System.out.printf(Locale.ROOT, "  stock PersianAnalyzer, 1 stored text field: %6.1f s  %7.0f docs/s  %5.2f MB/s%n",
          baseline.seconds, count / baseline.seconds, rawBytes / 1e6 / baseline.seconds);
      System.out.printf(Locale.ROOT, "  Dars ItemDocuments (all fields, facets):    %6.1f s  %7.0f docs/s  %5.2f MB/s%n",
          product.seconds, count / product.seconds, rawBytes / 1e6 / product.seconds);
      System.out.printf(Locale.ROOT, "  ratio Dars/stock: %.2f (target >= 0.70)%n", baseline.seconds / product.seconds);
      System.out.printf(Locale.ROOT, "%nIndex size on disk (raw text %.1f MB)%n", rawBytes / 1e6);
      System.out.printf(Locale.ROOT, "  stock: %7.1f MB = %.2f x raw%n", size(stock) / 1e6, size(stock) / (double) rawBytes);
      System.out.printf(Locale.ROOT, "  Dars:  %7.1f MB = %.2f x raw%n", size(dars) / 1e6, size(dars) / (double) rawBytes);
    }
    if (phase.equals("index")) {
      return;
    }
    BenchSupport search = BenchSupport.open(dars);
    System.out.printf(Locale.ROOT, "%nSearch latency, in process, %d documents, 10 hits with facets and snippets%n",
        search.documents());
    List<Request> requests = requests(queries, 4000);
    latency(search, requests.subList(0, 300), 1, "warm-up");
    latency(search, requests.subList(300, 1300), 1, "concurrency 1");
    latency(search, requests.subList(1300, 3900), 8, "concurrency 8");
    search.close();
  }


  private record IndexerRun(double seconds) {}

  private record Request(String q, Map<String, Set<String>> filters, String sort) {}

  private IndexerRun indexStock(Path dir) throws IOException {
    deleteTree(dir);
    long start = System.nanoTime();
    IndexWriterConfig iwc = new IndexWriterConfig(new PersianAnalyzer())
        .setSimilarity(new BM25Similarity()).setRAMBufferSizeMB(64);
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, iwc)) {
      Iterator<Passage> it = corpus.iterator();
      while (it.hasNext()) {
        Passage p = it.next();
        Document doc = new Document();
        doc.add(new TextField("text", p.text(), Field.Store.YES));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    return new IndexerRun((System.nanoTime() - start) / 1e9);
  }

  private IndexerRun indexDars(Path root) throws IOException {
    deleteTree(root);
    long start = System.nanoTime();
    BenchSupport index = BenchSupport.open(root);
    Iterable<Document> docs = () -> new Iterator<>() {
      final Iterator<Passage> it = corpus.iterator();

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Document next() {
        Passage p = it.next();
        return BenchSupport.document(p.id(), p.title(), p.lang(), p.mediaType(), p.subject(), p.level(),
            p.organisation(), p.created(), p.text());
      }
    };
    index.rebuild(docs, BenchSupport.idField());
    index.close();
    return new IndexerRun((System.nanoTime() - start) / 1e9);
  }

  /** Mostly plain queries; some with a language or subject filter, some sorted by title or date. */
  private static List<Request> requests(List<String> queries, int n) {
    Random random = new Random(SEED);
    List<Request> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String q = queries.get(random.nextInt(queries.size())).replaceAll("^[-\\s]+", "");
      Map<String, Set<String>> filters = switch (random.nextInt(4)) {
        case 0 -> Map.of("language", Set.of(random.nextBoolean() ? "fa" : "ar"));
        case 1 -> Map.of("level", Set.of(LEVELS[random.nextInt(LEVELS.length)]));
        default -> Map.of();
      };
      String sort = switch (random.nextInt(6)) {
        case 0 -> "title";
        case 1 -> "newest";
        default -> "relevance";
      };
      out.add(new Request(q, filters, sort));
    }
    return out;
  }

  private static void latency(BenchSupport search, List<Request> requests, int threads, String label) throws Exception {
    long[] nanos = new long[requests.size()];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(pool.submit(() -> {
          for (int i = first; i < requests.size(); i += threads) {
            Request r = requests.get(i);
            long s = System.nanoTime();
            search.search(r.q, r.filters, r.sort, 10);
            nanos[i] = System.nanoTime() - s;
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "  %-14s %5d queries  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  %6.1f q/s%n",
        label, nanos.length, pct(nanos, 0.50), pct(nanos, 0.90), pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6,
        nanos.length / wall);
  }

  private static double pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
