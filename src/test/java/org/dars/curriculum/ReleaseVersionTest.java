package org.dars.curriculum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dars.platform.DarsException;
import org.junit.jupiter.api.Test;

class ReleaseVersionTest {
  @Test
  void parsesMajorDotMinor() {
    assertEquals(new ReleaseVersion(2, 13), ReleaseVersion.parse("2.13"));
    assertEquals("1.0", ReleaseVersion.parse(" 1.0 ").toString());
  }

  @Test
  void comparesNumericallySoOneTenComesAfterOneNine() {
    assertTrue(ReleaseVersion.parse("1.10").isAfter(ReleaseVersion.parse("1.9")));
    assertTrue(ReleaseVersion.parse("2.0").isAfter(ReleaseVersion.parse("1.99")));
    assertEquals(0, ReleaseVersion.parse("1.1").compareTo(new ReleaseVersion(1, 1)));
  }

  @Test
  void refusesMalformedVersionsAsBadRequest() {
    for (String bad : new String[] {"1", "1.0.0", "v1.0", "01.0", "1.01", "۱.۰", "١.٠", "", "1.", ".1", "1.-1", "9999999.0"}) {
      DarsException e = assertThrows(DarsException.class, () -> ReleaseVersion.parse(bad), bad);
      assertEquals(400, e.status());
      assertEquals("https://dars.example/problems/malformed-version", e.type().toString());
    }
    assertThrows(DarsException.class, () -> ReleaseVersion.parse(null));
  }
}
