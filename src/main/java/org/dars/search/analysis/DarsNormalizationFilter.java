package org.dars.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Applies {@link DarsNormalizer} to each token. In the token chain, tokens that fold to nothing (a
 * lone tatweel or diacritic) are dropped and their position increment is carried to the next token;
 * for {@link DarsAnalyzer#normalize(String, String)}, which must return exactly one token, they are
 * kept empty.
 */
final class DarsNormalizationFilter extends TokenFilter {

  private final boolean keepZwnj;
  private final boolean dropEmpty;
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);

  /**
   * @param keepZwnj keep a single ZWNJ inside a token for {@link DarsAffixJoinFilter}
   * @param dropEmpty drop tokens that fold to nothing
   */
  DarsNormalizationFilter(TokenStream input, boolean keepZwnj, boolean dropEmpty) {
    super(input);
    this.keepZwnj = keepZwnj;
    this.dropEmpty = dropEmpty;
  }

  @Override
  public boolean incrementToken() throws IOException {
    int skippedPositions = 0;
    while (input.incrementToken()) {
      int len = DarsNormalizer.normalize(termAtt.buffer(), termAtt.length(), keepZwnj);
      if (len > 0 || !dropEmpty) {
        termAtt.setLength(len);
        if (skippedPositions > 0) {
          posIncAtt.setPositionIncrement(posIncAtt.getPositionIncrement() + skippedPositions);
        }
        return true;
      }
      skippedPositions += posIncAtt.getPositionIncrement();
    }
    return false;
  }
}
