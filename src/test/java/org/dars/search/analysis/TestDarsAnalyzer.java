package org.dars.search.analysis;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.apache.lucene.tests.util.TestUtil;
import org.apache.lucene.util.BytesRef;

/**
 * One linguistic case per test. {@code exact} is the chain without stemming, so the folding and
 * joining can be read directly off its tokens; {@code stemmed} adds the light stemmer.
 */
public class TestDarsAnalyzer extends BaseTokenStreamTestCase {

  private Analyzer exact;
  private Analyzer stemmed;
  private Analyzer ngrams;

  @Override
  public void setUp() throws Exception {
    super.setUp();
    exact = DarsAnalyzer.exact();
    stemmed = DarsAnalyzer.stemmed();
    ngrams = DarsAnalyzer.ngrams();
  }

  @Override
  public void tearDown() throws Exception {
    exact.close();
    stemmed.close();
    ngrams.close();
    super.tearDown();
  }

  private void assertExact(String input, String... expected) throws IOException {
    assertAnalyzesTo(exact, input, expected);
  }

  private void assertStemmed(String input, String... expected) throws IOException {
    assertAnalyzesTo(stemmed, input, expected);
  }

  // ---- ZWNJ, space and no separator: prefixes

  public void testJoinsMiPrefixWrittenWithZwnj() throws IOException {
    assertExact("می\u200Cکند", "میکند");
  }

  public void testJoinsMiPrefixWrittenWithSpace() throws IOException {
    assertExact("می کند", "میکند");
  }

  public void testKeepsMiPrefixWrittenSolid() throws IOException {
    assertExact("میکند", "میکند");
  }

  public void testJoinsMiPrefixWrittenWithArabicYehAndSpace() throws IOException {
    assertExact("مي كند", "میکند");
  }

  public void testJoinsNemiPrefixWrittenWithSpace() throws IOException {
    assertExact("نمی شود", "نمیشود");
  }

  public void testJoinsNemiPrefixWrittenWithZwnj() throws IOException {
    assertExact("نمی\u200Cشود", "نمیشود");
  }

  public void testJoinsBiPrefixWrittenWithSpace() throws IOException {
    assertExact("بی کار", "بیکار");
  }

  public void testJoinsBiPrefixWrittenWithZwnj() throws IOException {
    assertExact("بی\u200Cکار", "بیکار");
  }

  public void testJoinedPrefixSpansBothWords() throws IOException {
    assertAnalyzesTo(
        exact, "او می کند", new String[] {"میکند"}, new int[] {3}, new int[] {9}, new int[] {2});
  }

  public void testDoesNotJoinPrefixAcrossDistantWords() throws IOException {
    assertExact("می،   خورد", "خورد");
  }

  // ---- ZWNJ, space and no separator: suffixes

  public void testJoinsHaSuffixWrittenWithSpace() throws IOException {
    assertExact("کتاب ها", "کتابها");
  }

  public void testJoinsHaSuffixWrittenWithZwnj() throws IOException {
    assertExact("کتاب\u200Cها", "کتابها");
  }

  public void testJoinsHayeSuffixWrittenWithZwnj() throws IOException {
    assertExact("آموزش\u200Cهای", "اموزشهای");
  }

  public void testJoinsHayeSuffixWrittenWithSpace() throws IOException {
    assertExact("آموزش های", "اموزشهای");
  }

  public void testKeepsHayeSuffixWrittenSolid() throws IOException {
    assertExact("آموزشهای", "اموزشهای");
  }

  public void testJoinsHayiSuffixWrittenWithSpace() throws IOException {
    assertExact("کتاب هایی", "کتابهایی");
  }

  public void testJoinsHayiSuffixWrittenWithZwnj() throws IOException {
    assertExact("کتاب\u200Cهایی", "کتابهایی");
  }

  public void testJoinsTarSuffixWrittenWithSpace() throws IOException {
    assertExact("بزرگ تر", "بزرگتر");
  }

  public void testJoinsTarSuffixWrittenWithZwnj() throws IOException {
    assertExact("بزرگ\u200Cتر", "بزرگتر");
  }

  public void testJoinsTarinSuffixWrittenWithSpace() throws IOException {
    assertExact("بزرگ ترین", "بزرگترین");
  }

  public void testJoinsTarinSuffixWrittenWithZwnj() throws IOException {
    assertExact("بزرگ\u200Cترین", "بزرگترین");
  }

  public void testJoinsAmSuffixAfterSilentHehWrittenWithSpace() throws IOException {
    assertExact("خسته ام", "خستهام");
  }

  public void testJoinsAmSuffixAfterSilentHehWrittenWithZwnj() throws IOException {
    assertExact("خسته\u200Cام", "خستهام");
  }

  public void testJoinsAtSuffixAfterSilentHehWrittenWithSpace() throws IOException {
    assertExact("نامه ات", "نامهات");
  }

  public void testJoinsAtSuffixAfterSilentHehWrittenWithZwnj() throws IOException {
    assertExact("نامه\u200Cات", "نامهات");
  }

  public void testJoinsAshSuffixAfterSilentHehWrittenWithSpace() throws IOException {
    assertExact("خانه اش", "خانهاش");
  }

  public void testJoinsAshSuffixAfterSilentHehWrittenWithZwnj() throws IOException {
    assertExact("خانه\u200Cاش", "خانهاش");
  }

  public void testJoinsAndSuffixAfterSilentHehWrittenWithSpace() throws IOException {
    assertExact("رفته اند", "رفتهاند");
  }

  public void testJoinsAndSuffixAfterSilentHehWrittenWithZwnj() throws IOException {
    assertExact("رفته\u200Cاند", "رفتهاند");
  }

  public void testJoinsAndSuffixAfterYehWrittenWithSpace() throws IOException {
    assertExact("ایرانی اند", "ایرانیاند");
  }

  public void testKeepsArabicUmApartAfterConsonant() throws IOException {
    // ام is a (Persian) stop word; what matters is that it is not glued onto الشمس
    assertExact("الشمس أم القمر", "الشمس", "القمر");
  }

  public void testTreatsNotSignAsZwnj() throws IOException {
    assertExact("می\u00ACکند", "میکند");
  }

  public void testIndexesCompoundWholeAndByParts() throws IOException {
    assertAnalyzesTo(
        exact,
        "دانش\u200Cآموز",
        new String[] {"دانشاموز", "دانش", "اموز"},
        new int[] {0, 0, 0},
        new int[] {9, 9, 9},
        new int[] {1, 0, 0});
  }

  public void testCompoundWrittenWithSpaceMatchesParts() throws IOException {
    assertExact("دانش آموز", "دانش", "اموز");
  }

  // ---- letter variants

  public void testFoldsArabicYehToFarsiYeh() throws IOException {
    assertExact("عربي", "عربی");
  }

  public void testFoldsAlefMaksuraToFarsiYeh() throws IOException {
    assertExact("مستشفى", "مستشفی");
  }

  public void testFoldsArabicKafToKeheh() throws IOException {
    assertExact("كتاب", "کتاب");
  }

  public void testFoldsTehMarbutaToHeh() throws IOException {
    assertExact("مدرسة", "مدرسه");
  }

  public void testFoldsHehWithYehAboveToHeh() throws IOException {
    assertExact("خانۀ", "خانه");
  }

  public void testFoldsHehWithHamzaAboveToHeh() throws IOException {
    assertExact("خانه\u0654", "خانه");
  }

  public void testFoldsAlefWithHamzaAboveToAlef() throws IOException {
    assertExact("أحمد", "احمد");
  }

  public void testFoldsAlefWithHamzaBelowToAlef() throws IOException {
    assertExact("إسلام", "اسلام");
  }

  public void testFoldsAlefWithMaddaToAlef() throws IOException {
    assertExact("آب", "اب");
  }

  public void testFoldsAlefWaslaToAlef() throws IOException {
    assertExact("ٱسم", "اسم");
  }

  public void testFoldsYehHamzaBeforeWawSoMasulMeetsHamzalessSpelling() throws IOException {
    assertExact("مسئول", "مسول");
  }

  public void testFoldsWawHamzaSoArabicMasulMeetsHamzalessSpelling() throws IOException {
    assertExact("مسؤول", "مسول");
  }

  public void testFoldsDoubledWawOfHamzalessMasul() throws IOException {
    assertExact("مسوول", "مسول");
  }

  public void testFoldsWawHamzaToWaw() throws IOException {
    assertExact("مؤمن", "مومن");
  }

  public void testFoldsYehHamzaToFarsiYeh() throws IOException {
    assertExact("رئیس", "رییس");
  }

  public void testDropsFinalHamzaAfterAlef() throws IOException {
    assertExact("اجزاء", "اجزا");
  }

  // ---- marks and invisible characters

  public void testRemovesHarakat() throws IOException {
    assertExact("كَتَبَ", "کتب");
  }

  public void testRemovesTanwin() throws IOException {
    assertExact("كتابًا", "کتابا");
  }

  public void testRemovesShaddaAndSukun() throws IOException {
    assertExact("محمّدْ", "محمد");
  }

  public void testRemovesSuperscriptAlef() throws IOException {
    assertExact("رحمٰن", "رحمن");
  }

  public void testRemovesTatweel() throws IOException {
    assertExact("كتـــاب", "کتاب");
  }

  public void testDropsTokenOfTatweelOnly() throws IOException {
    assertExact("ـــ کتاب", "کتاب");
  }

  public void testRemovesQuranicAnnotationMarks() throws IOException {
    assertExact("الرحيم\u06D6", "الرحیم");
  }

  public void testRemovesQuranicHonorificSigns() throws IOException {
    assertExact("محمد\u0610", "محمد");
  }

  public void testRemovesZeroWidthJoiner() throws IOException {
    assertExact("کتا\u200Dب", "کتاب");
  }

  public void testRemovesByteOrderMark() throws IOException {
    assertExact("\uFEFFکتاب", "کتاب");
  }

  public void testRemovesRightToLeftMark() throws IOException {
    assertExact("کتاب\u200F", "کتاب");
  }

  public void testRemovesBidiEmbeddingControls() throws IOException {
    assertExact("\u202Bکتاب\u202C", "کتاب");
  }

  public void testRemovesBidiIsolateControls() throws IOException {
    assertExact("\u2067کتاب\u2069", "کتاب");
  }

  // ---- presentation forms and ligatures

  public void testFoldsLamAlefLigature() throws IOException {
    assertExact("سﻼم", "سلام");
  }

  public void testFoldsAllahLigature() throws IOException {
    assertExact("ﷲ", "الله");
  }

  public void testFoldsIsolatedAndFinalPresentationForms() throws IOException {
    assertExact("ﻛﺘﺎﺏ", "کتاب");
  }

  public void testKeepsZwnjThroughNfkc() throws IOException {
    assertExact("ﻣﻲ\u200Cﻛﻨﺪ", "میکند");
  }

  // ---- digits and Latin

  public void testFoldsPersianDigitsToAscii() throws IOException {
    assertExact("۱۴۰۲", "1402");
  }

  public void testFoldsArabicIndicDigitsToAscii() throws IOException {
    assertExact("٢٠٢٣", "2023");
  }

  public void testKeepsAsciiDigits() throws IOException {
    assertExact("2023", "2023");
  }

  public void testLowercasesLatin() throws IOException {
    assertExact("Lucene دوره JAVA", "lucene", "دوره", "java");
  }

  public void testLowercasesDottedCapitalIWithoutLocale() throws IOException {
    assertExact("TITLE", "title");
  }

  // ---- stop words

  public void testRemovesStopWordsOnlyAfterJoining() throws IOException {
    assertExact("او می رود", "میرود");
  }

  public void testRemovesPersianStopWord() throws IOException {
    assertExact("از کتاب", "کتاب");
  }

  public void testRemovesArabicStopWord() throws IOException {
    assertExact("في المدرسة", "المدرسه");
  }

  public void testRemovesStopWordWrittenWithArabicYeh() throws IOException {
    assertExact("اين کتاب", "کتاب");
  }

  public void testRemovesQuestionWord() throws IOException {
    assertExact("متى ولد", "ولد");
  }

  public void testRemovesDetachedArabicArticle() throws IOException {
    assertExact("ال شمس", "شمس");
  }

  public void testKeepsArabicArticleAttachedToItsNoun() throws IOException {
    assertExact("الشمس", "الشمس");
  }

  public void testKeepsNameAliAlthoughArabicAlaFoldsToIt() throws IOException {
    assertExact("علی", "علی");
  }

  public void testRemovesVerbStemThatIsAStopWord() throws IOException {
    // شود is a stop word: the stemmed field drops it, the exact field keeps میشود
    assertStemmed("می شود", new String[0]);
    assertExact("می شود", "میشود");
  }

  // ---- stemming

  public void testStripsMiFromConjugatedVerb() throws IOException {
    assertStemmed("میخورد", "خورد");
  }

  public void testStripsNemiFromConjugatedVerb() throws IOException {
    assertStemmed("نمی\u200Cخورند", "خورند");
  }

  public void testKeepsMizAsNoun() throws IOException {
    assertStemmed("میز", "میز");
  }

  public void testKeepsMeydanAsNoun() throws IOException {
    assertStemmed("میدان", "میدان");
  }

  public void testKeepsMiOfPluralNoun() throws IOException {
    // the plural rule wins over the verb-prefix rule; final heh is then stemmed as everywhere
    assertStemmed("میوه\u200Cها", "میو");
  }

  public void testKeepsTanhaFromBecomingPlural() throws IOException {
    // تنها "alone" is a stop word, removed before the plural rule could cut it to تن "body"
    assertStemmed("تنها", new String[0]);
  }

  public void testStemsPersianPlural() throws IOException {
    assertStemmed("کتاب\u200Cها", "کتاب");
  }

  public void testStemsShortPersianPlural() throws IOException {
    assertStemmed("گلها", "گل");
  }

  public void testStemsPersianSuperlative() throws IOException {
    assertStemmed("بزرگ\u200Cترین", "بزرگ");
  }

  public void testStemsArabicArticle() throws IOException {
    assertStemmed("الكتاب", "کتاب");
  }

  public void testStemsArabicConjunctionAndArticle() throws IOException {
    assertStemmed("والكتاب", "کتاب");
  }

  public void testStemsArabicSoundPlural() throws IOException {
    assertStemmed("المعلمون", "معلم");
  }

  public void testKeepsPersianWordStartingWithAl() throws IOException {
    assertStemmed("الگو", "الگو");
  }

  public void testPersianLoanMeetsArabicOriginal() throws IOException {
    assertStemmed("مدرسه", "مدرس");
    assertStemmed("المدرسة", "مدرس");
  }

  public void testStemmedVerbIsTheSameForAllThreeSpellings() throws IOException {
    assertStemmed("می\u200Cنویسند", "نویسند");
    assertStemmed("می نویسند", "نویسند");
    assertStemmed("مینویسند", "نویسند");
  }

  // ---- character n-grams

  public void testNgramsAreGramsOfTheStem() throws IOException {
    // کتابها is stemmed to کتاب first, so the plural suffix gives no grams of its own
    assertAnalyzesTo(
        ngrams,
        "کتاب‌ها",
        new String[] {"کتا", "کتاب", "تاب"},
        new int[] {0, 0, 0},
        new int[] {7, 7, 7},
        new int[] {1, 0, 0});
  }

  public void testNgramsGiveNothingForStemShorterThanThreeLetters() throws IOException {
    assertAnalyzesTo(ngrams, "گلها", new String[0]);
  }

  public void testNgramsDropStopWords() throws IOException {
    assertAnalyzesTo(ngrams, "از", new String[0]);
  }

  public void testNgramsFoldLikeTheOtherFields() throws IOException {
    assertAnalyzesTo(ngrams, "كتاب", new String[] {"کتا", "کتاب", "تاب"});
  }

  public void testNgramsLinkArabicVerbWithAndWithoutImperfectPrefix() throws IOException {
    // يتزوج "he marries" and تزوج "he married" share تزو, زوج, تزوج
    assertSharesNgrams("يتزوج", "تزوج", "تزو", "زوج", "تزوج");
  }

  public void testNgramsLinkArabicDerivedFormsOfOneRoot() throws IOException {
    // مستخدم "user" and استخدام "use" share the root's stretch ستخد / تخد
    assertSharesNgrams("مستخدم", "استخدام", "ستخ", "تخد", "ستخد");
  }

  public void testNgramsLinkSolidCompoundToItsFirstPart() throws IOException {
    // the compound written without ZWNJ cannot be split, but shares the grams of دانش
    assertSharesNgrams("دانشآموز", "دانش", "دان", "انش", "دانش");
  }

  public void testNgramsAreTheSameForAllThreeSpellingsOfAVerb() throws IOException {
    String[] expected = {"نوی", "نویس", "ویس", "ویسن", "یسن", "یسند", "سند"};
    assertAnalyzesTo(ngrams, "می‌نویسند", expected);
    assertAnalyzesTo(ngrams, "می نویسند", expected);
    assertAnalyzesTo(ngrams, "مینویسند", expected);
  }

  private void assertSharesNgrams(String a, String b, String... shared) throws IOException {
    Set<String> gramsA = grams(a);
    Set<String> gramsB = grams(b);
    for (String gram : shared) {
      assertTrue(a + " lacks " + gram + ": " + gramsA, gramsA.contains(gram));
      assertTrue(b + " lacks " + gram + ": " + gramsB, gramsB.contains(gram));
    }
  }

  private Set<String> grams(String text) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream ts = ngrams.tokenStream("f", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  // ---- query-time normalisation

  public void testNormalizeFoldsLikeTheTokenChain() {
    assertEquals(new BytesRef("کتابها"), exact.normalize("text", "كتاب\u200Cها"));
  }

  // ---- random text

  public void testRandomStringsExact() throws IOException {
    checkRandomData(random(), exact, 200 * RANDOM_MULTIPLIER);
  }

  public void testRandomStringsStemmed() throws IOException {
    checkRandomData(random(), stemmed, 200 * RANDOM_MULTIPLIER);
  }

  public void testRandomStringsNgrams() throws IOException {
    checkRandomData(random(), ngrams, 200 * RANDOM_MULTIPLIER);
  }

  public void testRandomPersianArabicTextNgrams() throws IOException {
    Random random = random();
    for (int i = 0; i < 100 * RANDOM_MULTIPLIER; i++) {
      String text = randomPersianArabic(random, TestUtil.nextInt(random, 1, 60));
      checkAnalysisConsistency(random, ngrams, random.nextBoolean(), text);
    }
  }

  /** One pass gives, field by field, exactly the tokens of the three analyzers. */
  public void testOnePassGivesTheTokensOfTheThreeAnalyzers() throws IOException {
    Random random = random();
    for (int i = 0; i < 50 * RANDOM_MULTIPLIER; i++) {
      String text = randomPersianArabic(random, TestUtil.nextInt(random, 1, 60));
      DarsAnalyzer.OnePass pass = DarsAnalyzer.onePass(text);
      assertEquals(text, describe(exact.tokenStream("f", text)), describe(pass.exact()));
      // ngrams before stemmed: the replays are independent of each other
      assertEquals(text, describe(ngrams.tokenStream("f", text)), describe(pass.ngrams()));
      assertEquals(text, describe(stemmed.tokenStream("f", text)), describe(pass.stemmed()));
    }
  }

  /** One pass skips the character filters a text does not need; with or without, the tokens agree. */
  public void testOnePassAppliesTheCharacterFiltersATextNeeds() throws IOException {
    for (String text : new String[] {
        "آبیاری قطره‌ای در زمین‌های شور", // NFKC already, no ¬: no character filter
        "ﻻ يجوز الري بالماء المالح", // a presentation-form ligature: NFKC
        "کتاب¬ها را می¬خوانند", // Word's ¬ for ZWNJ only
        "ﷲ و کتاب¬ها"}) { // both
      DarsAnalyzer.OnePass pass = DarsAnalyzer.onePass(text);
      assertEquals(text, describe(exact.tokenStream("f", text)), describe(pass.exact()));
      assertEquals(text, describe(stemmed.tokenStream("f", text)), describe(pass.stemmed()));
    }
  }

  public void testOnePassJoinsSpacedPrefixAndStems() throws IOException {
    String text = "کتاب‌ها را می خوانند";
    DarsAnalyzer.OnePass pass = DarsAnalyzer.onePass(text);
    assertTokenStreamContents(pass.exact(), new String[] {"کتابها", "میخوانند"});
    assertEquals(describe(stemmed.tokenStream("f", text)), describe(pass.stemmed()));
    assertEquals(describe(ngrams.tokenStream("f", text)), describe(pass.ngrams()));
  }

  /** Terms with their offsets, positions and final offset, in order. */
  private static String describe(TokenStream ts) throws IOException {
    StringBuilder out = new StringBuilder();
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.append(term).append('[').append(offset.startOffset()).append('-').append(offset.endOffset())
            .append('+').append(inc.getPositionIncrement()).append("] ");
      }
      ts.end();
      out.append("end ").append(offset.endOffset());
    }
    return out.toString();
  }

  public void testRandomHugeStrings() throws IOException {
    checkRandomData(random(), stemmed, 10 * RANDOM_MULTIPLIER, 4096);
  }

  public void testRandomPersianArabicText() throws IOException {
    Random random = random();
    for (int i = 0; i < 300 * RANDOM_MULTIPLIER; i++) {
      String text = randomPersianArabic(random, TestUtil.nextInt(random, 1, 60));
      checkAnalysisConsistency(random, stemmed, random.nextBoolean(), text);
      checkAnalysisConsistency(random, exact, random.nextBoolean(), text);
    }
  }

  public void testEmptyTerm() throws IOException {
    assertAnalyzesTo(exact, "", new String[0]);
  }

  private static final String PERSIAN_ARABIC_PIECES =
      "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكىةۀأإآٱؤئءـًٌٍَُِّْٰ"
          + "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789"
          + "\u200C\u200C\u200D\u00AC\uFEFF\u200E\u200F\u202B\u202C\u2067\u2069"
          + "ﻻﷲﻛﺘﺎﺏ\u0654\u0610\u06D6      ،؟.";

  private static String randomPersianArabic(Random random, int length) {
    StringBuilder sb = new StringBuilder(length + 8);
    for (int i = 0; i < length; i++) {
      int p = random.nextInt(PERSIAN_ARABIC_PIECES.length() + 6);
      switch (p - PERSIAN_ARABIC_PIECES.length()) {
        case 0 -> sb.append(" می ");
        case 1 -> sb.append(" ها ");
        case 2 -> sb.append("\u200Cهای");
        case 3 -> sb.append(" نمی\u200C");
        case 4 -> sb.append(" اند");
        case 5 -> sb.append("بی ");
        default -> sb.append(PERSIAN_ARABIC_PIECES.charAt(p));
      }
    }
    return sb.toString();
  }
}
