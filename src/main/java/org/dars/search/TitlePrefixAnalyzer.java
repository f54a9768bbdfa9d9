package org.dars.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Index-side analysis of {@link ItemFields#TITLE_PREFIX}: the title arrives already folded by
 * {@code SearchTextNormalizer}, is split into words, and each word is indexed with all its
 * prefixes, so that a partly typed word matches with a single term lookup. Query side, the typed
 * text goes through the same normaliser and tokenizer but not the n-grams.
 */
final class TitlePrefixAnalyzer extends Analyzer {
  static final int MAX_PREFIX = 20;

  private final boolean grams;

  private TitlePrefixAnalyzer(boolean grams) {
    this.grams = grams;
  }

  static TitlePrefixAnalyzer index() {
    return new TitlePrefixAnalyzer(true);
  }

  static TitlePrefixAnalyzer query() {
    return new TitlePrefixAnalyzer(false);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = source;
    if (grams) {
      result = new EdgeNGramTokenFilter(result, 1, MAX_PREFIX, true);
    }
    return new TokenStreamComponents(source, result);
  }
}
