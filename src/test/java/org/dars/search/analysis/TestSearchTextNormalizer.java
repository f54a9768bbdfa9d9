package org.dars.search.analysis;

import org.apache.lucene.tests.util.LuceneTestCase;

/** The character-level folding on its own, one case per test. */
public class TestSearchTextNormalizer extends LuceneTestCase {

  public void testRemovesZwnjAsJoiner() {
    assertEquals("میکند", SearchTextNormalizer.normalize("می\u200Cکند"));
  }

  public void testKeepsSpaceBetweenWords() {
    assertEquals("می کند", SearchTextNormalizer.normalize("می کند"));
  }

  public void testTreatsNotSignAsZwnj() {
    assertEquals("میکند", SearchTextNormalizer.normalize("می\u00ACکند"));
  }

  public void testFoldsYehAndKaf() {
    assertEquals("کی", SearchTextNormalizer.normalize("كي"));
  }

  public void testMakesAllMasulSpellingsEqual() {
    String expected = SearchTextNormalizer.normalize("مسوول");
    assertEquals(expected, SearchTextNormalizer.normalize("مسئول"));
    assertEquals(expected, SearchTextNormalizer.normalize("مسؤول"));
  }

  public void testFoldsLigaturesWithNfkc() {
    assertEquals("لا الله", SearchTextNormalizer.normalize("ﻻ ﷲ"));
  }

  public void testFoldsDigits() {
    assertEquals("123 456", SearchTextNormalizer.normalize("۱۲۳ ٤٥٦"));
  }

  public void testRemovesDiacriticsTatweelAndControls() {
    assertEquals("کتاب", SearchTextNormalizer.normalize("\u200Fكِتـــاب\uFEFF"));
  }

  public void testLowercasesLatin() {
    assertEquals("iran", SearchTextNormalizer.normalize("IRAN"));
  }

  public void testAgreesWithAnalyzerTokenForAffixedWord() throws Exception {
    try (DarsAnalyzer analyzer = DarsAnalyzer.exact()) {
      String token = analyzer.normalize("text", "آموزش\u200Cهای").utf8ToString();
      assertEquals(token, SearchTextNormalizer.normalize("آموزش\u200Cهای"));
    }
  }
}
