package org.dars.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.dars.security.Access;
import org.dars.security.Caller;
import org.dars.security.Role;

/**
 * Which pages need which role, in one place (declared in web.xml, after the caller is known). A
 * visitor who is not signed in is sent to the login page and back; a signed-in user without the
 * role gets the error page with status 403. Pages for everyone are not listed: what they show is
 * narrowed by the same access rules as the API.
 */
public class PageAccessFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  static final Map<String, Set<Role>> PAGES = Map.of(
      "/upload.xhtml", Set.of(Role.AUTHOR),
      "/sharing.xhtml", Set.of(Role.ADMIN),
      "/admin.xhtml", Set.of(Role.ADMIN));

  @Inject Access access;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    Set<Role> needed = PAGES.get(req.getServletPath());
    Caller caller = access.caller();
    if (needed == null || caller.hasAny(needed)) {
      chain.doFilter(req, res);
    } else if (caller.isAnonymous()) {
      String here = req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
      res.sendRedirect(req.getContextPath() + "/login.xhtml?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
    } else {
      res.sendError(403);
    }
  }
}
