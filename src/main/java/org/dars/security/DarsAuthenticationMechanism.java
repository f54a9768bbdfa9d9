package org.dars.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Dars's one authentication mechanism, for every request: an {@code Authorization} header (Bearer
 * API token or HTTP Basic) wins; otherwise a signed-in session; otherwise the caller is anonymous
 * and the resource decides. The login page signs in through {@code SecurityContext.authenticate}.
 *
 * <p>A refused credential never turns into an anonymous request: the refusal is left on the request
 * for {@link CallerFilter}, which answers 401 or 429 with a problem body before anything runs.
 * Sessions keep only the account id; each request reloads the account, so a disabled account or a
 * changed role takes effect at once.
 */
@ApplicationScoped
public class DarsAuthenticationMechanism implements HttpAuthenticationMechanism {
  static final String CALLER = "org.dars.security.caller";
  static final String REFUSED = "org.dars.security.refused";
  /** A refused sign-in on the login form, for the form to explain; the page itself answers normally. */
  public static final String LOGIN_REFUSED = "org.dars.security.login-refused";
  static final String SESSION_ACCOUNT = "org.dars.security.account";

  @Inject Credentials credentials;

  @Override
  public AuthenticationStatus validateRequest(HttpServletRequest req, HttpServletResponse res, HttpMessageContext ctx) {
    String address = req.getRemoteAddr();
    try {
      if (ctx.isAuthenticationRequest()) {
        if (!(ctx.getAuthParameters().getCredential() instanceof UsernamePasswordCredential c)) {
          return AuthenticationStatus.SEND_FAILURE;
        }
        Caller caller = credentials.password(c.getCaller(), c.getPasswordAsString(), address, true);
        req.getSession(true);
        req.changeSessionId(); // a session id known before sign-in is worth nothing after it
        req.getSession().setAttribute(SESSION_ACCOUNT, caller.account());
        org.dars.http.Csrf.rotate(req.getSession()); // and so is a CSRF token handed out before it
        return login(req, ctx, caller);
      }
      String authorization = req.getHeader("Authorization");
      if (authorization != null) {
        return login(req, ctx, fromHeader(authorization.strip(), address));
      }
      HttpSession session = req.getSession(false);
      if (session != null && session.getAttribute(SESSION_ACCOUNT) instanceof UUID account) {
        Optional<Caller> caller = credentials.session(account);
        if (caller.isPresent()) {
          return login(req, ctx, caller.get());
        }
        session.invalidate();
      }
      return ctx.doNothing();
    } catch (Credentials.Refused refused) {
      if (ctx.isAuthenticationRequest()) {
        req.setAttribute(LOGIN_REFUSED, refused);
        return AuthenticationStatus.SEND_FAILURE;
      }
      req.setAttribute(REFUSED, refused);
      return ctx.doNothing();
    }
  }

  private Caller fromHeader(String authorization, String address) throws Credentials.Refused {
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return credentials.token(authorization.substring(7).strip(), address);
    }
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new Credentials.Refused(401, "malformed-credentials", "The Basic credentials are not valid base64 of 'name:password'.", null);
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new Credentials.Refused(401, "malformed-credentials", "The Basic credentials must be base64 of 'name:password'.", null);
      }
      return credentials.password(decoded.substring(0, colon), decoded.substring(colon + 1), address, false);
    }
    throw new Credentials.Refused(401, "unsupported-authorization",
        "Send 'Authorization: Bearer <API token>' or 'Authorization: Basic <base64 of name:password>'.", null);
  }

  private static AuthenticationStatus login(HttpServletRequest req, HttpMessageContext ctx, Caller caller) {
    req.setAttribute(CALLER, caller);
    Set<String> groups = caller.roles().stream().map(Role::id).collect(Collectors.toSet());
    return ctx.notifyContainerAboutLogin(new CallerPrincipal(caller.name()), groups);
  }
}
