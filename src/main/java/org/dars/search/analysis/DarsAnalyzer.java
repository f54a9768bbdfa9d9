package org.dars.search.analysis;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import java.io.StringReader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.sinks.TeeSinkTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The Dars analysis chain for Persian, Arabic and mixed text, used unchanged at index and at query
 * time. {@link #stemmed()} feeds the main {@code text} field, {@link #exact()} (the same chain
 * without the stemmer) the {@code text_exact} field beside it, so that a document using the
 * query's exact forms ranks above one that only shares stems, and {@link #ngrams()} (the stemmed
 * chain cut into character n-grams) an optional {@code text_ngram} field queried with a low weight,
 * so that related forms the stemmer does not conflate still count a little.
 *
 * <p>The chain, and why it is in this order:
 *
 * <ol>
 *   <li>{@code ICUNormalizer2CharFilter} with plain NFKC, before tokenising, so presentation forms
 *       and ligatures ({@code ﻻ}, {@code ﷲ}, which may expand to several words) are split by the
 *       tokenizer like ordinary text. Plain NFKC, not NFKC_Casefold: the latter deletes the ZWNJ,
 *       which must survive until the affix joiner has seen it.
 *   <li>A {@code MappingCharFilter} turning {@code U+00AC} (Word's old stand-in for ZWNJ) into ZWNJ,
 *       also before tokenising, because the tokenizer would split at the symbol but keeps ZWNJ
 *       inside a word.
 *   <li>{@code StandardTokenizer} (UAX#29): ZWNJ, ZWJ, harakat and bidi marks are word-internal, so
 *       {@code می‌کند} arrives as one token.
 *   <li>{@link DarsNormalizationFilter}: letter, hamza, digit, diacritic and control-character
 *       folding and lowercasing, keeping a single ZWNJ. It precedes the joiner because the joiner
 *       recognises affixes by their folded spelling ({@code مي} and {@code می} alike).
 *   <li>{@link DarsAffixJoinFilter}: joins detached prefixes/suffixes and resolves ZWNJ, so the
 *       ZWNJ, space and solid spellings give the same token(s).
 *   <li>{@code StopFilter} with the combined Persian and Arabic list, folded the same way. Only now,
 *       after joining: run earlier it would delete the {@code می} of {@code می کند}.
 *   <li>{@link DarsStemFilter} (stemmed variant only): last, because its rules are written for
 *       folded, joined words; then the stop set once more, since a stem can itself be a stop word
 *       ({@code میشود} → {@code شود}). The exact field keeps the full form.
 *   <li>{@code NGramTokenFilter} ({@link #ngrams()} variant only): the {@value #NGRAM_MIN}- to
 *       {@value #NGRAM_MAX}-letter grams of each stem, for a third, low-weighted field. A light
 *       stemmer only removes the affixes it is sure of; the grams let forms that share a long
 *       stretch of letters meet partially: Arabic derived forms and verb prefixes the stemmer
 *       leaves alone ({@code يتزوج}/{@code تزوج}, {@code مستخدم}/{@code استخدام}) and compounds
 *       written solid ({@code دانشآموز}/{@code دانش}). After the stemmer, so that common affixes do
 *       not produce grams of their own that every document shares.
 * </ol>
 *
 * {@link #onePass(String)} gives the three variants of one text from a single run of steps 1–6,
 * for indexing: the char filters and the tokenizer are most of the cost of analysis.
 *
 * <p>{@link #normalize(String, TokenStream)} (used for wildcard, prefix and fuzzy query terms) applies
 * the same character filters and folding, without the ZWNJ.
 */
public final class DarsAnalyzer extends Analyzer {

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final NormalizeCharMap NOT_SIGN_AS_ZWNJ = buildCharMap();

  /** Shortest character n-gram of the {@link #ngrams()} variant. */
  public static final int NGRAM_MIN = 3;

  /** Longest character n-gram of the {@link #ngrams()} variant. */
  public static final int NGRAM_MAX = 4;

  /**
   * Suggested query weight of the n-gram field relative to the stemmed field (weight 1). Many grams
   * match per query word, so the field must stay a tie-breaker that cannot outvote whole-word
   * matches.
   */
  public static final float NGRAM_QUERY_WEIGHT = 0.1f;

  private final boolean stem;
  private final boolean ngrams;

  private DarsAnalyzer(boolean stem, boolean ngrams) {
    this.stem = stem;
    this.ngrams = ngrams;
  }

  /** The full chain with light Persian/Arabic stemming, for the main text field. */
  public static DarsAnalyzer stemmed() {
    return new DarsAnalyzer(true, false);
  }

  /** The same chain without stemming, for the exact-form field. */
  public static DarsAnalyzer exact() {
    return new DarsAnalyzer(false, false);
  }

  /**
   * The stemmed chain followed by character n-grams of each stem, for a low-weighted field beside
   * the stemmed and exact ones (see {@link #NGRAM_QUERY_WEIGHT}). Stems shorter than {@value
   * #NGRAM_MIN} letters give no gram; they are matched by the other two fields.
   */
  public static DarsAnalyzer ngrams() {
    return new DarsAnalyzer(true, true);
  }

  private static NormalizeCharMap buildCharMap() {
    NormalizeCharMap.Builder builder = new NormalizeCharMap.Builder();
    builder.add(String.valueOf(DarsNormalizer.NOT_SIGN), String.valueOf(DarsNormalizer.ZWNJ));
    return builder.build();
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new MappingCharFilter(NOT_SIGN_AS_ZWNJ, new ICUNormalizer2CharFilter(reader, NFKC));
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return initReader(fieldName, reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = exactChain(source);
    if (stem) {
      result = stemTail(result);
    }
    if (ngrams) {
      result = ngramTail(result);
    }
    return new TokenStreamComponents(source, result);
  }

  /** Steps 3–6: what {@link #exact()} produces from the tokenizer's output. */
  private static TokenStream exactChain(Tokenizer source) {
    TokenStream result = new DarsNormalizationFilter(source, true, true);
    result = new DarsAffixJoinFilter(result);
    return new StopFilter(result, DarsStopWords.STOP_SET);
  }

  /** Step 7: the exact tokens stemmed, then stop words that stems became removed. */
  private static TokenStream stemTail(TokenStream exact) {
    return new StopFilter(new DarsStemFilter(exact), DarsStopWords.STOP_SET);
  }

  /** Step 8: the stems cut into grams. */
  private static TokenStream ngramTail(TokenStream stemmed) {
    return new NGramTokenFilter(stemmed, NGRAM_MIN, NGRAM_MAX, false);
  }

  /**
   * The {@link #exact()}, {@link #stemmed()} and {@link #ngrams()} token streams of one text,
   * produced by a single pass of the char filters, tokenizer, folding, joiner and stop filter: the
   * exact stream records each token's state as it is consumed, and the other two replay those states
   * through the stemmer (and the n-gram filter). The tokens are exactly those of the three
   * analyzers.
   *
   * <p>Consume {@link OnePass#exact()} completely first, then the other two, each once; this is the
   * order in which an index writer inverts the fields of a document that lists them in that order.
   * The recorded states stay in memory until the object is dropped (some hundred bytes per token),
   * so use this for texts of ordinary size and the analyzers for very long ones.
   */
  public static OnePass onePass(String text) {
    return new OnePass(text);
  }

  /** See {@link #onePass(String)}. */
  public static final class OnePass {
    private final TeeSinkTokenFilter exact;

    private OnePass(String text) {
      Tokenizer source = new StandardTokenizer();
      source.setReader(charFilters(text));
      exact = new TeeSinkTokenFilter(exactChain(source));
    }

    /** The exact tokens; consume this first. */
    public TokenStream exact() {
      return exact;
    }

    /**
     * The stemmed tokens, replayed from {@link #exact()}. Call after consuming it: the replaying
     * stream copies the attributes its consumer added to the exact stream, which the recorded
     * states carry.
     */
    public TokenStream stemmed() {
      return stemTail(exact.newSinkTokenStream());
    }

    /** The n-grams of the stems, replayed from {@link #exact()}; call after consuming it. */
    public TokenStream ngrams() {
      return ngramTail(stemTail(exact.newSinkTokenStream()));
    }
  }

  /**
   * Steps 1 and 2 for a text at hand: each filter only where it changes something. Most texts are
   * NFKC already and have no {@code U+00AC}, and a character filter that changes nothing still
   * costs a buffered copy of the text; skipping it gives the same characters and offsets.
   */
  static Reader charFilters(String text) {
    Reader reader = new StringReader(text);
    if (!NFKC.isNormalized(text)) {
      return new MappingCharFilter(NOT_SIGN_AS_ZWNJ, new ICUNormalizer2CharFilter(reader, NFKC));
    }
    return text.indexOf(DarsNormalizer.NOT_SIGN) < 0 ? reader : new MappingCharFilter(NOT_SIGN_AS_ZWNJ, reader);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new DarsNormalizationFilter(in, false, false);
  }
}
