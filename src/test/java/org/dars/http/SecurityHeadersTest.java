package org.dars.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {
  private final SecurityHeaders headers = new SecurityHeaders(List.of("https://moodle.khuzestan.example"));

  @Test
  void defaultPolicyAllowsScriptsOnlyFromDarsAndNeverInline() {
    String p = headers.policy();
    assertTrue(p.contains("script-src 'self';"), p);
    assertFalse(p.contains("unsafe-inline"), p);
    assertFalse(p.contains("unsafe-eval"), p);
    assertTrue(p.contains("object-src 'none'"), p);
    assertTrue(p.endsWith("frame-ancestors 'self' https://moodle.khuzestan.example"), p);
  }

  @Test
  void primeFacesNoncePolicyBecomesOursWithTheNonce() {
    String p = headers.adopt("script-src 'self' 'nonce-NzE2YjY0ZDItOGQ4Ni00YjFm';");
    assertTrue(p.contains("script-src 'self' 'nonce-NzE2YjY0ZDItOGQ4Ni00YjFm';"), p);
    assertTrue(p.startsWith("default-src 'self';"), p);
    assertTrue(p.contains("frame-ancestors 'self' https://moodle.khuzestan.example"), p);
  }

  @Test
  void downloadSandboxStaysAndKeepsFrameAncestors() {
    String p = headers.adopt("sandbox; default-src 'none'; media-src 'self'; img-src 'self'");
    assertEquals("sandbox; default-src 'none'; media-src 'self'; img-src 'self'; frame-ancestors 'self' https://moodle.khuzestan.example", p);
  }

  @Test
  void anyOtherPolicyIsReplacedSoNothingLoosensOurs() {
    assertEquals(headers.policy(), headers.adopt("script-src * 'unsafe-inline'"));
    assertEquals(headers.policy(), headers.adopt(""));
  }

  @Test
  void withoutLmsOriginsOnlyDarsMayFrameItself() {
    assertTrue(new SecurityHeaders(List.of()).policy().endsWith("frame-ancestors 'self'"));
  }

  @Test
  void hstsOnlyOverTls() {
    assertEquals("max-age=31536000", SecurityHeaders.strictTransportSecurity(true));
    assertNull(SecurityHeaders.strictTransportSecurity(false));
  }
}
