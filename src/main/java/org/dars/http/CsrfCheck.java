package org.dars.http;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.dars.platform.DarsException;
import org.dars.platform.Problem;

/** Applies {@link Csrf}'s rule to every API request, before anything else looks at it. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CsrfCheck implements ContainerRequestFilter {
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean signedIn = request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() != null;
    boolean ownCredentials = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
    String expected = signedIn && !ownCredentials ? Csrf.existing(servletRequest.getSession(false)) : null;
    if (Csrf.refuses(request.getMethod(), signedIn, ownCredentials, expected, request.getHeaderString(Csrf.HEADER))) {
      request.abortWith(Problem.of(new DarsException(403, "csrf-token-missing", "Forbidden",
          "This request rides on a signed-in browser session, so it must carry the header " + Csrf.HEADER
              + " with the token of the page's <meta name=\"csrf-token\">. API clients authenticate with an"
              + " Authorization header instead of a session cookie, and need no token.")));
    }
  }
}
