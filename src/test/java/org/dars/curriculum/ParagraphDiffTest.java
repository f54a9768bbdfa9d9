package org.dars.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ParagraphDiffTest {
  @Test
  void countsAddedAndRemovedParagraphsIgnoringBlankLinesAndSurroundingSpace() {
    String before = "خرما را در مرحله رطب برداشت کنید.\n\nخوشه‌ها را با طناب پایین بیاورید.\n";
    String after = "  خرما را در مرحله رطب برداشت کنید.  \nابزار را ضدعفونی کنید.\n\nسبدها را در سایه بگذارید.\n";
    ParagraphDiff.Counts c = ParagraphDiff.compare(before, after);
    assertEquals(new ParagraphDiff.Counts(2, 1, 1), c);
    assertEquals("2 paragraphs added, 1 paragraph removed, 1 unchanged", c.summary());
  }

  @Test
  void reorderedParagraphCountsAsOneRemovedAndOneAdded() {
    ParagraphDiff.Counts c = ParagraphDiff.compare("الف\nب\nج\n", "ب\nج\nالف\n");
    assertEquals(new ParagraphDiff.Counts(1, 1, 2), c);
  }

  @Test
  void identicalTextsAreUnchanged() {
    assertEquals("text unchanged", ParagraphDiff.compare("اغسل يديك\n", "اغسل يديك\n").summary());
  }
}
