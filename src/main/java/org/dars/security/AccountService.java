package org.dars.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.dars.platform.DarsException;

/**
 * Organisations, accounts and API tokens, as administrators and users manage them. Role changes,
 * new accounts, passwords and tokens are audited; tokens are shown once and kept as SHA-256 only.
 */
@ApplicationScoped
public class AccountService {
  static final int MIN_PASSWORD = 12;
  private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{2,100}");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject SecurityRepository repository;
  @Inject Credentials credentials;
  @Inject AuditLog audit;
  @Inject Access access;

  public record OrganisationView(String id, String name, boolean partner, boolean reviewRequired, Instant createdAt) {
    static OrganisationView of(Organisation o) {
      return new OrganisationView(o.id().value(), o.name(), o.isPartner(), o.reviewRequired(), o.createdAt());
    }
  }

  public record AccountView(String id, String username, String displayName, String organisation, List<String> roles,
      boolean disabled, Instant createdAt) {
    static AccountView of(Account a) {
      return new AccountView(a.id().toString(), a.username(), a.displayName(), a.organisation().value(),
          a.roles().stream().map(Role::id).toList(), a.isDisabled(), a.createdAt());
    }
  }

  public record TokenView(String id, String account, String name, List<String> scopes, Instant createdAt,
      String createdBy, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
    static TokenView of(ApiToken t, String username) {
      return new TokenView(t.id().toString(), username, t.name(), t.scopes().stream().map(Role::id).toList(),
          t.createdAt(), t.createdBy(), t.expiresAt().orElse(null), t.revokedAt().orElse(null), t.lastUsedAt().orElse(null));
    }
  }

  /** A token just created: the secret is in this answer and nowhere else. */
  public record IssuedToken(TokenView token, String secret, String use) {}

  // ---- organisations

  public List<OrganisationView> organisations() {
    return repository.organisations().stream().map(OrganisationView::of).toList();
  }

  public OrganisationView organisation(String id) {
    return OrganisationView.of(find(OrganisationId.parse(id)));
  }

  @Transactional
  public OrganisationView createOrganisation(String body) {
    Fields f = Fields.of(body);
    OrganisationId id = OrganisationId.parse(f.required("id", 40));
    if (repository.organisation(id).isPresent()) {
      throw DarsException.conflict("organisation-exists", "There is already an organisation '" + id + "'. Change it with PUT.");
    }
    Organisation o = new Organisation(id, f.required("name", 200), f.bool("partner").orElse(false),
        f.bool("reviewRequired").orElse(false), Instant.now());
    repository.persist(o);
    audit.record(AuditLog.ORGANISATION_CHANGED, id.value(), "created; partner=" + o.isPartner() + " review=" + o.reviewRequired());
    return OrganisationView.of(o);
  }

  @Transactional
  public OrganisationView updateOrganisation(String id, String body) {
    Organisation o = find(OrganisationId.parse(id));
    Fields f = Fields.of(body);
    o.update(f.string("name", 200).orElse(o.name()), f.bool("partner").orElse(o.isPartner()),
        f.bool("reviewRequired").orElse(o.reviewRequired()));
    audit.record(AuditLog.ORGANISATION_CHANGED, id, "partner=" + o.isPartner() + " review=" + o.reviewRequired());
    return OrganisationView.of(o);
  }

  /** The organisation, creating it if this is the first time Dars meets it (home, partner instances). */
  @Transactional
  public Organisation ensureOrganisation(OrganisationId id, String name, boolean partner) {
    return repository.organisation(id).orElseGet(() -> {
      Organisation o = new Organisation(id, name, partner, false, Instant.now());
      repository.persist(o);
      return o;
    });
  }

  public Optional<Organisation> findOrganisation(OrganisationId id) {
    return repository.organisation(id);
  }

  Organisation find(OrganisationId id) {
    return repository.organisation(id).orElseThrow(() -> DarsException.notFound("unknown-organisation",
        "There is no organisation '" + id + "'. GET /api/v1/organisations lists them."));
  }

  // ---- accounts

  public List<AccountView> accounts() {
    return repository.accounts().stream().map(AccountView::of).toList();
  }

  public AccountView account(String id) {
    return AccountView.of(findAccount(id));
  }

  @Transactional
  public AccountView createAccount(String body) {
    Fields f = Fields.of(body);
    String username = f.required("username", 100);
    if (!USERNAME.matcher(username).matches()) {
      throw DarsException.invalid("invalid-username",
          "User names are 2 to 100 letters (any script), digits, '.', '_', '@' or '-'.");
    }
    if (repository.account(username).isPresent()) {
      throw DarsException.conflict("username-taken", "There is already a user '" + username + "'.");
    }
    OrganisationId org = find(OrganisationId.parse(f.required("organisation", 40))).id();
    EnumSet<Role> roles = f.roles("roles").orElse(EnumSet.of(Role.INSTRUCTOR));
    String password = checkedPassword(f.required("password", 1000));
    Account a = new Account(username, f.string("displayName", 200).orElse(username), org, roles,
        credentials.hash(password), Instant.now());
    repository.persist(a);
    audit.record(AuditLog.ACCOUNT_CREATED, username, "organisation=" + org + " roles=" + Role.toList(roles));
    return AccountView.of(a);
  }

  @Transactional
  public AccountView updateAccount(String id, String body) {
    Account a = repository.accountForUpdate(findAccount(id).id()).orElseThrow();
    Fields f = Fields.of(body);
    EnumSet<Role> before = a.roles();
    OrganisationId org = f.string("organisation", 40).map(s -> find(OrganisationId.parse(s)).id()).orElse(a.organisation());
    EnumSet<Role> roles = f.roles("roles").orElse(before);
    a.update(f.string("displayName", 200).orElse(a.displayName()), org, roles, f.bool("disabled").orElse(a.isDisabled()));
    if (!roles.equals(before)) {
      audit.record(AuditLog.ROLES_CHANGED, a.username(), Role.toList(before) + " -> " + Role.toList(roles));
    }
    Optional<String> password = f.string("password", 1000);
    if (password.isPresent()) {
      a.password(credentials.hash(checkedPassword(password.get())));
      audit.record(AuditLog.PASSWORD_CHANGED, a.username(), "set by " + access.caller().name());
    }
    return AccountView.of(a);
  }

  /** A signed-in person changes their own password, proving they know the current one. */
  @Transactional
  public void changeOwnPassword(String body) {
    Caller caller = access.caller();
    Fields f = Fields.of(body);
    String current = f.required("currentPassword", 1000);
    String next = checkedPassword(f.required("newPassword", 1000));
    try {
      credentials.password(caller.name(), current, null, false);
    } catch (Credentials.Refused e) {
      throw new DarsException(403, "wrong-password", "Forbidden", "The current password is wrong; the password was not changed.");
    }
    Account a = repository.accountForUpdate(caller.account()).orElseThrow();
    a.password(credentials.hash(next));
    audit.record(AuditLog.PASSWORD_CHANGED, a.username(), "by the user");
  }

  /** Creates the account if there is none with this name; used on first start and for partner machines. */
  @Transactional
  public Account ensureAccount(String username, String displayName, OrganisationId org, EnumSet<Role> roles,
      Optional<String> password) {
    return repository.account(username).orElseGet(() -> {
      Account a = new Account(username, displayName, org, roles, password.map(credentials::hash).orElse(null), Instant.now());
      repository.persist(a);
      audit.record("system", AuditLog.ACCOUNT_CREATED, username, "organisation=" + org + " roles=" + Role.toList(roles), null);
      return a;
    });
  }

  public Account account(UUID id) {
    return repository.account(id).orElseThrow(() ->
        DarsException.notFound("unknown-user", "There is no user " + id + ". GET /api/v1/users lists them."));
  }

  /** Remembers the interface language a signed-in person chose, so it follows them to any browser. */
  @Transactional
  public void rememberLanguage(UUID account, String code) {
    repository.account(account).filter(a -> !code.equals(a.uiLanguage().orElse(null))).ifPresent(a -> a.uiLanguage(code));
  }

  public Optional<String> language(UUID account) {
    return repository.account(account).flatMap(Account::uiLanguage);
  }

  public long accountCount() {
    return repository.accountCount();
  }

  private Account findAccount(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw DarsException.notFound("unknown-user", "There is no user " + id + ". GET /api/v1/users lists them.");
    }
    return repository.account(uuid).orElseThrow(() ->
        DarsException.notFound("unknown-user", "There is no user " + id + ". GET /api/v1/users lists them."));
  }

  private static String checkedPassword(String password) {
    if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
      throw DarsException.invalid("weak-password", "Passwords need at least " + MIN_PASSWORD + " characters.");
    }
    return password;
  }

  // ---- tokens

  /** Tokens of the caller; an administrator sees everyone's. */
  public List<TokenView> tokens() {
    Caller c = access.caller();
    List<ApiToken> tokens = c.has(Role.ADMIN) ? repository.tokens() : repository.tokens(c.account());
    return tokens.stream().map(t -> TokenView.of(t, username(t.account()))).toList();
  }

  /**
   * Creates a token for the caller, or (administrators) for another account. Scopes default to all
   * the account's roles and can only narrow them.
   */
  @Transactional
  public IssuedToken createToken(String body) {
    Caller c = access.caller();
    Fields f = Fields.of(body);
    Account owner = f.string("account", 100)
        .map(name -> {
          if (!c.has(Role.ADMIN) && !name.equals(c.name())) {
            throw Access.forbidden("Only administrators create tokens for other users.");
          }
          return repository.account(name).orElseThrow(() -> DarsException.invalid("unknown-user", "There is no user '" + name + "'."));
        })
        .orElseGet(() -> repository.account(c.account()).orElseThrow());
    return issue(owner, f.required("name", 200), f.roles("scopes"), f.number("expiresInDays", 1, 3650).map(d -> Duration.ofDays(d)));
  }

  @Transactional
  public IssuedToken issue(Account owner, String name, Optional<EnumSet<Role>> scopes, Optional<Duration> lifetime) {
    EnumSet<Role> granted = scopes.orElse(owner.roles());
    if (!owner.roles().containsAll(granted) || granted.isEmpty()) {
      throw DarsException.invalid("invalid-scopes", "A token's scopes must be some of its account's roles: "
          + Role.toList(owner.roles()) + ".");
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String secret = "dars_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant now = Instant.now();
    ApiToken t = new ApiToken(owner.id(), name, granted, Credentials.sha256(secret), access.caller().name(),
        lifetime.map(now::plus).orElse(null), now);
    repository.persist(t);
    audit.record(AuditLog.TOKEN_CREATED, t.id().toString(), "for " + owner.username() + ": " + name + " [" + Role.toList(granted) + "]");
    return new IssuedToken(TokenView.of(t, owner.username()), secret,
        "Send it as 'Authorization: Bearer <token>'. It is shown only now; Dars keeps only its SHA-256.");
  }

  /** Revokes a token: the owner or an administrator. The next request with it is refused. */
  @Transactional
  public TokenView revoke(String id) {
    Caller c = access.caller();
    ApiToken t = parseToken(id).flatMap(repository::token)
        .filter(tok -> c.has(Role.ADMIN) || tok.account().equals(c.account()))
        .orElseThrow(() -> DarsException.notFound("unknown-token", "There is no token " + id + " of yours."));
    t.revoke(Instant.now());
    audit.record(AuditLog.TOKEN_REVOKED, t.id().toString(), t.name());
    return TokenView.of(t, username(t.account()));
  }

  private static Optional<UUID> parseToken(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private String username(UUID account) {
    return repository.account(account).map(Account::username).orElse("?");
  }
}
