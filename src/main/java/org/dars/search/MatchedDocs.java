package org.dars.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
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
 * The documents a {@link FacetsCollector} collected, as a query without scores: a search that has
 * matched its text once narrows that set by filters, or ranks within it, without reading the
 * text's postings again. Valid only with the searcher that collected them.
 */
final class MatchedDocs extends Query {
  private final Map<Integer, DocIdSet> byLeaf = new HashMap<>();
  private final long total;

  MatchedDocs(FacetsCollector matched) {
    for (FacetsCollector.MatchingDocs docs : matched.getMatchingDocs()) {
      byLeaf.put(docs.context.ord, docs.bits);
    }
    total = total(matched);
  }

  /** How many documents a collector collected. */
  static long total(FacetsCollector matched) {
    long total = 0;
    for (FacetsCollector.MatchingDocs docs : matched.getMatchingDocs()) {
      total += docs.totalHits;
    }
    return total;
  }

  long total() {
    return total;
  }

  /** The documents matched in one segment of the searcher that collected them, or null. */
  DocIdSet docs(LeafReaderContext context) {
    return byLeaf.get(context.ord);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        DocIdSet docs = docs(context);
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
    return "matched documents";
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
