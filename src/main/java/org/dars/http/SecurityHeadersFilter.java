package org.dars.http;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.dars.platform.DarsConfig;

/**
 * Puts the security headers on every response: API, Faces pages and their resources, stable
 * links, downloads and error pages (the error dispatch passes through here again, after the
 * container has reset the response). The response is wrapped so that a policy the application
 * sets later, PrimeFaces's nonce policy or a download's sandbox, is merged into the one header
 * instead of being sent beside it.
 */
@WebFilter(
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC})
public class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject transient DarsConfig config;
  private transient SecurityHeaders headers;

  @Override
  public void init() {
    headers = new SecurityHeaders(config.frameAncestors());
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    Guarded guarded = resp instanceof Guarded g ? g : new Guarded(resp, headers, req.isSecure());
    guarded.applyDefaults();
    chain.doFilter(req, guarded);
  }

  /** The response as the application sees it: a Content-Security-Policy it sets is merged, not added. */
  static final class Guarded extends HttpServletResponseWrapper {
    private final SecurityHeaders headers;
    private final boolean secure;

    Guarded(HttpServletResponse response, SecurityHeaders headers, boolean secure) {
      super(response);
      this.headers = headers;
      this.secure = secure;
    }

    void applyDefaults() {
      HttpServletResponse r = (HttpServletResponse) getResponse();
      r.setHeader(SecurityHeaders.CSP, headers.policy());
      r.setHeader("X-Content-Type-Options", "nosniff");
      r.setHeader("Referrer-Policy", SecurityHeaders.REFERRER_POLICY);
      String hsts = SecurityHeaders.strictTransportSecurity(secure);
      if (hsts != null) {
        r.setHeader("Strict-Transport-Security", hsts);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (SecurityHeaders.CSP.equalsIgnoreCase(name)) {
        super.setHeader(SecurityHeaders.CSP, headers.adopt(value));
      } else {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (SecurityHeaders.CSP.equalsIgnoreCase(name)) {
        setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }

    @Override
    public void reset() {
      super.reset();
      applyDefaults();
    }
  }
}
