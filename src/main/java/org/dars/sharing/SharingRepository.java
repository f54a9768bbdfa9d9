package org.dars.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Partners, tokens, imports and adoptions in the database. Finders return {@link Optional}. */
@ApplicationScoped
class SharingRepository {
  @PersistenceContext(unitName = "dars")
  EntityManager em;

  Optional<Partner> partner(UUID id) {
    return Optional.ofNullable(em.find(Partner.class, id));
  }

  Optional<Partner> partnerForUpdate(UUID id) {
    return Optional.ofNullable(em.find(Partner.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  List<Partner> partners() {
    return em.createQuery("select p from Partner p order by p.createdAt, p.instanceId", Partner.class).getResultList();
  }

  Optional<ImportRecord> imported(String manifestSha256) {
    return em.createQuery("select i from ImportRecord i where i.manifestSha256 = :h", ImportRecord.class)
        .setParameter("h", manifestSha256).getResultStream().findFirst();
  }

  Optional<Adoption> adoption(UUID local) {
    return Optional.ofNullable(em.find(Adoption.class, local));
  }

  void persist(Object entity) {
    em.persist(entity);
  }
}
