package org.dars.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Chooses the interface language of a page request: {@code ?ui=fa|ar|en} switches it and is
 * remembered in the {@value #COOKIE} cookie for a year; otherwise the cookie decides; otherwise
 * Persian. The choice is left in the request attribute {@value #ATTRIBUTE} for {@link Ui}.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class LanguageFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  /** The switch; not {@code lang}, which filters search results by the language of the content. */
  static final String PARAMETER = "ui";
  static final String COOKIE = "dars-lang";
  static final String ATTRIBUTE = "org.dars.web.language";
  private static final int ONE_YEAR = 365 * 24 * 3600;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    // Before any parameter is read: forms post UTF-8 without saying so.
    req.setCharacterEncoding("UTF-8");
    Optional<UiLanguage> asked = UiLanguage.of(req.getParameter(PARAMETER));
    UiLanguage language = asked.or(() -> fromCookie(req)).orElse(UiLanguage.DEFAULT);
    if (asked.isPresent()) {
      Cookie cookie = new Cookie(COOKIE, language.code());
      cookie.setPath("/");
      cookie.setMaxAge(ONE_YEAR);
      cookie.setHttpOnly(true);
      cookie.setAttribute("SameSite", "Lax");
      resp.addCookie(cookie);
    }
    req.setAttribute(ATTRIBUTE, language);
    resp.setHeader("Content-Language", language.code());
    resp.setCharacterEncoding("UTF-8");
    chain.doFilter(req, resp);
  }

  static Optional<UiLanguage> fromCookie(HttpServletRequest req) {
    if (req.getCookies() == null) {
      return Optional.empty();
    }
    for (Cookie c : req.getCookies()) {
      if (COOKIE.equals(c.getName())) {
        return UiLanguage.of(c.getValue());
      }
    }
    return Optional.empty();
  }
}
