package org.dars.search.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The speed benchmarks' corpus: passages of 1–3 KB, even ones Persian and odd ones Arabic, each
 * made by recombining sentences of the retrieval bench data ({@code <dir>/fa|ar/passages.jsonl})
 * with a fixed seed, so every run and every benchmark sees the same passages. The data is read in
 * place and never copied into the repository; passages are made on demand, never held whole.
 */
public final class SyntheticCorpus implements Iterable<SyntheticCorpus.Passage> {
  public static final long SEED = 20240501L;
  public static final String[] LEVELS = {"beginner", "intermediate", "advanced"};
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?؟。])\\s+|\\n+");
  private static final String[] MEDIA = {"application/pdf", "text/plain", "text/html",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"};
  private static final String[] FA_SUBJECTS = {"صنایع تبدیلی خرما", "آبیاری قطره‌ای", "باغبانی", "دامپروری"};
  private static final String[] AR_SUBJECTS = {"الري بالتنقيط", "تصنيع التمور وتعبئتها", "البستنة", "الثروة الحيوانية"};
  private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

  /** One passage, described like an item. */
  public record Passage(String id, String title, String lang, String mediaType, String subject, String level,
      Instant created, String text) {
    /** The organisation a passage's language suggests. */
    public String organisation() {
      return lang.equals("fa") ? "khuzestan-tvto" : "maysan-vtc";
    }
  }

  private final List<String> faSentences;
  private final List<String> arSentences;
  private final int count;

  private SyntheticCorpus(List<String> fa, List<String> ar, int count) {
    this.faSentences = fa;
    this.arSentences = ar;
    this.count = count;
  }

  /** {@code count} passages from the sentences of the retrieval data folder. */
  public static SyntheticCorpus of(Path retrievalDir, int count) throws IOException {
    return new SyntheticCorpus(sentences(retrievalDir.resolve("fa/passages.jsonl")),
        sentences(retrievalDir.resolve("ar/passages.jsonl")), count);
  }

  public int count() {
    return count;
  }

  public int faSentences() {
    return faSentences.size();
  }

  public int arSentences() {
    return arSentences.size();
  }

  @Override
  public Iterator<Passage> iterator() {
    return new Iterator<>() {
      int i = 0;

      @Override
      public boolean hasNext() {
        return i < count;
      }

      @Override
      public Passage next() {
        return passage(i++);
      }
    };
  }

  public Passage passage(int i) {
    Random random = new Random(SEED * 31 + i);
    boolean fa = i % 2 == 0;
    List<String> sentences = fa ? faSentences : arSentences;
    int target = 1000 + random.nextInt(2000);
    StringBuilder text = new StringBuilder(target + 400);
    while (text.length() < target) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(sentences.get(random.nextInt(sentences.size())));
    }
    String[] words = sentences.get(random.nextInt(sentences.size())).split("\\s+");
    String title = String.join(" ", Arrays.copyOf(words, Math.min(words.length, 3 + random.nextInt(5))))
        .replace("null", "").strip();
    String[] subjects = fa ? FA_SUBJECTS : AR_SUBJECTS;
    return new Passage("p" + i, title.isEmpty() ? "p" + i : title, fa ? "fa" : "ar", MEDIA[random.nextInt(MEDIA.length)],
        subjects[random.nextInt(subjects.length)], LEVELS[random.nextInt(LEVELS.length)],
        EPOCH.plusSeconds(60L * i), text.toString());
  }

  /** The real queries of one language's retrieval set ({@code <dir>/<lang>/queries.jsonl}). */
  public static List<String> queries(Path retrievalDir, String lang) throws IOException {
    return jsonLines(retrievalDir.resolve(lang).resolve("queries.jsonl")).stream().map(o -> o.getString("query")).toList();
  }

  private static List<String> sentences(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonObject o : jsonLines(file)) {
      for (String s : SENTENCE_END.split(o.getString("text"))) {
        String t = s.strip();
        if (t.length() >= 20) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static List<JsonObject> jsonLines(Path file) throws IOException {
    List<JsonObject> out = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          try (JsonReader json = Json.createReader(new StringReader(line))) {
            out.add(json.readObject());
          }
        }
      }
    }
    return out;
  }
}
