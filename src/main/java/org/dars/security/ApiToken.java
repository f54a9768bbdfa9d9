package org.dars.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/** A named Bearer token of an account, kept only as its SHA-256; its scopes narrow the account's roles. */
@Entity
@Table(name = "api_token")
public class ApiToken {
  /** Last use is written at most this often, so a busy client does not write on every request. */
  static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(10);

  @Id private UUID id;

  @Column(name = "account_id", nullable = false)
  private UUID accountId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String scopes;

  @Column(name = "token_sha256", nullable = false)
  private String tokenSha256;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected ApiToken() {}

  ApiToken(UUID account, String name, EnumSet<Role> scopes, String sha256, String actor, Instant expiresAt, Instant now) {
    this.id = UUID.randomUUID();
    this.accountId = account;
    this.name = name;
    this.scopes = Role.toList(scopes);
    this.tokenSha256 = sha256;
    this.createdBy = actor;
    this.expiresAt = expiresAt;
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID account() {
    return accountId;
  }

  public String name() {
    return name;
  }

  public EnumSet<Role> scopes() {
    return Role.parseList(scopes);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }

  boolean isUsable(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }

  /** Records a use; true when this use is worth writing down (and auditing). */
  boolean used(Instant now) {
    if (lastUsedAt != null && lastUsedAt.plus(USE_RECORDED_EVERY).isAfter(now)) {
      return false;
    }
    lastUsedAt = now;
    return true;
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }
}
