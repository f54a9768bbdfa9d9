package org.dars.search.analysis;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Makes the three spellings of a Persian affixed word, with ZWNJ, with a space and with no
 * separator, produce the same token.
 *
 * <p>Input tokens are folded by {@link DarsNormalizationFilter} with their ZWNJ kept. A token that
 * is exactly a detached prefix ({@code می}, {@code نمی}, {@code بی}) is joined to the following
 * token, and a following token that is exactly a detached suffix ({@link PersianAffixes}) is joined
 * to the current one, as if the space had been a ZWNJ. Tokens are only joined when they are
 * adjacent: consecutive positions and at most {@value #MAX_GAP} characters apart.
 *
 * <p>The (possibly joined) text is then split at its ZWNJs and affixes are glued back with {@link
 * PersianAffixes#glue}. One part gives one token without ZWNJ. Several parts are a compound ({@code
 * بین‌المللی}): the whole word without ZWNJ is emitted, followed by each part stacked at the same
 * position, so the compound written solid, with ZWNJ or with a space still shares terms.
 */
final class DarsAffixJoinFilter extends TokenFilter {

  /** Largest number of characters between two tokens that may be joined (a space or two). */
  static final int MAX_GAP = 2;

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posIncAtt =
      addAttribute(PositionIncrementAttribute.class);

  /**
   * Copies of this stream's attributes, made once and reused: {@link #current} holds the token
   * being decided while the next one is read, {@link #next} the token read ahead. Copying values
   * into them allocates nothing, where capturing a state per token would clone every attribute.
   */
  private AttributeSource current;
  private AttributeSource next;
  private boolean hasLookahead;
  private String lookaheadTerm;
  private int lookaheadStart;
  private int lookaheadEnd;
  private int lookaheadPosInc;
  private boolean inputDone;

  private List<String> parts;
  private int partIndex;
  private State partState;

  DarsAffixJoinFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (parts != null) {
      if (partIndex < parts.size()) {
        restoreState(partState);
        termAtt.setEmpty().append(parts.get(partIndex++));
        posIncAtt.setPositionIncrement(0);
        return true;
      }
      parts = null;
      partState = null;
    }
    if (hasLookahead) {
      next.copyTo(this);
      hasLookahead = false;
    } else if (inputDone || !input.incrementToken()) {
      inputDone = true;
      return false;
    }

    StringBuilder text = new StringBuilder(termAtt);
    int end = offsetAtt.endOffset();
    if (PersianAffixes.isPrefix(text)
        && peek()
        && adjacent(end)
        && PersianAffixes.isArabicLetter(lookaheadTerm.codePointAt(0))
        && !PersianAffixes.isPrefix(lookaheadTerm)) {
      text.append(DarsNormalizer.ZWNJ).append(lookaheadTerm);
      end = lookaheadEnd;
      hasLookahead = false;
    }
    while (peek()
        && adjacent(end)
        && PersianAffixes.isSuffix(lookaheadTerm, text.charAt(text.length() - 1))) {
      text.append(DarsNormalizer.ZWNJ).append(lookaheadTerm);
      end = lookaheadEnd;
      hasLookahead = false;
    }
    if (end != offsetAtt.endOffset()) {
      offsetAtt.setOffset(offsetAtt.startOffset(), end);
    }
    if (text.indexOf(String.valueOf(DarsNormalizer.ZWNJ)) < 0) {
      return true;
    }
    List<String> units = PersianAffixes.glue(text);
    termAtt.setEmpty();
    for (String unit : units) {
      termAtt.append(unit);
    }
    if (units.size() > 1) {
      parts = units;
      partIndex = 0;
      partState = captureState();
    }
    return true;
  }

  private boolean adjacent(int end) {
    return lookaheadPosInc == 1 && lookaheadStart >= end && lookaheadStart - end <= MAX_GAP;
  }

  /** Reads the next input token into the lookahead, leaving the current attributes untouched. */
  private boolean peek() throws IOException {
    if (hasLookahead) {
      return true;
    }
    if (inputDone) {
      return false;
    }
    if (current == null) {
      // made at the first read, when every consumer has added its attributes
      current = cloneAttributes();
      next = cloneAttributes();
    }
    copyTo(current);
    boolean found = input.incrementToken();
    if (found) {
      copyTo(next);
      hasLookahead = true;
      lookaheadTerm = termAtt.toString();
      lookaheadStart = offsetAtt.startOffset();
      lookaheadEnd = offsetAtt.endOffset();
      lookaheadPosInc = posIncAtt.getPositionIncrement();
    } else {
      inputDone = true;
    }
    current.copyTo(this);
    return found;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    hasLookahead = false;
    lookaheadTerm = null;
    current = null; // a new consumer may have added attributes
    next = null;
    inputDone = false;
    parts = null;
    partState = null;
    partIndex = 0;
  }
}
