package org.dars.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Organisations, accounts, tokens and audit events in the database. */
@ApplicationScoped
public class SecurityRepository {
  @PersistenceContext(unitName = "dars")
  EntityManager em;

  Optional<Organisation> organisation(OrganisationId id) {
    return Optional.ofNullable(em.find(Organisation.class, id.value()));
  }

  List<Organisation> organisations() {
    return em.createQuery("select o from Organisation o order by o.id", Organisation.class).getResultList();
  }

  Optional<Account> account(UUID id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }

  Optional<Account> accountForUpdate(UUID id) {
    return Optional.ofNullable(em.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  Optional<Account> account(String username) {
    return em.createQuery("select a from Account a where a.username = :u", Account.class)
        .setParameter("u", username).getResultStream().findFirst();
  }

  List<Account> accounts() {
    return em.createQuery("select a from Account a order by a.username", Account.class).getResultList();
  }

  long accountCount() {
    return em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
  }

  Optional<ApiToken> token(UUID id) {
    return Optional.ofNullable(em.find(ApiToken.class, id));
  }

  Optional<ApiToken> tokenByHash(String sha256) {
    return em.createQuery("select t from ApiToken t where t.tokenSha256 = :h", ApiToken.class)
        .setParameter("h", sha256).getResultStream().findFirst();
  }

  List<ApiToken> tokens(UUID account) {
    return em.createQuery("select t from ApiToken t where t.accountId = :a order by t.createdAt", ApiToken.class)
        .setParameter("a", account).getResultList();
  }

  List<ApiToken> tokens() {
    return em.createQuery("select t from ApiToken t order by t.createdAt", ApiToken.class).getResultList();
  }

  List<AuditEvent> audit(Instant since, String kind, int limit) {
    var query = em.createQuery("select e from AuditEvent e where e.at >= :since"
            + (kind == null ? "" : " and e.kind = :kind") + " order by e.id desc", AuditEvent.class)
        .setParameter("since", since).setMaxResults(limit);
    if (kind != null) {
      query.setParameter("kind", kind);
    }
    return query.getResultList();
  }

  void persist(Object entity) {
    em.persist(entity);
  }
}
