package org.dars.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.dars.search.analysis.DarsAnalyzer;

/** Runs people's queries against the index, with exact totals and highlighted snippets. */
@ApplicationScoped
public class SearchService {
  private static final int SNIPPET_CHARS = 240;

  @Inject SearchIndex index;

  private final QueryBuilder queries = new QueryBuilder(DarsAnalyzer.stemmed(), DarsAnalyzer.exact());

  public SearchResult search(String q, int page, int size) {
    Query query = queries.build(UserQuery.parse(q));
    try {
      IndexSearcher searcher = index.acquire();
      try {
        TopScoreDocCollector collector = TopScoreDocCollector.create((page + 1) * size, Integer.MAX_VALUE);
        searcher.search(query, collector);
        TopDocs top = collector.topDocs(page * size, size);
        String[] snippets = snippets(searcher, query, top);
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < top.scoreDocs.length; i++) {
          ScoreDoc sd = top.scoreDocs[i];
          Document doc = searcher.storedFields().document(sd.doc);
          String snippet = snippets[i] != null ? snippets[i] : lead(doc.get(ItemFields.TEXT));
          hits.add(new SearchHit(
              doc.get(ItemFields.ID),
              doc.getField(ItemFields.VERSION).numericValue().intValue(),
              doc.get(ItemFields.TITLE),
              snippet,
              Arrays.asList(doc.getValues(ItemFields.LANGUAGE)),
              doc.get(ItemFields.MEDIA_TYPE),
              sd.score));
        }
        return new SearchResult(collector.getTotalHits(), page, size, hits);
      } finally {
        index.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the search index failed", e);
    }
  }

  private String[] snippets(IndexSearcher searcher, Query query, TopDocs top) throws IOException {
    if (top.scoreDocs.length == 0) {
      return new String[0];
    }
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.queryAnalyzer())
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .withMaxLength(200_000)
        .withFieldMatcher(field -> field.equals(ItemFields.TEXT))
        .build();
    return highlighter.highlight(ItemFields.TEXT, query, top, 2);
  }

  /** The start of the text, escaped, for hits whose match was not in the text. */
  private static String lead(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String cut = text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) + "…" : text;
    StringBuilder escaped = new StringBuilder(cut.length());
    for (char c : cut.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#x27;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
