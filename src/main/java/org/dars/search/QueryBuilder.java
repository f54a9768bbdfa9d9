package org.dars.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.dars.search.analysis.DarsAnalyzer;

/**
 * Turns a {@link UserQuery} into a Lucene query over the item fields. The whole query is analysed
 * at once, not word by word, so that a prefix typed apart ({@code می کند}) joins its verb exactly
 * as it does in documents; each token is then traced back to the unit it came from by its offset.
 *
 * <p>Each unit is searched in every field with a weight: title 3, description and metadata 1.5,
 * body text 1 (a title states what a whole item is about; one word of the body much less), and
 * each {@code _exact} twin at {@link #EXACT_SHARE} of its stemmed field, a tie-breaker in favour of
 * the forms typed that cannot outvote a stemmed match (the retrieval benchmark found an exact
 * weight at or above the stemmed one worse). A unit matches through its stemmed fields; its exact
 * twins only add to the score (every document with the exact form has the stem too), unless the
 * stem is a stop word. The character n-grams of all positive units form one more clause, weighted
 * {@link DarsAnalyzer#NGRAM_QUERY_WEIGHT}, that only ranks documents matched otherwise. So the
 * query is: the word query, required; the exact forms and the grams, optional beside it. Every
 * term query carries its statistics, looked up once, since a search runs the query in several
 * passes.
 *
 * <p>Phrases must match, excluded units must not, and words must mostly match: see {@link
 * #minimumShouldMatch(int)}.
 */
final class QueryBuilder {
  /** Weight of an {@code _exact} field relative to its stemmed twin. */
  static final float EXACT_SHARE = 0.25f;
  /** Distinct grams in the n-gram clause at most; a long query's grams beyond are dropped. */
  static final int MAX_GRAMS = 48;
  /**
   * Grams found in more than this share of the documents are left out of the n-gram clause. They
   * tell documents apart least (the lowest IDF) and cost most: their postings are the longest, and
   * every document the words match is scored against them. On the retrieval benchmark leaving them
   * out changed MRR@10 by +0.0003 (Persian) and 0.0000 (Arabic).
   */
  static final double COMMON_GRAM = 0.2;
  /** Queries of at most this many typed units are keyword queries: every word must match. */
  static final int KEYWORD_QUERY = 2;

  private static final Map<String, Float> STEMMED = Map.of(
      ItemFields.TITLE, 3f, ItemFields.DESCRIPTION, 1.5f, ItemFields.META, 1.5f, ItemFields.TEXT, 1f);
  private static final Map<String, Float> EXACT = Map.of(
      ItemFields.TITLE_EXACT, 3f * EXACT_SHARE, ItemFields.DESCRIPTION_EXACT, 1.5f * EXACT_SHARE,
      ItemFields.META_EXACT, 1.5f * EXACT_SHARE, ItemFields.TEXT_EXACT, EXACT_SHARE);

  private final Analyzer stemmed;
  private final Analyzer exact;
  private final Analyzer ngrams;

  QueryBuilder(Analyzer stemmed, Analyzer exact, Analyzer ngrams) {
    this.stemmed = stemmed;
    this.exact = exact;
    this.ngrams = ngrams;
  }

  /**
   * How many of the {@code positive} word units (or OR-groups) left after stop words a document
   * must contain, for a query of {@code typed} positive units as typed: all of them when at most
   * {@value #KEYWORD_QUERY} units were typed, otherwise one. A query of one or two words is a
   * keyword query, each word meant. Anything longer is usually a question or a sentence ("چرا
   * آمریکا لهستان را انتخاب کرد؟", "متى ولد جمال خاشقجي؟"): several of its words are framing the
   * stop list does not know, and the passage that answers it often lacks some of the others, so a
   * required share drops answers. On the retrieval benchmark any required share cost MRR@10 (fa:
   * 60% 0.59, 40% 0.69, 20% 0.76, one word 0.78), on both halves of the query set. BM25 already
   * ranks documents with more of the words, and rarer ones, first. Phrases are always required
   * ({@code required} of them here), and then, in a longer query, suffice.
   */
  static int minimumShouldMatch(int positive, int typed, int required) {
    if (typed <= KEYWORD_QUERY) {
      return positive;
    }
    return required > 0 ? 0 : Math.min(1, positive);
  }

  /** The query for what was typed; the searcher supplies the terms' statistics. */
  Query build(UserQuery userQuery, IndexSearcher searcher) {
    Objects.requireNonNull(searcher);
    List<UserQuery.Unit> units = userQuery.units();
    if (units.isEmpty()) {
      return new MatchNoDocsQuery("empty query");
    }
    StringBuilder laidOut = new StringBuilder();
    int[] starts = new int[units.size()];
    for (int i = 0; i < units.size(); i++) {
      if (i > 0) {
        // A unit boundary the joiner must not cross: phrases, exclusions and OR stay separate.
        boolean plainNeighbours = !units.get(i).phrase() && !units.get(i - 1).phrase()
            && units.get(i).negated() == units.get(i - 1).negated()
            && units.get(i).group() != units.get(i - 1).group();
        laidOut.append(plainNeighbours ? " " : " . ");
      }
      starts[i] = laidOut.length();
      laidOut.append(units.get(i).text());
    }
    List<List<Tok>> stemmedTokens = tokensPerUnit(stemmed, laidOut.toString(), starts);
    List<List<Tok>> exactTokens = tokensPerUnit(exact, laidOut.toString(), starts);

    Map<Integer, List<Query>> groups = new LinkedHashMap<>();
    Map<Integer, Boolean> quoted = new LinkedHashMap<>();
    List<Query> excluded = new ArrayList<>();
    // The exact twins of a word found by its stem only add to the score: every document with the
    // exact form has its stem too (both come from the same tokens), so they need not match.
    BooleanQuery.Builder exactForms = new BooleanQuery.Builder();
    int typed = 0;
    for (int i = 0; i < units.size(); i++) {
      UserQuery.Unit unit = units.get(i);
      if (!unit.negated()) {
        typed++;
      }
      if (stemmedTokens.get(i).isEmpty() && exactTokens.get(i).isEmpty()) {
        continue; // a stop word, punctuation, or the second half of a joined word
      }
      BooleanQuery.Builder fields = new BooleanQuery.Builder();
      boolean stems = !stemmedTokens.get(i).isEmpty();
      if (stems) {
        addFields(fields, STEMMED, stemmedTokens.get(i), searcher);
      }
      if (!stems || unit.negated()) {
        addFields(fields, EXACT, exactTokens.get(i), searcher);
      } else {
        addFields(exactForms, EXACT, exactTokens.get(i), searcher);
      }
      Query q = fields.build();
      if (unit.negated()) {
        excluded.add(q);
      } else {
        groups.computeIfAbsent(unit.group(), g -> new ArrayList<>()).add(q);
        quoted.merge(unit.group(), unit.phrase(), Boolean::logicalAnd);
      }
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int positive = 0;
    int required = 0;
    for (Map.Entry<Integer, List<Query>> group : groups.entrySet()) {
      List<Query> alternatives = group.getValue();
      Query q;
      if (alternatives.size() == 1) {
        q = alternatives.get(0);
      } else {
        BooleanQuery.Builder or = new BooleanQuery.Builder();
        alternatives.forEach(a -> or.add(a, Occur.SHOULD));
        q = or.build();
      }
      if (quoted.get(group.getKey())) {
        query.add(q, Occur.MUST); // a phrase (or phrases joined by OR) is always required
        required++;
      } else {
        query.add(q, Occur.SHOULD);
        positive++;
      }
    }
    if (positive + required == 0) {
      if (excluded.isEmpty()) {
        return new MatchNoDocsQuery("only stop words");
      }
      query.add(new MatchAllDocsQuery(), Occur.MUST);
    } else if (positive > 0) {
      query.setMinimumNumberShouldMatch(minimumShouldMatch(positive, typed, required));
    }
    excluded.forEach(q -> query.add(q, Occur.MUST_NOT));
    Query words = query.build();
    Query grams = positive + required == 0
        ? null
        : grams(units, tokensPerUnit(ngrams, laidOut.toString(), starts), searcher);
    BooleanQuery exactScores = exactForms.build();
    if (grams == null && exactScores.clauses().isEmpty()) {
      return words;
    }
    BooleanQuery.Builder ranked = new BooleanQuery.Builder().add(words, Occur.MUST);
    if (!exactScores.clauses().isEmpty()) {
      ranked.add(exactScores, Occur.SHOULD);
    }
    if (grams != null) {
      ranked.add(new BoostQuery(grams, DarsAnalyzer.NGRAM_QUERY_WEIGHT), Occur.SHOULD);
    }
    return ranked.build();
  }

  /**
   * The grams of the positive units as one disjunction; a gram occurring k times in the query
   * weighs k, as k separate clauses would. Common grams are left out (see {@link #COMMON_GRAM}).
   */
  private static Query grams(List<UserQuery.Unit> units, List<List<Tok>> gramTokens, IndexSearcher searcher) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < units.size(); i++) {
      if (units.get(i).negated()) {
        continue;
      }
      for (Tok t : gramTokens.get(i)) {
        if (counts.size() < MAX_GRAMS || counts.containsKey(t.term())) {
          counts.merge(t.term(), 1, Integer::sum);
        }
      }
    }
    if (counts.isEmpty()) {
      return null;
    }
    int common = (int) (searcher.getIndexReader().maxDoc() * COMMON_GRAM);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int kept = 0;
    for (Map.Entry<String, Integer> gram : counts.entrySet()) {
      TermQuery q = termQuery(new Term(ItemFields.TEXT_NGRAM, gram.getKey()), searcher);
      int docFreq = q.getTermStates().docFreq();
      if (docFreq == 0 || docFreq > common) {
        continue;
      }
      b.add(gram.getValue() == 1 ? q : new BoostQuery(q, gram.getValue()), Occur.SHOULD);
      kept++;
    }
    return kept == 0 ? null : b.build();
  }

  private static void addFields(BooleanQuery.Builder fields, Map<String, Float> boosts, List<Tok> tokens,
      IndexSearcher searcher) {
    if (tokens.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Float> field : boosts.entrySet()) {
      Query q;
      if (tokens.size() == 1) {
        q = termQuery(new Term(field.getKey(), tokens.get(0).term()), searcher);
      } else if (boosts == EXACT) {
        // the exact twins have no positions (ItemDocuments.SCORING_TYPE): all the words, in any order
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        tokens.forEach(t -> all.add(termQuery(new Term(field.getKey(), t.term()), searcher), Occur.MUST));
        q = all.build();
      } else {
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        int base = tokens.get(0).position();
        tokens.forEach(t -> p.add(new Term(field.getKey(), t.term()), t.position() - base));
        q = p.build();
      }
      fields.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
    }
  }

  /**
   * A term query carrying the term's statistics, looked up once: a search runs its query in several
   * passes (counts, top hits, facets, curricula), and each would otherwise look every term up in
   * every segment again.
   */
  private static TermQuery termQuery(Term term, IndexSearcher searcher) {
    try {
      return new TermQuery(term, TermStates.build(searcher, term, true));
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the search index failed", e);
    }
  }

  private record Tok(String term, int position) {}

  private static List<List<Tok>> tokensPerUnit(Analyzer analyzer, String text, int[] starts) {
    List<List<Tok>> perUnit = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      perUnit.add(new ArrayList<>());
    }
    try (TokenStream ts = analyzer.tokenStream(ItemFields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        int unit = unitAt(starts, offset.startOffset());
        perUnit.get(unit).add(new Tok(term.toString(), position));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Analysing a query in memory failed", e);
    }
    return perUnit;
  }

  private static int unitAt(int[] starts, int offset) {
    int unit = 0;
    for (int i = 0; i < starts.length; i++) {
      if (starts[i] <= offset) {
        unit = i;
      }
    }
    return unit;
  }
}
