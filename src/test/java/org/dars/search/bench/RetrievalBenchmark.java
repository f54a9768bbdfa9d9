package org.dars.search.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fa.PersianCharFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.search.similarities.Similarity;
import org.dars.search.BenchSupport;

/**
 * Retrieval-quality benchmark of the product's search (the {@code DarsAnalyzer} fields as {@code
 * ItemDocuments} builds them, queried as the API queries them) against Lucene's stock Persian and Arabic
 * chains, on clean queries and on deterministic noise variants of them (ZWNJ, yeh/kaf, harakat,
 * tatweel, digits, hamza, teh marbuta).
 *
 * <p>Usage: {@code RetrievalBenchmark [dataDir]}, where dataDir holds {@code fa/} and {@code ar/}
 * with {@code passages.jsonl} and {@code queries.jsonl}; default {@code
 * ../shared/bench-data/retrieval} relative to the working directory (the project directory under
 * {@code mvn exec:java}). The data is read in place and never copied.
 */
public final class RetrievalBenchmark {

  static final float K1 = 0.9f;
  static final float B = 0.4f;
  static final int TOP_K = 10;
  static final String ID = "id";
  static final String TEXT = "text";

  static final char ZWNJ = '\u200C';

  record Passage(String id, String text) {}

  record QueryCase(String id, String query, String passage) {}

  record Score(double mrr, double recall) {}

  /** A retrieval system: an index plus a way to turn a query into a Lucene query. */
  interface System extends AutoCloseable {
    List<String> search(String query) throws IOException;

    @Override
    void close() throws IOException;
  }

  private RetrievalBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Paths.get(args.length > 0 ? args[0] : "../shared/bench-data/retrieval");
    Map<String, List<Passage>> passages = new LinkedHashMap<>();
    Map<String, List<QueryCase>> queries = new LinkedHashMap<>();
    for (String lang : List.of("fa", "ar")) {
      passages.put(lang, readPassages(dataDir.resolve(lang).resolve("passages.jsonl"), lang));
      queries.put(lang, readQueries(dataDir.resolve(lang).resolve("queries.jsonl"), lang));
    }
    java.lang.System.out.printf(
        Locale.ROOT,
        "Data %s: fa %d passages / %d queries, ar %d passages / %d queries%n",
        dataDir.toAbsolutePath().normalize(),
        passages.get("fa").size(),
        queries.get("fa").size(),
        passages.get("ar").size(),
        queries.get("ar").size());

    List<Passage> all = new ArrayList<>(passages.get("fa"));
    all.addAll(passages.get("ar"));

    Map<String, Map<String, System>> systemsByLang = new LinkedHashMap<>();
    try (System dars = darsSystem(all, BenchSupport.productSimilarity());
        System darsAtBaselineBm25 = darsSystem(all, new BM25Similarity(K1, B))) {
      String darsAtBaselineName = String.format(Locale.ROOT, "Dars k1=%.1f b=%.1f", K1, B);
      Map<String, System> fa = new LinkedHashMap<>();
      fa.put("Dars", dars);
      fa.put(darsAtBaselineName, darsAtBaselineBm25);
      fa.put("PersianAnalyzer", stockSystem(new PersianAnalyzer(), passages.get("fa")));
      fa.put("Persian+Stem", stockSystem(persianWithStemmer(), passages.get("fa")));
      Map<String, System> ar = new LinkedHashMap<>();
      ar.put("Dars", dars);
      ar.put(darsAtBaselineName, darsAtBaselineBm25);
      ar.put("ArabicAnalyzer", stockSystem(new ArabicAnalyzer(), passages.get("ar")));
      systemsByLang.put("fa", fa);
      systemsByLang.put("ar", ar);

      Map<String, UnaryOperator<String>> variants = new LinkedHashMap<>();
      variants.put("clean", q -> q);
      variants.put("zwnj-dropped", Noise::zwnjDropped);
      variants.put("zwnj-as-space", Noise::zwnjAsSpace);
      variants.put("zwnj-everywhere", Noise::zwnjEverywhere);
      variants.put("yeh-kaf-swapped", null); // per language, below
      variants.put("harakat", Noise::harakat);
      variants.put("tatweel", Noise::tatweel);
      variants.put("digits-persian", q -> Noise.digits(q, '\u06F0'));
      variants.put("digits-arabic", q -> Noise.digits(q, '\u0660'));
      variants.put("digits-ascii", q -> Noise.digits(q, '0'));
      variants.put("bare-alef", Noise::bareAlef);
      variants.put("teh-marbuta-as-heh", Noise::tehMarbutaAsHeh);

      boolean allTargetsMet = true;
      StringBuilder summary = new StringBuilder();
      for (String lang : List.of("fa", "ar")) {
        Map<String, System> systems = systemsByLang.get(lang);
        List<String> names = new ArrayList<>(systems.keySet());
        java.lang.System.out.println();
        java.lang.System.out.printf(
            Locale.ROOT,
            "== %s (%d queries), MRR@10 / Recall@10; Dars on the mixed fa+ar index, stock chains"
                + " on a %s-only index ==%n",
            lang,
            queries.get(lang).size(),
            lang);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-20s", "variant"));
        for (String name : names) {
          header.append(String.format(Locale.ROOT, " | %-17s", name));
        }
        header.append(" | Dars/clean");
        java.lang.System.out.println(header);
        java.lang.System.out.println("-".repeat(header.length()));
        Map<String, Score> cleanScores = new LinkedHashMap<>();
        double worstRatio = Double.MAX_VALUE;
        for (Map.Entry<String, UnaryOperator<String>> variant : variants.entrySet()) {
          UnaryOperator<String> noise = variant.getValue();
          if (noise == null) {
            noise = lang.equals("fa") ? Noise::arabicYehKaf : Noise::persianYehKaf;
          }
          StringBuilder row =
              new StringBuilder(String.format(Locale.ROOT, "%-20s", variant.getKey()));
          double ratio = 1;
          for (String name : names) {
            Score s = evaluate(systems.get(name), queries.get(lang), noise);
            if (variant.getKey().equals("clean")) {
              cleanScores.put(name, s);
            }
            row.append(String.format(Locale.ROOT, " | %.4f / %.4f  ", s.mrr, s.recall));
            if (name.equals("Dars")) {
              ratio = s.mrr / cleanScores.get("Dars").mrr;
              worstRatio = Math.min(worstRatio, ratio);
            }
          }
          row.append(String.format(Locale.ROOT, " | %.3f", ratio));
          java.lang.System.out.println(row);
        }
        double darsClean = cleanScores.get("Dars").mrr;
        double bestStock =
            cleanScores.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("Dars"))
                .mapToDouble(e -> e.getValue().mrr)
                .max()
                .orElse(0);
        double darsAtBaseline = cleanScores.get(darsAtBaselineName).mrr;
        String bestStockName =
            cleanScores.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("Dars"))
                .max(java.util.Comparator.comparingDouble(e -> e.getValue().mrr))
                .orElseThrow()
                .getKey();
        StringBuilder halves = new StringBuilder();
        for (int parity = 0; parity < 2; parity++) {
          int p = parity;
          List<QueryCase> half =
              queries.get(lang).stream()
                  .filter(c -> Integer.parseInt(c.id().replaceAll("[^0-9]", "")) % 2 == p)
                  .toList();
          halves.append(String.format(Locale.ROOT, "%s half (%d queries):", p == 0 ? " even" : "; odd", half.size()));
          for (String name : List.of("Dars", darsAtBaselineName, bestStockName)) {
            halves.append(String.format(Locale.ROOT, " %s %.4f", name, evaluate(systems.get(name), half, q -> q).mrr));
          }
        }
        java.lang.System.out.println("clean MRR@10 by query-id parity:" + halves);
        boolean gainMet = darsClean - bestStock >= 0.03;
        boolean noiseMet = worstRatio >= 0.98;
        allTargetsMet &= gainMet && noiseMet;
        summary.append(
            String.format(
                Locale.ROOT,
                "%s: Dars clean MRR@10 %.4f vs best stock %.4f (gain %+.4f, target +0.03: %s;"
                    + " Dars at the stock k1/b %.4f, gain %+.4f);"
                    + " worst variant/clean %.3f (target 0.98: %s)%n",
                lang,
                darsClean,
                bestStock,
                darsClean - bestStock,
                gainMet ? "met" : "NOT met",
                darsAtBaseline,
                darsAtBaseline - bestStock,
                worstRatio,
                noiseMet ? "met" : "NOT met"));
      }
      java.lang.System.out.println();
      java.lang.System.out.print(summary);
      java.lang.System.out.println(allTargetsMet ? "All targets met." : "Some targets NOT met.");
      for (Map<String, System> systems : systemsByLang.values()) {
        for (Map.Entry<String, System> e : systems.entrySet()) {
          if (!e.getKey().startsWith("Dars")) {
            e.getValue().close();
          }
        }
      }
    }
  }

  static Score evaluate(System system, List<QueryCase> cases, UnaryOperator<String> noise)
      throws IOException {
    double rr = 0;
    int found = 0;
    for (QueryCase c : cases) {
      List<String> hits = system.search(noise.apply(c.query()));
      int rank = hits.indexOf(c.passage());
      if (rank >= 0) {
        rr += 1.0 / (rank + 1);
        found++;
      }
    }
    return new Score(rr / cases.size(), (double) found / cases.size());
  }

  // ---------------------------------------------------------------- systems

  /**
   * The Dars system is the product: passages become item documents through {@code
   * ItemDocuments.build} in an index configured like the server's (same per-field analyzers), and
   * queries run through {@code UserQuery}/{@code QueryBuilder} exactly as {@code GET
   * /api/v1/search} builds them (without facets, snippets or spelling). Only the similarity is a
   * parameter: the product's, or the baselines' BM25 for an equal comparison.
   */
  static System darsSystem(List<Passage> passages, Similarity similarity) throws IOException {
    List<String[]> rows = new ArrayList<>(passages.size());
    for (Passage p : passages) {
      rows.add(new String[] {p.id(), p.id().substring(0, p.id().indexOf(':')), p.text()});
    }
    BenchSupport.Retrieval retrieval = new BenchSupport.Retrieval(rows, similarity);
    return new System() {
      @Override
      public List<String> search(String query) throws IOException {
        return retrieval.search(query, TOP_K);
      }

      @Override
      public void close() throws IOException {
        retrieval.close();
      }
    };
  }

  static System stockSystem(Analyzer analyzer, List<Passage> passages) throws IOException {
    Directory dir = buildIndex(analyzer, passages, K1, B);
    DirectoryReader reader = DirectoryReader.open(dir);
    IndexSearcher searcher = newSearcher(reader, K1, B);
    return new System() {
      @Override
      public List<String> search(String query) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms(analyzer, TEXT, query)) {
          b.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
        }
        return topIds(searcher, b.build());
      }

      @Override
      public void close() throws IOException {
        reader.close();
        dir.close();
        analyzer.close();
      }
    };
  }

  /**
   * Lucene 9.12's {@link PersianAnalyzer} has no stemming option (its constructors take only a
   * stop set), so "with PersianStemFilter" is the same stock components plus the stock stem filter
   * at the end.
   */
  static Analyzer persianWithStemmer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        result = new DecimalDigitFilter(result);
        result = new ArabicNormalizationFilter(result);
        result = new PersianNormalizationFilter(result);
        result = new StopFilter(result, PersianAnalyzer.getDefaultStopSet());
        result = new PersianStemFilter(result);
        return new TokenStreamComponents(source, result);
      }

      @Override
      protected java.io.Reader initReader(String fieldName, java.io.Reader reader) {
        return new PersianCharFilter(reader);
      }
    };
  }

  static Directory buildIndex(
      Analyzer analyzer, List<Passage> passages, float k1, float b)
      throws IOException {
    Directory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setSimilarity(new BM25Similarity(k1, b));
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      for (Passage p : passages) {
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        doc.add(new TextField(TEXT, p.text(), Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    return dir;
  }

  static IndexSearcher newSearcher(DirectoryReader reader, float k1, float b) {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity(k1, b));
    return searcher;
  }

  static List<String> terms(Analyzer analyzer, String field, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  static List<String> topIds(IndexSearcher searcher, Query query) throws IOException {
    List<String> ids = new ArrayList<>(TOP_K);
    for (ScoreDoc sd : searcher.search(query, TOP_K).scoreDocs) {
      ids.add(searcher.storedFields().document(sd.doc).get(ID));
    }
    return ids;
  }

  // ---------------------------------------------------------------- data

  static List<Passage> readPassages(Path file, String lang) throws IOException {
    List<Passage> out = new ArrayList<>();
    for (Map<String, String> o : readJsonl(file)) {
      out.add(new Passage(lang + ":" + o.get("id"), o.get("text")));
    }
    return out;
  }

  static List<QueryCase> readQueries(Path file, String lang) throws IOException {
    List<QueryCase> out = new ArrayList<>();
    for (Map<String, String> o : readJsonl(file)) {
      out.add(new QueryCase(o.get("id"), o.get("query"), lang + ":" + o.get("passage")));
    }
    return out;
  }

  /**
   * Reads JSON Lines whose lines are flat objects of string (or number) values. A small reader of
   * its own, because the Jakarta JSON API on the test class path (from jakartaee-api) looks for a
   * provider that is not there.
   */
  static List<Map<String, String>> readJsonl(Path file) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(new FlatJson(line).object());
        } catch (IllegalArgumentException e) {
          throw new IOException(file + ":" + lineNo + ": " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /** Parser for one flat JSON object: {"key": "string" | number | true | false | null, ...}. */
  static final class FlatJson {
    private final String s;
    private int i;

    FlatJson(String s) {
      this.s = s;
    }

    Map<String, String> object() {
      Map<String, String> map = new LinkedHashMap<>();
      skipWs();
      expect('{');
      skipWs();
      if (peek() == '}') {
        i++;
        return map;
      }
      while (true) {
        skipWs();
        String key = string();
        skipWs();
        expect(':');
        skipWs();
        map.put(key, value());
        skipWs();
        char c = next();
        if (c == '}') {
          return map;
        }
        if (c != ',') {
          throw new IllegalArgumentException("expected , or } at " + (i - 1));
        }
      }
    }

    private String value() {
      if (peek() == '"') {
        return string();
      }
      int start = i;
      while (i < s.length() && ",} \t".indexOf(s.charAt(i)) < 0) {
        i++;
      }
      String raw = s.substring(start, i);
      if (raw.isEmpty()) {
        throw new IllegalArgumentException("unsupported value at " + start);
      }
      return raw.equals("null") ? null : raw;
    }

    private String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (i + 4 > s.length()) {
              throw new IllegalArgumentException("bad \\u escape at " + i);
            }
            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> sb.append(e); // " \\ /
        }
      }
    }

    private void skipWs() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private char peek() {
      if (i >= s.length()) {
        throw new IllegalArgumentException("unexpected end");
      }
      return s.charAt(i);
    }

    private char next() {
      char c = peek();
      i++;
      return c;
    }

    private void expect(char c) {
      if (next() != c) {
        throw new IllegalArgumentException("expected " + c + " at " + (i - 1));
      }
    }
  }

  // ---------------------------------------------------------------- noise

  /** Deterministic spelling variants of a clean query, as users type them. */
  static final class Noise {

    /** Detached Persian verb/negation prefixes followed by a space. */
    static final Pattern PREFIX_SPACE =
        Pattern.compile("(?<![\\p{L}\\p{M}])(ن?[مم][یي]|ب[یي])[ \u200C]+(?=\\p{L})");

    /** A space or ZWNJ before a detached plural/comparative/copula suffix. */
    static final Pattern SUFFIX_SPACE =
        Pattern.compile(
            "(?<=\\p{L})[ \u200C]+(ها[یي]?[یي]?|تر[یي]ن|تر|اند|ا[یي]م|ا[یي]د)(?![\\p{L}\\p{M}])");

    private Noise() {}

    /** Every affix written solid and every ZWNJ deleted: {@code میشود}. */
    static String zwnjDropped(String q) {
      String s = PREFIX_SPACE.matcher(q).replaceAll("$1");
      s = SUFFIX_SPACE.matcher(s).replaceAll("$1");
      return s.replace(String.valueOf(ZWNJ), "");
    }

    /** Every ZWNJ written as a space: {@code می شود}. */
    static String zwnjAsSpace(String q) {
      return q.replace(ZWNJ, ' ');
    }

    /** Every detached affix attached with a ZWNJ: {@code می‌شود}. */
    static String zwnjEverywhere(String q) {
      String s = PREFIX_SPACE.matcher(q).replaceAll("$1\u200C");
      return SUFFIX_SPACE.matcher(s).replaceAll("\u200C$1");
    }

    static String arabicYehKaf(String q) {
      return q.replace('\u06CC', '\u064A').replace('\u06A9', '\u0643');
    }

    static String persianYehKaf(String q) {
      return q.replace('\u064A', '\u06CC').replace('\u0649', '\u06CC').replace('\u0643', '\u06A9');
    }

    /** Adds a haraka after every second Arabic-script letter, cycling through the marks. */
    static String harakat(String q) {
      char[] marks = {'\u064E', '\u0650', '\u064F', '\u0652', '\u0651', '\u064B'};
      StringBuilder sb = new StringBuilder();
      int letters = 0;
      for (int i = 0; i < q.length(); i++) {
        char c = q.charAt(i);
        sb.append(c);
        if (isArabicLetter(c) && (letters++ % 2 == 1)) {
          sb.append(marks[letters % marks.length]);
        }
      }
      return sb.toString();
    }

    /** Adds a tatweel after the second letter of every Arabic-script word of four or more letters. */
    static String tatweel(String q) {
      Matcher m = Pattern.compile("\\p{L}{4,}").matcher(q);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String w = m.group();
        String r = w;
        if (isArabicLetter(w.charAt(0)) && joinsLeft(w.charAt(1))) {
          r = w.substring(0, 2) + '\u0640' + w.substring(2);
        }
        m.appendReplacement(sb, Matcher.quoteReplacement(r));
      }
      m.appendTail(sb);
      return sb.toString();
    }

    static String digits(String q, char zero) {
      StringBuilder sb = new StringBuilder(q.length());
      for (int i = 0; i < q.length(); i++) {
        char c = q.charAt(i);
        int d = Character.isDigit(c) ? Character.digit(c, 10) : -1;
        sb.append(d >= 0 ? (char) (zero + d) : c);
      }
      return sb.toString();
    }

    static String bareAlef(String q) {
      return q.replace('\u0623', '\u0627')
          .replace('\u0625', '\u0627')
          .replace('\u0622', '\u0627')
          .replace('\u0671', '\u0627');
    }

    static String tehMarbutaAsHeh(String q) {
      return q.replace('\u0629', '\u0647');
    }

    static boolean isArabicLetter(char c) {
      return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
    }

    /** Whether a letter connects to the following one (so a tatweel may follow it). */
    static boolean joinsLeft(char c) {
      return isArabicLetter(c) && "اأإآٱدذرزژوؤةءى".indexOf(c) < 0;
    }
  }
}
