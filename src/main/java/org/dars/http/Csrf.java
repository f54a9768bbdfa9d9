package org.dars.http;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The CSRF rule for the API. A browser attaches the session cookie to any request, including one
 * that another site's page makes it send; it does not attach a header that only Dars's own pages
 * know. So an unsafe request (POST, PUT, PATCH, DELETE) that is authenticated by its session must
 * carry the session's token in {@value #HEADER}. A request that authenticates itself with an
 * {@code Authorization} header (Basic or Bearer) is not at risk: no other site can make a browser
 * send one, so it needs no token, and neither does an anonymous request, which has no authority
 * to borrow.
 */
public final class Csrf {
  public static final String HEADER = "X-CSRF-Token";
  static final String SESSION_ATTRIBUTE = "org.dars.http.csrf-token";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Csrf() {}

  /**
   * Whether the request must be refused.
   *
   * @param signedIn the container knows a user for this request
   * @param authorizationHeader the request carries its own credentials
   * @param expected the session's token, null if it has none
   * @param sent the token the request carries, null if none
   */
  static boolean refuses(String method, boolean signedIn, boolean authorizationHeader, String expected, String sent) {
    if (SAFE.contains(method) || !signedIn || authorizationHeader) {
      return false;
    }
    return expected == null || sent == null
        || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  /** The session's token, made on first use. Rotate it with {@link #rotate} when a user signs in. */
  public static String token(HttpSession session) {
    synchronized (session) {
      Object token = session.getAttribute(SESSION_ATTRIBUTE);
      if (token instanceof String s) {
        return s;
      }
      return rotate(session);
    }
  }

  /** A new token for the session, so one learned before sign-in is worthless after it. */
  public static String rotate(HttpSession session) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(SESSION_ATTRIBUTE, token);
    return token;
  }

  static String existing(HttpSession session) {
    return session == null ? null : session.getAttribute(SESSION_ATTRIBUTE) instanceof String s ? s : null;
  }
}
