package org.dars.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A registered partner instance: its id, name and public key (only packages it signed are
 * imported), optionally the base URL this instance pulls from and the token the partner issued for
 * that, and the status of the last pull.
 */
@Entity
@Table(name = "sharing_partner")
class Partner {
  @Id
  @Column(name = "instance_id")
  private UUID instanceId;

  @Column(nullable = false)
  private String name;

  @Column(name = "public_key", nullable = false)
  private String publicKey;

  @Column(name = "base_url")
  private String baseUrl;

  @Column(name = "remote_token")
  private String remoteToken;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "last_success_at")
  private Instant lastSuccessAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "bytes_transferred", nullable = false)
  private long bytesTransferred;

  /** The partner's machine account here (role partner-sync), which its tokens belong to. */
  @Column(name = "account_id")
  private UUID accountId;

  protected Partner() {}

  Optional<UUID> account() {
    return Optional.ofNullable(accountId);
  }

  void account(UUID account) {
    this.accountId = account;
  }

  Partner(UUID id, String name, String publicKey, String baseUrl, String remoteToken, String actor, Instant now) {
    this.instanceId = id;
    this.createdAt = now;
    this.createdBy = actor;
    update(name, publicKey, baseUrl, remoteToken);
  }

  void update(String name, String publicKey, String baseUrl, String remoteToken) {
    this.name = name;
    this.publicKey = publicKey;
    this.baseUrl = baseUrl;
    this.remoteToken = remoteToken;
  }

  UUID id() {
    return instanceId;
  }

  String name() {
    return name;
  }

  String publicKey() {
    return publicKey;
  }

  Optional<String> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  Optional<String> remoteToken() {
    return Optional.ofNullable(remoteToken);
  }

  Instant createdAt() {
    return createdAt;
  }

  Optional<Instant> lastAttemptAt() {
    return Optional.ofNullable(lastAttemptAt);
  }

  Optional<Instant> lastSuccessAt() {
    return Optional.ofNullable(lastSuccessAt);
  }

  Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  long bytesTransferred() {
    return bytesTransferred;
  }

  void synced(Instant at, long bytes, String error) {
    lastAttemptAt = at;
    bytesTransferred += bytes;
    if (error == null) {
      lastSuccessAt = at;
      lastError = null;
    } else {
      lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
    }
  }
}
