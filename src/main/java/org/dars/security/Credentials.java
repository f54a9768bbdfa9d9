package org.dars.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.dars.platform.DarsConfig;

/**
 * Checks passwords and tokens and turns an account into a {@link Caller}. Passwords are PBKDF2
 * (HMAC-SHA-512, 210,000 iterations); tokens are looked up by their SHA-256 on every request, so a
 * revoked token stops working at once.
 *
 * <p>Because a deliberately slow hash on every HTTP Basic request would make API clients slow, a
 * verified password is remembered for a few minutes, keyed by a SHA-256 of the name and password
 * and the stored hash (never the password itself), so a changed password is never matched by an old one. Failed sign-ins are counted
 * per account in the database (lockout holds across a cluster) and per client address in memory.
 */
@ApplicationScoped
public class Credentials {
  private static final Duration REMEMBER_VERIFIED = Duration.ofMinutes(5);
  private static final int REMEMBERED_MAX = 10_000;
  static final Duration ADDRESS_WINDOW = Duration.ofMinutes(5);

  @Inject Pbkdf2PasswordHash hasher;
  @Inject SecurityRepository repository;
  @Inject AuditLog audit;
  @Inject DarsConfig config;

  private final Map<String, Instant> verified = new ConcurrentHashMap<>();
  private AddressThrottle throttle;

  /** Why a sign-in or token was refused, with the status the client gets. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String type;
    final Instant retryAfter;

    /** The problem type: bad-credentials, account-locked, too-many-failures, invalid-token, … */
    public String type() {
      return type;
    }

    Refused(int status, String type, String detail, Instant retryAfter) {
      super(detail, null, false, false);
      this.status = status;
      this.type = type;
      this.retryAfter = retryAfter;
    }
  }

  @PostConstruct
  void init() {
    throttle = new AddressThrottle(config.addressFailureLimit(), ADDRESS_WINDOW);
    hasher.initialize(Map.of(
        "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
        "Pbkdf2PasswordHash.Iterations", "210000",
        "Pbkdf2PasswordHash.SaltSizeBytes", "32",
        "Pbkdf2PasswordHash.KeySizeBytes", "64"));
  }

  String hash(String password) {
    return hasher.generate(password.toCharArray());
  }

  /** Checks a username and password; counts failures and locks the account after too many. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Caller password(String username, String password, String address, boolean audited) throws Refused {
    Optional<Instant> refused = throttle.refusedUntil(address, Instant.now());
    if (refused.isPresent()) {
      throw new Refused(429, "too-many-failures", "Too many failed sign-ins from your address. Try again after "
          + refused.get() + " (UTC).", refused.get());
    }
    Instant now = Instant.now();
    Optional<Account> found = username == null || username.length() > 100 ? Optional.empty() : repository.account(username);
    if (found.isEmpty() || found.get().isDisabled() || found.get().passwordHash().isEmpty()) {
      throttle.failed(address, Instant.now());
      audit.record(safe(username), AuditLog.SIGN_IN_FAILED, safe(username), "unknown or disabled account", address);
      throw badCredentials();
    }
    Account account = repository.accountForUpdate(found.get().id()).orElseThrow();
    Optional<Instant> locked = account.lockedUntil(now);
    if (locked.isPresent()) {
      throw new Refused(429, "account-locked", "Too many failed sign-ins: this account is locked until " + locked.get()
          + " (UTC). Try again then, or ask an administrator to set a new password.", locked.get());
    }
    String key = rememberKey(username, password, account.passwordHash().get());
    Instant until = verified.get(key);
    if (until == null || until.isBefore(now)) {
      if (!hasher.verify(password.toCharArray(), account.passwordHash().get())) {
        throttle.failed(address, Instant.now());
        boolean nowLocked = account.failedSignIn(now);
        audit.record(username, AuditLog.SIGN_IN_FAILED, username, "wrong password", address);
        if (nowLocked) {
          audit.record(username, AuditLog.ACCOUNT_LOCKED, username, "locked for " + Account.LOCK_FOR.toMinutes() + " minutes", address);
        }
        throw badCredentials();
      }
      if (verified.size() > REMEMBERED_MAX) {
        verified.clear();
      }
      verified.put(key, now.plus(REMEMBER_VERIFIED));
    }
    account.signedIn();
    if (audited) {
      audit.record(username, AuditLog.SIGN_IN, username, null, address);
    }
    return caller(account, account.roles());
  }

  /** Resolves a Bearer token to its account, narrowed to the token's scopes. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Caller token(String token, String address) throws Refused {
    Instant now = Instant.now();
    Optional<ApiToken> found = token.length() > 200 ? Optional.empty() : repository.tokenByHash(sha256(token));
    Optional<Account> account = found.flatMap(t -> repository.account(t.account()));
    // Unknown tokens are not throttled: 256 random bits are not guessed, and throttling would only
    // let a client with a stale token lock out everyone behind the same address.
    if (found.isEmpty() || !found.get().isUsable(now) || account.isEmpty() || account.get().isDisabled()) {
      audit.record("anonymous", AuditLog.TOKEN_REFUSED, found.map(t -> t.id().toString()).orElse(null),
          found.isEmpty() ? "unknown token" : "revoked, expired, or its account is disabled", address);
      throw new Refused(401, "invalid-token", "This API token is unknown, revoked or expired. Create a new one"
          + " (POST /api/v1/tokens) or ask an administrator.", null);
    }
    ApiToken t = found.get();
    if (t.used(now)) {
      audit.record(account.get().username(), AuditLog.TOKEN_USED, t.id().toString(), t.name(), address);
    }
    EnumSet<Role> roles = account.get().roles();
    roles.retainAll(t.scopes());
    return caller(account.get(), roles);
  }

  /**
   * A person the server signed in itself (OpenID Connect). The first time, Dars creates their
   * account in the home organisation with the Dars roles the identity provider granted (instructor
   * if none); after that, the account as administrators keep it.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Caller external(String username, java.util.function.Predicate<String> inRole, String address) {
    Account account = repository.account(username).orElseGet(() -> {
      EnumSet<Role> roles = EnumSet.noneOf(Role.class);
      for (Role r : Role.values()) {
        if (r != Role.PARTNER_SYNC && inRole.test(r.id())) {
          roles.add(r);
        }
      }
      if (roles.isEmpty()) {
        roles.add(Role.INSTRUCTOR);
      }
      Account a = new Account(username, username, home(), roles, null, Instant.now());
      repository.persist(a);
      audit.record(username, AuditLog.ACCOUNT_CREATED, username, "single sign-on; roles=" + Role.toList(roles), address);
      return a;
    });
    if (account.isDisabled()) {
      return Caller.ANONYMOUS;
    }
    return caller(account, account.roles());
  }

  private OrganisationId home() {
    return new OrganisationId(config.homeOrganisation());
  }

  /** The caller behind a signed-in session, as the account stands now: disabling or role changes apply at once. */
  @Transactional
  public Optional<Caller> session(UUID accountId) {
    return repository.account(accountId).filter(a -> !a.isDisabled()).map(a -> caller(a, a.roles()));
  }

  Caller caller(Account account, EnumSet<Role> roles) {
    boolean partner = repository.organisation(account.organisation()).map(Organisation::isPartner).orElse(false);
    return new Caller(account.id(), account.username(), account.organisation(), roles, partner, false);
  }

  private static Refused badCredentials() {
    return new Refused(401, "bad-credentials", "The user name or password is wrong.", null);
  }

  private static String safe(String username) {
    return username == null ? "" : username.length() > 100 ? username.substring(0, 100) : username;
  }

  /** Includes the stored hash, so a changed password is never matched by a remembered old one. */
  private static String rememberKey(String username, String password, String storedHash) {
    return sha256(username + '\u0000' + password + '\u0000' + storedHash);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
