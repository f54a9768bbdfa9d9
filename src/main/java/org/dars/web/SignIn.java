package org.dars.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.dars.security.Access;
import org.dars.security.Caller;
import org.dars.security.Credentials;
import org.dars.security.DarsAuthenticationMechanism;
import org.dars.security.Role;

/**
 * The login form and the signed-in user in the page header. Signing in goes through Jakarta
 * Security ({@code SecurityContext.authenticate}), the same mechanism as every other request;
 * signing out ends the session. After signing in, the user returns to the page that sent them,
 * if it was one of ours.
 */
@Named("signIn")
@RequestScoped
public class SignIn {
  @Inject SecurityContext security;
  @Inject Access access;
  @Inject Ui ui;

  private String username;
  private String password;
  private String next;
  private String error;

  public String signIn() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ext = faces.getExternalContext();
    HttpServletRequest req = (HttpServletRequest) ext.getRequest();
    HttpServletResponse res = (HttpServletResponse) ext.getResponse();
    AuthenticationStatus status = security.authenticate(req, res, AuthenticationParameters.withParams()
        .credential(new UsernamePasswordCredential(username == null ? "" : username.strip(), new Password(password == null ? "" : password)))
        .newAuthentication(true));
    if (status == AuthenticationStatus.SUCCESS) {
      ext.redirect(ext.getRequestContextPath() + "/" + safeNext());
      faces.responseComplete();
      return null;
    }
    Object refused = req.getAttribute(DarsAuthenticationMechanism.LOGIN_REFUSED);
    boolean throttled = refused instanceof Credentials.Refused r
        && (r.type().equals("account-locked") || r.type().equals("too-many-failures"));
    error = ui.t(throttled ? "login.locked" : "login.failed");
    password = null;
    return null;
  }

  public String signOut() throws IOException, ServletException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ext = faces.getExternalContext();
    HttpServletRequest req = (HttpServletRequest) ext.getRequest();
    req.logout();
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    ext.redirect(ext.getRequestContextPath() + "/search.xhtml");
    faces.responseComplete();
    return null;
  }

  /** Only a page of this application: no scheme, no host, no "//". */
  private String safeNext() {
    if (next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") && next.length() < 2000) {
      return next.substring(1);
    }
    return "search.xhtml";
  }

  public boolean isSignedIn() {
    return !access.caller().isAnonymous() && !access.caller().system();
  }

  public String getName() {
    return access.caller().name();
  }

  public boolean has(String role) {
    return Role.of(role).map(access.caller()::has).orElse(false);
  }

  public Caller getCaller() {
    return access.caller();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  public String getError() {
    return error;
  }
}
