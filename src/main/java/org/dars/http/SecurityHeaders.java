package org.dars.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The security headers Dars sends, as values. There is exactly one Content-Security-Policy per
 * response, because browsers enforce every policy they receive: a second, looser header can only
 * take permissions away, and two policies that disagree about scripts break the page. Faces pages
 * get PrimeFaces's per-response script nonce folded into this policy ({@link #adopt}); content
 * downloads bring their own sandbox policy, which keeps our frame-ancestors.
 */
public final class SecurityHeaders {
  static final String CSP = "Content-Security-Policy";
  /** No Dars address (search words, item ids) leaves for another site, not even a course page. */
  static final String REFERRER_POLICY = "same-origin";
  /** One year, the minimum the HSTS preload lists accept; no includeSubDomains: other hosts are not ours. */
  static final String HSTS = "max-age=31536000";

  private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]{8,200})'");
  private static final Pattern SANDBOX = Pattern.compile("(^|;)\\s*sandbox(\\s|;|$)");

  private final String frameAncestors;

  /** @param lmsOrigins origins allowed to frame Dars pages besides Dars itself. */
  public SecurityHeaders(List<String> lmsOrigins) {
    this.frameAncestors = "frame-ancestors 'self'" + (lmsOrigins.isEmpty() ? "" : " " + String.join(" ", lmsOrigins));
  }

  /** The policy of every response that brings none of its own; scripts only from Dars itself. */
  public String policy() {
    return policy(null);
  }

  /**
   * The page policy. Styles stay {@code 'self'}: PrimeFaces and our script set styles through the
   * CSSOM, which style-src does not govern, and Dars's markup carries no style attribute.
   */
  String policy(String nonce) {
    return "default-src 'self'; script-src 'self'" + (nonce == null ? "" : " 'nonce-" + nonce + "'")
        + "; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'"
        + "; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " + frameAncestors;
  }

  /**
   * The one policy to send when the application sets its own: PrimeFaces's (which carries the
   * script nonce of this response) becomes ours with that nonce; a sandbox policy for downloaded
   * content stays, with our frame-ancestors; anything else is replaced by ours.
   */
  String adopt(String offered) {
    if (offered == null || offered.isBlank()) {
      return policy();
    }
    Matcher nonce = NONCE.matcher(offered);
    if (nonce.find()) {
      return policy(nonce.group(1));
    }
    if (SANDBOX.matcher(offered).find()) {
      String own = offered.strip();
      own = own.endsWith(";") ? own.substring(0, own.length() - 1) : own;
      return own.contains("frame-ancestors") ? own : own + "; " + frameAncestors;
    }
    return policy();
  }

  /** HSTS only for a request that reached us over TLS: a plain-HTTP answer with it would be ignored anyway. */
  static String strictTransportSecurity(boolean secure) {
    return secure ? HSTS : null;
  }
}
