package org.dars.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfTest {
  private static final String TOKEN = "q0v6cJd2mJ1T6i7-7l1aXy8iCq0QyJ0B3k6p8wK5sYc";

  @Test
  void sessionRequestThatChangesSomethingNeedsTheToken() {
    for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
      assertTrue(Csrf.refuses(method, true, false, TOKEN, null), method);
      assertTrue(Csrf.refuses(method, true, false, TOKEN, "forged"), method);
      assertFalse(Csrf.refuses(method, true, false, TOKEN, TOKEN), method);
    }
  }

  @Test
  void sessionWithoutTokenRefusesEvenAnEmptyHeader() {
    assertTrue(Csrf.refuses("POST", true, false, null, ""));
    assertTrue(Csrf.refuses("POST", true, false, null, null));
  }

  @Test
  void readingNeedsNoToken() {
    for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
      assertFalse(Csrf.refuses(method, true, false, TOKEN, null), method);
    }
  }

  @Test
  void requestWithItsOwnAuthorizationNeedsNoToken() {
    assertFalse(Csrf.refuses("DELETE", true, true, TOKEN, null));
  }

  @Test
  void anonymousRequestHasNoAuthorityToBorrow() {
    assertFalse(Csrf.refuses("POST", false, false, null, null));
  }

  @Test
  void unknownMethodsCountAsUnsafe() {
    assertTrue(Csrf.refuses("PROPPATCH", true, false, TOKEN, null));
  }
}
