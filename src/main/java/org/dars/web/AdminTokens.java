package org.dars.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.dars.platform.DarsException;
import org.dars.security.AccountService;
import org.dars.security.AccountService.IssuedToken;
import org.dars.security.AccountService.TokenView;

/**
 * Everyone's API tokens on the administration page: list, revoke, and create one for a user. The
 * secret of a new token is in this view only until the administrator dismisses it or does anything
 * else; Dars itself keeps only its SHA-256 ({@link AccountService#createToken}).
 */
@Named
@ViewScoped
public class AdminTokens implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Lifetimes offered, in days; 0 is "never expires". */
  private static final List<Integer> LIFETIMES = List.of(30, 90, 365, 0);

  @Inject AccountService accounts;
  @Inject Ui ui;

  private transient List<TokenView> tokens;
  private String owner;
  private String name;
  private List<String> scopes = new ArrayList<>();
  private int days = 90;
  private String secret;
  private String secretOwner;
  private String secretName;

  public List<TokenView> getTokens() {
    if (tokens == null) {
      tokens = accounts.tokens();
    }
    return tokens;
  }

  public List<Integer> getLifetimes() {
    return LIFETIMES;
  }

  /** Creates the token; its secret is shown once, below the form. Scopes left empty mean all the user's roles. */
  public void create() {
    forgetSecret();
    JsonObjectBuilder body = Json.createObjectBuilder().add("account", owner == null ? "" : owner)
        .add("name", name == null ? "" : name.strip());
    if (!scopes.isEmpty()) {
      JsonArrayBuilder s = Json.createArrayBuilder();
      scopes.forEach(s::add);
      body.add("scopes", s);
    }
    if (days > 0) {
      body.add("expiresInDays", days);
    }
    try {
      IssuedToken issued = accounts.createToken(body.build().toString());
      secret = issued.secret();
      secretOwner = issued.token().account();
      secretName = issued.token().name();
      name = null;
      scopes = new ArrayList<>();
      tokens = null;
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
    }
  }

  public void revoke(String id) {
    forgetSecret();
    try {
      TokenView revoked = accounts.revoke(id);
      PageMessages.info(ui.f("admin.tokens.revoked", revoked.name(), revoked.account()));
      tokens = null;
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
    }
  }

  /** The administrator has copied the secret: it leaves the page for good. */
  public void forgetSecret() {
    secret = null;
    secretOwner = null;
    secretName = null;
  }

  public String getSecret() {
    return secret;
  }

  public String getSecretOwner() {
    return secretOwner;
  }

  public String getSecretName() {
    return secretName;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes == null ? new ArrayList<>() : new ArrayList<>(scopes);
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }
}
