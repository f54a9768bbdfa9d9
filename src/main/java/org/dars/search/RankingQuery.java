package org.dars.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * The query that ranks the documents a search has already matched, scoring each exactly as the
 * search query does but letting the collector skip documents that cannot reach the top hits.
 *
 * <p>The search query nests its clauses: words required (a share of the units, each unit over
 * several fields), the n-gram clause optional beside them, filters around. Lucene scores such a
 * tree by summing the scores of the leaf clauses that match, but its skipping (block-max WAND)
 * works on a flat disjunction, and under the nested required part it ends up scoring nearly every
 * match of a long question. So the ranking query is the flat disjunction of the same leaf clauses,
 * each with the product of the boosts above it, restricted to the documents the first pass
 * collected: same matches, same scores up to the order of a float sum, far fewer scored.
 */
final class RankingQuery {

  private RankingQuery() {}

  /** {@code query} flattened and restricted to {@code matched}, or {@code query} if it has no leaves to rank by. */
  static Query of(Query query, FacetsCollector matched) {
    List<Query> leaves = new ArrayList<>();
    collect(query, 1f, leaves);
    if (leaves.isEmpty() || leaves.size() > IndexSearcher.getMaxClauseCount()) {
      return query;
    }
    BooleanQuery.Builder flat = new BooleanQuery.Builder();
    leaves.forEach(leaf -> flat.add(leaf, Occur.SHOULD));
    return new BooleanQuery.Builder()
        .add(flat.build(), Occur.MUST)
        .add(new CollectedDocs(matched), Occur.FILTER)
        .build();
  }

  /** The clauses that add to the score: required and optional ones, not filters or exclusions. */
  private static void collect(Query query, float boost, List<Query> leaves) {
    if (query instanceof BoostQuery boosted) {
      collect(boosted.getQuery(), boost * boosted.getBoost(), leaves);
    } else if (query instanceof BooleanQuery bool) {
      for (BooleanClause clause : bool) {
        if (clause.getOccur() == Occur.MUST || clause.getOccur() == Occur.SHOULD) {
          collect(clause.getQuery(), boost, leaves);
        }
      }
    } else {
      leaves.add(boost == 1f ? query : new BoostQuery(query, boost));
    }
  }

  /** The documents a {@link FacetsCollector} collected from the same searcher, with no score. */
  private static final class CollectedDocs extends Query {
    private final Map<Integer, DocIdSet> byLeaf = new HashMap<>();

    CollectedDocs(FacetsCollector matched) {
      for (FacetsCollector.MatchingDocs docs : matched.getMatchingDocs()) {
        byLeaf.put(docs.context.ord, docs.bits);
      }
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
      return new ConstantScoreWeight(this, boost) {
        @Override
        public Scorer scorer(LeafReaderContext context) throws IOException {
          DocIdSet docs = byLeaf.get(context.ord);
          DocIdSetIterator iterator = docs == null ? null : docs.iterator();
          return iterator == null ? null : new ConstantScoreScorer(this, score(), scoreMode, iterator);
        }

        @Override
        public boolean isCacheable(LeafReaderContext context) {
          return false; // valid for one search only
        }
      };
    }

    @Override
    public void visit(QueryVisitor visitor) {
      visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
      return "collected documents";
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }
}
