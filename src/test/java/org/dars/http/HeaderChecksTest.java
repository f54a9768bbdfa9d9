package org.dars.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dars.platform.DarsException;
import org.junit.jupiter.api.Test;

class HeaderChecksTest {
  @Test
  void acceptWithNumericQualityPasses() {
    assertDoesNotThrow(() -> HeaderChecks.checkAccept("application/json, text/html;q=0.9, */*;q=0"));
  }

  @Test
  void acceptWithWordForQualityIsRefused() {
    DarsException e = assertThrows(DarsException.class, () -> HeaderChecks.checkAccept("application/json;q=abc"));
    assertEquals(400, e.status());
    assertThrows(DarsException.class, () -> HeaderChecks.checkAccept("*/*;q=-1"));
    assertThrows(DarsException.class, () -> HeaderChecks.checkAccept("*/*;q=NaN"));
  }

  @Test
  void unknownCharsetIs415() {
    assertEquals(415, assertThrows(DarsException.class, () -> HeaderChecks.checkCharset("application/json; charset=utf-7")).status());
    assertEquals(415, assertThrows(DarsException.class, () -> HeaderChecks.checkCharset("application/json; charset=nonsense")).status());
    assertDoesNotThrow(() -> HeaderChecks.checkCharset("application/json; charset=UTF-8"));
    assertDoesNotThrow(() -> HeaderChecks.checkCharset("multipart/form-data; boundary=dars"));
  }
}
