package org.dars.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/**
 * A person, or a partner instance's machine account. Consecutive failed sign-ins lock the account
 * for a while; a successful one resets the count.
 */
@Entity
@Table(name = "account")
public class Account {
  static final int LOCK_AFTER_FAILURES = 5;
  static final Duration LOCK_FOR = Duration.ofMinutes(15);

  @Id private UUID id;

  @Column(nullable = false)
  private String username;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "organisation_id", nullable = false)
  private String organisationId;

  @Column(nullable = false)
  private String roles;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "failed_sign_ins", nullable = false)
  private int failedSignIns;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(nullable = false)
  private boolean disabled;

  @Column(name = "ui_language")
  private String uiLanguage;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected Account() {}

  Account(String username, String displayName, OrganisationId organisation, EnumSet<Role> roles, String passwordHash,
      Instant now) {
    this.id = UUID.randomUUID();
    this.username = username;
    this.displayName = displayName;
    this.organisationId = organisation.value();
    this.roles = Role.toList(roles);
    this.passwordHash = passwordHash;
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public OrganisationId organisation() {
    return new OrganisationId(organisationId);
  }

  public EnumSet<Role> roles() {
    return Role.parseList(roles);
  }

  public boolean isDisabled() {
    return disabled;
  }

  public Instant createdAt() {
    return createdAt;
  }

  Optional<String> passwordHash() {
    return Optional.ofNullable(passwordHash);
  }

  Optional<Instant> lockedUntil(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now) ? Optional.of(lockedUntil) : Optional.empty();
  }

  /** Counts a failed sign-in; returns true when this failure locked the account. */
  boolean failedSignIn(Instant now) {
    failedSignIns++;
    if (failedSignIns >= LOCK_AFTER_FAILURES) {
      failedSignIns = 0;
      lockedUntil = now.plus(LOCK_FOR);
      return true;
    }
    return false;
  }

  void signedIn() {
    failedSignIns = 0;
    lockedUntil = null;
  }

  void update(String displayName, OrganisationId organisation, EnumSet<Role> roles, boolean disabled) {
    this.displayName = displayName;
    this.organisationId = organisation.value();
    this.roles = Role.toList(roles);
    this.disabled = disabled;
  }

  /** The interface language the person chose last, if any. */
  public Optional<String> uiLanguage() {
    return Optional.ofNullable(uiLanguage);
  }

  void uiLanguage(String code) {
    this.uiLanguage = code;
  }

  void password(String hash) {
    this.passwordHash = hash;
    this.failedSignIns = 0;
    this.lockedUntil = null;
  }
}
