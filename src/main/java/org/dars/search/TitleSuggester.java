package org.dars.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.dars.search.analysis.SearchTextNormalizer;

/**
 * Title autocompletion from the main index: every word typed so far must begin some word of the
 * title, compared after the same folding as search ({@code SearchTextNormalizer}), so {@code كيفيت}
 * typed with Arabic letters completes {@code کیفیت}. Living in the main index, suggestions appear
 * and disappear with the items themselves: near-real-time, and never a deleted item.
 */
final class TitleSuggester {
  static final int MAX_TYPED = 200;
  private static final int MAX_WORDS = 10;

  private final Analyzer words = TitlePrefixAnalyzer.query();

  /** Titles the caller may read ({@code allowed}) that complete what was typed. */
  List<Suggestion> suggest(IndexSearcher searcher, String typed, int size, Query allowed) throws IOException {
    if (typed == null || typed.isBlank()) {
      return List.of();
    }
    String cut = typed.length() > MAX_TYPED ? typed.substring(0, MAX_TYPED) : typed;
    List<String> prefixes = prefixes(SearchTextNormalizer.normalize(Snippets.stripControls(cut)));
    if (prefixes.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    prefixes.forEach(p -> query.add(new TermQuery(new Term(ItemFields.TITLE_PREFIX, p)), Occur.MUST));
    query.add(allowed, Occur.FILTER);
    TopDocs top = searcher.search(query.build(), size,
        new Sort(SortField.FIELD_SCORE, new SortField(ItemFields.TITLE_SORT, SortField.Type.STRING)));
    List<Suggestion> suggestions = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      Document doc = searcher.storedFields().document(sd.doc);
      suggestions.add(new Suggestion(doc.get(ItemFields.ID), doc.get(ItemFields.TITLE)));
    }
    return suggestions;
  }

  private List<String> prefixes(String folded) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = words.tokenStream(ItemFields.TITLE_PREFIX, folded)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && out.size() < MAX_WORDS) {
        String t = term.toString();
        if (t.codePointCount(0, t.length()) > TitlePrefixAnalyzer.MAX_PREFIX) {
          t = t.substring(0, t.offsetByCodePoints(0, TitlePrefixAnalyzer.MAX_PREFIX));
        }
        out.add(t);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Analysing typed text in memory failed", e);
    }
    return out;
  }
}
