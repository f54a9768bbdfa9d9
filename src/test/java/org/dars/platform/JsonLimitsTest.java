package org.dars.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLimitsTest {
  @Test
  void countsNestingOfArraysAndObjects() {
    assertEquals(3, JsonLimits.depth("{\"operations\": [{\"op\": \"addModule\", \"title\": \"برداشت و درجه‌بندی\"}]}"));
  }

  @Test
  void bracketsInsideStringsDoNotCount() {
    assertEquals(1, JsonLimits.depth("{\"title\": \"[[[[{{{{ \\\" [[[[\"}"));
  }

  @Test
  void hundredThousandLevelsAreRefusedWithoutRecursion() {
    String bomb = "[".repeat(100_000);
    DarsException e = assertThrows(DarsException.class, () -> JsonLimits.checkDepth(bomb.getBytes(StandardCharsets.US_ASCII)));
    assertEquals(400, e.status());
    assertEquals("https://dars.example/problems/json-too-deep", e.type().toString());
  }

  @Test
  void sixtyFourLevelsPass() {
    String deep = "[".repeat(64) + "\"الري بالتنقيط\"" + "]".repeat(64);
    assertDoesNotThrow(() -> JsonLimits.checkDepth(deep.getBytes(StandardCharsets.UTF_8)));
    assertThrows(DarsException.class, () -> JsonLimits.checkDepth("[" + deep + "]"));
  }

  @Test
  void persianAndArabicBytesAreNotMistakenForBrackets() {
    byte[] utf8 = "{\"title\": \"صنایع تبدیلی خرما — النخيل\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals(1, JsonLimits.depth(new String(utf8, StandardCharsets.ISO_8859_1)));
  }
}
