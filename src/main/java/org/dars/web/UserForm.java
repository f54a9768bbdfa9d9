package org.dars.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.dars.security.AccountService.AccountView;

/**
 * What the administration page's user forms hold: a new account, or changes to one. It becomes the
 * JSON body of {@code POST /users} or {@code PUT /users/{id}}, and the service judges it as it
 * judges the API's. The password is never shown again and is forgotten after every attempt.
 */
public class UserForm implements Serializable {
  private static final long serialVersionUID = 1L;

  private String id;
  private String username;
  private String displayName;
  private String organisation;
  private List<String> roles = new ArrayList<>();
  private String password;
  private boolean disabled;

  /** A form for a new account: an instructor of the given organisation, until the administrator says otherwise. */
  static UserForm blank(String organisation) {
    UserForm f = new UserForm();
    f.organisation = organisation;
    f.roles.add("instructor");
    return f;
  }

  /** A form holding an account's current values, to change them. */
  static UserForm of(AccountView a) {
    UserForm f = new UserForm();
    f.id = a.id();
    f.username = a.username();
    f.displayName = a.displayName();
    f.organisation = a.organisation();
    f.roles = new ArrayList<>(a.roles());
    f.disabled = a.disabled();
    return f;
  }

  /** The body for creating the account. */
  JsonObject creation() {
    JsonObjectBuilder o = Json.createObjectBuilder().add("username", text(username));
    common(o);
    return o.add("password", password == null ? "" : password).build();
  }

  /** The body for changing it: a password only if one was typed. */
  JsonObject change() {
    JsonObjectBuilder o = Json.createObjectBuilder().add("disabled", disabled);
    common(o);
    if (password != null && !password.isEmpty()) {
      o.add("password", password);
    }
    return o.build();
  }

  private void common(JsonObjectBuilder o) {
    if (displayName != null && !displayName.isBlank()) {
      o.add("displayName", displayName.strip());
    }
    JsonArrayBuilder r = Json.createArrayBuilder();
    roles.forEach(r::add);
    o.add("organisation", text(organisation)).add("roles", r);
  }

  void forgetPassword() {
    password = null;
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }

  public String getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getOrganisation() {
    return organisation;
  }

  public void setOrganisation(String organisation) {
    this.organisation = organisation;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isDisabled() {
    return disabled;
  }

  public void setDisabled(boolean disabled) {
    this.disabled = disabled;
  }
}
