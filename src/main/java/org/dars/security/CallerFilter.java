package org.dars.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.dars.platform.Problem;

/**
 * Runs first on every request (declared in web.xml): hands the authenticated caller to {@link
 * Access}, or answers a refused credential with 401 (429 when too many failed) and a problem body,
 * so a bad token never proceeds as an anonymous request.
 */
public class CallerFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject transient Credentials credentials;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST
        && req.getAttribute(DarsAuthenticationMechanism.REFUSED) instanceof Credentials.Refused refused) {
      if (refused.retryAfter != null) {
        res.setHeader("Retry-After", Long.toString(Math.max(1, refused.retryAfter.getEpochSecond() - System.currentTimeMillis() / 1000)));
      }
      if (refused.status == 401) {
        // Bearer only: a Basic challenge would make browsers pop up their own password dialog.
        res.setHeader("WWW-Authenticate", "Bearer realm=\"dars\"");
      }
      Problem.write(res, refused.status, "https://dars.example/problems/" + refused.type,
          refused.status == 429 ? "Too many requests" : "Unauthorized", refused.getMessage(), Map.of());
      return;
    }
    Object caller = req.getAttribute(DarsAuthenticationMechanism.CALLER);
    if (caller == null && req.getUserPrincipal() != null) {
      // Signed in by the server itself: single sign-on through elytron-oidc-client (docs/oidc.md).
      caller = credentials.external(req.getUserPrincipal().getName(), req::isUserInRole, req.getRemoteAddr());
    }
    Caller outer = Access.set(caller instanceof Caller c ? c : Caller.ANONYMOUS);
    try {
      chain.doFilter(req, res);
    } finally {
      // Request threads are pooled: the next request must not inherit this caller. A forward or
      // error dispatch inside this request gives the outer one its caller back.
      Access.restore(outer);
    }
  }
}
