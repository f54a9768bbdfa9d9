package org.dars.sharing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A token this instance issued to a partner, kept only as its SHA-256. */
@Entity
@Table(name = "sharing_token")
class PartnerToken {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "partner_id", nullable = false)
  private UUID partnerId;

  @Column(name = "token_sha256", nullable = false)
  private String tokenSha256;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected PartnerToken() {}

  PartnerToken(UUID partner, String sha256, String actor, Instant now) {
    this.partnerId = partner;
    this.tokenSha256 = sha256;
    this.createdBy = actor;
    this.createdAt = now;
  }

  UUID partner() {
    return partnerId;
  }

  boolean isRevoked() {
    return revokedAt != null;
  }
}
