package org.dars.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Applies {@link DarsNormalizer} to each token. Tokens that fold to nothing (a lone tatweel or
 * diacritic) are dropped and their position increment is carried to the next token.
 */
final class DarsNormalizationFilter extends TokenFilter {

  private final boolean keepZwnj;
  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);

  /**
   * @param keepZwnj keep a single ZWNJ inside a token for {@link DarsAffixJoinFilter}
   */
  DarsNormalizationFilter(TokenStream input, boolean keepZwnj) {
    super(input);
    this.keepZwnj = keepZwnj;
  }

  @Override
  public boolean incrementToken() throws IOException {
    int skippedPositions = 0;
    while (input.incrementToken()) {
      int len = DarsNormalizer.normalize(termAtt.buffer(), termAtt.length(), keepZwnj);
      if (len > 0) {
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
