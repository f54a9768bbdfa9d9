package org.dars.http;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The token for pages, as {@code #{csrf.token}} in the layout's {@code <meta name="csrf-token">},
 * where dars.js reads it for its API calls. Empty without a session: a visitor who is not signed in
 * has nothing to protect, and a token must not make every page view open a session.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {
  @Inject HttpServletRequest request;

  public String getToken() {
    HttpSession session = request.getSession(false);
    return session == null ? "" : Csrf.token(session);
  }
}
