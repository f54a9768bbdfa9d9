package org.dars.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.dars.security.Access;
import org.dars.security.AccountService;

/**
 * Chooses the interface language of a page request: {@code ?ui=fa|ar|en} switches it and is
 * remembered in the {@value #COOKIE} cookie for a year and, for a signed-in person, with their
 * account; otherwise a signed-in person's remembered language decides, then the cookie, then
 * Persian. The choice is left in the request attribute {@value #ATTRIBUTE} for {@link Ui}. Declared
 * in web.xml after the caller filter, which it needs to know who is asking.
 */
public class LanguageFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  /** The switch; not {@code lang}, which filters search results by the language of the content. */
  static final String PARAMETER = "ui";
  static final String COOKIE = "dars-lang";
  static final String ATTRIBUTE = "org.dars.web.language";
  private static final int ONE_YEAR = 365 * 24 * 3600;

  @Inject transient Access access;
  @Inject transient AccountService accounts;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    // Before any parameter is read: forms post UTF-8 without saying so.
    req.setCharacterEncoding("UTF-8");
    Optional<UiLanguage> asked = UiLanguage.of(req.getParameter(PARAMETER));
    UUID account = access.caller().account();
    if (account != null && asked.isPresent()) {
      accounts.rememberLanguage(account, asked.get().code());
    }
    UiLanguage language = asked
        .or(() -> account == null ? Optional.empty() : accounts.language(account).flatMap(UiLanguage::of))
        .or(() -> fromCookie(req))
        .orElse(UiLanguage.DEFAULT);
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
