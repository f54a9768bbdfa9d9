package org.dars.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.dars.security.ReadScope;

/**
 * The access rule of {@code security.Access.canRead}, as an index filter. Every search, facet
 * count, total, suggestion and spelling check runs under it, so a document the caller may not read
 * is not merely hidden from the hit list: it counts for nothing at all.
 */
final class AccessFilter {
  private static final String PUBLISHED = "published";

  private AccessFilter() {}

  static void index(Document doc, IndexedAccess access) {
    doc.add(new StringField(ItemFields.ACCESS_OWNER, access.owner(), Field.Store.NO));
    doc.add(new StringField(ItemFields.ACCESS_VISIBILITY, access.visibility(), Field.Store.NO));
    doc.add(new StringField(ItemFields.ACCESS_REVIEW, access.review(), Field.Store.NO));
  }

  static Query of(ReadScope scope) {
    if (scope.everything()) {
      return new MatchAllDocsQuery();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    boolean some = false;
    if (scope.organisation().isPresent()) {
      Query own = term(ItemFields.ACCESS_OWNER, scope.organisation().get().value());
      any.add(scope.organisationDrafts() ? own : both(own, term(ItemFields.ACCESS_REVIEW, PUBLISHED)), Occur.SHOULD);
      some = true;
    }
    if (scope.partners()) {
      any.add(both(term(ItemFields.ACCESS_VISIBILITY, "partners"), term(ItemFields.ACCESS_REVIEW, PUBLISHED)), Occur.SHOULD);
      some = true;
    }
    if (scope.publicContent()) {
      any.add(both(term(ItemFields.ACCESS_VISIBILITY, "public"), term(ItemFields.ACCESS_REVIEW, PUBLISHED)), Occur.SHOULD);
      some = true;
    }
    return some ? any.build() : new MatchNoDocsQuery("the caller reads nothing");
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }

  private static Query both(Query a, Query b) {
    return new BooleanQuery.Builder().add(a, Occur.FILTER).add(b, Occur.FILTER).build();
  }
}
