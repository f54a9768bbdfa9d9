package org.dars.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One security-relevant event: who, what kind, on what, from where. Never a secret or document text. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String kind;

  private String target;

  private String detail;

  private String address;

  protected AuditEvent() {}

  AuditEvent(Instant at, String actor, String kind, String target, String detail, String address) {
    this.at = at;
    this.actor = cut(actor, 200);
    this.kind = kind;
    this.target = cut(target, 200);
    this.detail = cut(detail, 1000);
    this.address = cut(address, 64);
  }

  public long id() {
    return id;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String kind() {
    return kind;
  }

  public String target() {
    return target;
  }

  public String detail() {
    return detail;
  }

  public String address() {
    return address;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
