package org.dars.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Records security-relevant events. Each is written in its own transaction, so a failed sign-in is
 * kept even though the request that carried it fails, and a rolled-back change still shows who tried.
 */
@ApplicationScoped
public class AuditLog {
  private static final Logger LOG = Logger.getLogger(AuditLog.class);

  /** Kinds of events, as the API lists and filters them. */
  public static final String SIGN_IN = "sign-in";
  public static final String SIGN_IN_FAILED = "sign-in-failed";
  public static final String ACCOUNT_LOCKED = "account-locked";
  public static final String SIGN_OUT = "sign-out";
  public static final String TOKEN_USED = "token-used";
  public static final String TOKEN_REFUSED = "token-refused";
  public static final String TOKEN_CREATED = "token-created";
  public static final String TOKEN_REVOKED = "token-revoked";
  public static final String ACCOUNT_CREATED = "account-created";
  public static final String ROLES_CHANGED = "roles-changed";
  public static final String PASSWORD_CHANGED = "password-changed";
  public static final String ORGANISATION_CHANGED = "organisation-changed";
  public static final String PUBLISHED = "published";
  public static final String REVIEWED = "reviewed";
  public static final String DELETED = "deleted";
  public static final String IMPORTED = "imported";
  public static final String VISIBILITY_CHANGED = "visibility-changed";

  /** Every kind, in the order a person filtering the log thinks of them. */
  public static final List<String> KINDS = List.of(SIGN_IN, SIGN_IN_FAILED, ACCOUNT_LOCKED, SIGN_OUT, TOKEN_USED,
      TOKEN_REFUSED, TOKEN_CREATED, TOKEN_REVOKED, ACCOUNT_CREATED, ROLES_CHANGED, PASSWORD_CHANGED,
      ORGANISATION_CHANGED, PUBLISHED, REVIEWED, DELETED, IMPORTED, VISIBILITY_CHANGED);

  /** One event as administrators read it. */
  public record AuditView(long id, Instant at, String actor, String kind, String target, String detail, String address) {
    static AuditView of(AuditEvent e) {
      return new AuditView(e.id(), e.at(), e.actor(), e.kind(), e.target(), e.detail(), e.address());
    }
  }

  @Inject SecurityRepository repository;
  @Inject Access access;

  /** An event by the current caller. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(String kind, String target, String detail) {
    record(access.caller().name(), kind, target, detail, null);
  }

  /** Events since an instant, of one kind or (null) all, newest first. */
  public List<AuditView> events(Instant since, String kind, int limit) {
    return repository.audit(since, kind, limit).stream().map(AuditView::of).toList();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(String actor, String kind, String target, String detail, String address) {
    repository.persist(new AuditEvent(Instant.now(), actor, kind, target, detail, address));
    LOG.debugf("audit %s by %s on %s", kind, actor, target);
  }
}
