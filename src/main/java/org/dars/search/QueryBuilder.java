package org.dars.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link UserQuery} into a Lucene query over the item fields. The whole query is analysed
 * at once, not word by word, so that a prefix typed apart ({@code می کند}) joins its verb exactly
 * as it does in documents; each token is then traced back to the unit it came from by its offset.
 * Words must mostly match (all of one or two, 60% of more), phrases must match, excluded units must
 * not.
 */
final class QueryBuilder {
  private static final Map<String, Float> STEMMED = Map.of(
      ItemFields.TITLE, 3f, ItemFields.DESCRIPTION, 1.5f, ItemFields.META, 1.5f, ItemFields.TEXT, 1f);
  private static final Map<String, Float> EXACT = Map.of(
      ItemFields.TITLE_EXACT, 4f, ItemFields.DESCRIPTION_EXACT, 2f, ItemFields.META_EXACT, 2f, ItemFields.TEXT_EXACT, 1.3f);

  private final Analyzer stemmed;
  private final Analyzer exact;

  QueryBuilder(Analyzer stemmed, Analyzer exact) {
    this.stemmed = stemmed;
    this.exact = exact;
  }

  Query build(UserQuery userQuery) {
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
    List<Query> excluded = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      UserQuery.Unit unit = units.get(i);
      if (stemmedTokens.get(i).isEmpty() && exactTokens.get(i).isEmpty()) {
        continue; // a stop word, punctuation, or the second half of a joined word
      }
      BooleanQuery.Builder fields = new BooleanQuery.Builder();
      addFields(fields, STEMMED, stemmedTokens.get(i));
      addFields(fields, EXACT, exactTokens.get(i));
      Query q = fields.build();
      if (unit.negated()) {
        excluded.add(q);
      } else {
        groups.computeIfAbsent(unit.group(), g -> new ArrayList<>()).add(q);
      }
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int positive = 0;
    for (List<Query> alternatives : groups.values()) {
      if (alternatives.size() == 1) {
        query.add(alternatives.get(0), Occur.SHOULD);
      } else {
        BooleanQuery.Builder or = new BooleanQuery.Builder();
        alternatives.forEach(a -> or.add(a, Occur.SHOULD));
        query.add(or.build(), Occur.SHOULD);
      }
      positive++;
    }
    if (positive == 0) {
      if (excluded.isEmpty()) {
        return new MatchNoDocsQuery("only stop words");
      }
      query.add(new MatchAllDocsQuery(), Occur.MUST);
    } else {
      query.setMinimumNumberShouldMatch(positive <= 2 ? positive : (int) Math.ceil(positive * 0.6));
    }
    excluded.forEach(q -> query.add(q, Occur.MUST_NOT));
    return query.build();
  }

  private static void addFields(BooleanQuery.Builder fields, Map<String, Float> boosts, List<Tok> tokens) {
    if (tokens.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Float> field : boosts.entrySet()) {
      Query q;
      if (tokens.size() == 1) {
        q = new TermQuery(new Term(field.getKey(), tokens.get(0).term()));
      } else {
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        int base = tokens.get(0).position();
        tokens.forEach(t -> p.add(new Term(field.getKey(), t.term()), t.position() - base));
        q = p.build();
      }
      fields.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
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
