package org.dars.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An organisation whose people use this instance: the home directorate, a partner, a college. */
@Entity
@Table(name = "organisation")
public class Organisation {
  @Id private String id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private boolean partner;

  @Column(name = "review_required", nullable = false)
  private boolean reviewRequired;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Organisation() {}

  Organisation(OrganisationId id, String name, boolean partner, boolean reviewRequired, Instant now) {
    this.id = id.value();
    this.name = name;
    this.partner = partner;
    this.reviewRequired = reviewRequired;
    this.createdAt = now;
  }

  public OrganisationId id() {
    return new OrganisationId(id);
  }

  public String name() {
    return name;
  }

  /** A registered partner organisation: it sees content shared with visibility "partners". */
  public boolean isPartner() {
    return partner;
  }

  public boolean reviewRequired() {
    return reviewRequired;
  }

  public Instant createdAt() {
    return createdAt;
  }

  void update(String name, boolean partner, boolean reviewRequired) {
    this.name = name;
    this.partner = partner;
    this.reviewRequired = reviewRequired;
  }
}
