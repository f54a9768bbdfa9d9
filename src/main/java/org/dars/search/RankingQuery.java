package org.dars.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Finds the best-scoring documents among those a search has already matched, scoring each exactly
 * as the search query does but letting Lucene skip documents that cannot reach the top hits.
 *
 * <p>The search query nests its clauses: words required (a share of the units, each unit over
 * several fields), exact forms and the n-gram clause optional beside them, filters around. Lucene
 * scores such a tree by summing the scores of the leaf clauses that match, but its skipping
 * (block-max WAND) works on a flat disjunction, and under the nested required part it ends up
 * scoring nearly every match of a long question. So the ranking runs the flat disjunction of the
 * same leaf clauses, each with the product of the boosts above it: same scores up to the order of a
 * float sum. When the search matched a large share of the index, the disjunction leads, so that it
 * can skip, and a document it reaches that the search did not match (one with only a gram in
 * common, or filtered out) is passed over at collection; when it matched few, the matches lead.
 */
final class RankingQuery {

  /**
   * Below this share of the index matched, the matches lead and the disjunction only scores them;
   * above it, the disjunction leads and skips (see the class comment).
   */
  static final double LEAD_SHARE = 0.1;

  private RankingQuery() {}

  /** The best {@code n} of the documents in {@code matched}, scored as {@code query} scores them. */
  static TopDocs top(IndexSearcher searcher, Query query, MatchedDocs matched, int n) throws IOException {
    List<Query> leaves = new ArrayList<>();
    collect(query, 1f, leaves);
    TopScoreDocCollectorManager manager = new TopScoreDocCollectorManager(n, null, n);
    if (leaves.isEmpty() || leaves.size() > IndexSearcher.getMaxClauseCount()) {
      return searcher.search(query, manager);
    }
    BooleanQuery.Builder flat = new BooleanQuery.Builder();
    leaves.forEach(leaf -> flat.add(leaf, Occur.SHOULD));
    if (matched.total() < searcher.getIndexReader().maxDoc() * LEAD_SHARE) {
      // Few matches: walking them and scoring each costs less than a disjunction that would reach
      // mostly documents the search left out, whose skipping never gets going.
      return searcher.search(new BooleanQuery.Builder()
          .add(flat.build(), Occur.MUST)
          .add(matched, Occur.FILTER)
          .build(), manager);
    }
    TopScoreDocCollector collector = manager.newCollector();
    searcher.search(flat.build(), new MatchedOnly(collector, matched));
    return manager.reduce(List.of(collector));
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

  /** Passes on to the top-hits collector only the documents the search matched. */
  private static final class MatchedOnly extends FilterCollector {
    private final MatchedDocs matched;

    MatchedOnly(TopScoreDocCollector in, MatchedDocs matched) {
      super(in);
      this.matched = matched;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      DocIdSet docs = matched.docs(context);
      if (docs == null) {
        throw new CollectionTerminatedException(); // nothing matched in this segment
      }
      Bits matched = bits(docs, context.reader().maxDoc());
      return new FilterLeafCollector(super.getLeafCollector(context)) {
        @Override
        public void collect(int doc) throws IOException {
          if (matched.get(doc)) {
            in.collect(doc);
          }
        }
      };
    }

    private static Bits bits(DocIdSet docs, int maxDoc) throws IOException {
      if (docs instanceof BitDocIdSet set) {
        return set.bits();
      }
      FixedBitSet bits = new FixedBitSet(maxDoc);
      DocIdSetIterator iterator = docs.iterator();
      if (iterator != null) {
        bits.or(iterator);
      }
      return bits;
    }
  }
}
