package org.dars.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.dars.platform.DarsException;
import org.dars.security.AccountService;
import org.dars.security.AccountService.AccountView;
import org.dars.security.AccountService.OrganisationView;
import org.dars.security.Role;

/**
 * Users and organisations on the administration page ({@code /admin.xhtml}). Every change is the
 * body the REST API takes, handed to {@link AccountService}, so user names, password length, roles,
 * organisation ids and the audit records follow the API's rules; a refusal becomes a sentence in
 * the user's language. The lists are read again after every change and on every new view.
 */
@Named
@ViewScoped
public class AdminAccounts implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject AccountService accounts;
  @Inject Ui ui;

  private transient List<AccountView> users;
  private transient List<OrganisationView> organisations;
  private UserForm newUser;
  private UserForm editedUser;
  private OrganisationForm newOrganisation = new OrganisationForm();
  private OrganisationForm editedOrganisation;

  public List<AccountView> getUsers() {
    if (users == null) {
      users = accounts.accounts();
    }
    return users;
  }

  public List<OrganisationView> getOrganisations() {
    if (organisations == null) {
      organisations = accounts.organisations();
    }
    return organisations;
  }

  /** Role ids in the order of {@link Role}, for the check boxes. */
  public List<String> getRoleIds() {
    return Arrays.stream(Role.values()).map(Role::id).toList();
  }

  /** An organisation's name for its id, as the user list shows it. */
  public String organisationName(String id) {
    return getOrganisations().stream().filter(o -> o.id().equals(id)).map(OrganisationView::name).findFirst().orElse(id);
  }

  // ---- users

  public UserForm getNewUser() {
    if (newUser == null) {
      newUser = UserForm.blank(getOrganisations().isEmpty() ? null : getOrganisations().get(0).id());
    }
    return newUser;
  }

  public void createUser() {
    try {
      AccountView created = accounts.createAccount(getNewUser().creation().toString());
      PageMessages.info(ui.f("admin.users.created", created.username()));
      newUser = null;
      users = null;
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
      newUser.forgetPassword();
    }
  }

  public void editUser(String id) {
    try {
      editedUser = UserForm.of(accounts.account(id));
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
    }
  }

  public UserForm getEditedUser() {
    return editedUser;
  }

  public void saveUser() {
    try {
      AccountView saved = accounts.updateAccount(editedUser.getId(), editedUser.change().toString());
      PageMessages.info(ui.f("admin.users.saved", saved.username()));
      editedUser = null;
      users = null;
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
      editedUser.forgetPassword();
    }
  }

  public void cancelUser() {
    editedUser = null;
  }

  // ---- organisations

  public OrganisationForm getNewOrganisation() {
    return newOrganisation;
  }

  public void createOrganisation() {
    try {
      OrganisationView created = accounts.createOrganisation(newOrganisation.body(true).toString());
      PageMessages.info(ui.f("admin.organisations.created", created.name()));
      newOrganisation = new OrganisationForm();
      organisations = null;
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
    }
  }

  public void editOrganisation(String id) {
    try {
      editedOrganisation = OrganisationForm.of(accounts.organisation(id));
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
    }
  }

  public OrganisationForm getEditedOrganisation() {
    return editedOrganisation;
  }

  public void saveOrganisation() {
    try {
      OrganisationView saved = accounts.updateOrganisation(editedOrganisation.getId(), editedOrganisation.body(false).toString());
      PageMessages.info(ui.f("admin.organisations.saved", saved.name()));
      editedOrganisation = null;
      organisations = null;
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
    }
  }

  public void cancelOrganisation() {
    editedOrganisation = null;
  }
}
