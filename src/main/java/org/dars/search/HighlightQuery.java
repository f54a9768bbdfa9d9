package org.dars.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The part of a search query that can mark words in one field, for the highlighter.
 *
 * <p>The highlighter asks the query's weight for the matches of each hit, and only then keeps those
 * in the highlighted field. A text query has a clause per field and per word, and one per
 * character n-gram, so most of that work (looking up every term of every field, once more for each
 * hit) was thrown away; it was about half the time of a search. Only clauses that touch the field
 * are kept, and all of them become optional: a hit matched the whole query already, so the union of
 * its matches in this field is what the full query's matches gave there. Excluded words never mark
 * anything and are dropped.
 */
final class HighlightQuery {
  private HighlightQuery() {}

  static Query of(Query query, String field) {
    Query kept = keep(query, field);
    return kept == null ? new MatchNoDocsQuery("no clause on " + field) : kept;
  }

  private static Query keep(Query query, String field) {
    if (query instanceof BoostQuery boost) {
      return keep(boost.getQuery(), field);
    }
    if (query instanceof BooleanQuery bool) {
      List<Query> kept = new ArrayList<>();
      for (BooleanClause clause : bool) {
        if (clause.getOccur() != Occur.MUST_NOT) {
          Query q = keep(clause.getQuery(), field);
          if (q != null) {
            kept.add(q);
          }
        }
      }
      if (kept.size() <= 1) {
        return kept.isEmpty() ? null : kept.get(0);
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      kept.forEach(q -> b.add(q, Occur.SHOULD));
      return b.build();
    }
    return touches(query, field) ? query : null;
  }

  private static boolean touches(Query query, String field) {
    boolean[] found = {false};
    query.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String f) {
        found[0] |= field.equals(f);
        return false;
      }
    });
    return found[0];
  }
}
