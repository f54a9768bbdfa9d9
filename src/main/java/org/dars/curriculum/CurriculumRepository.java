package org.dars.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import org.dars.security.OrganisationId;
import org.dars.security.ReadScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dars.content.ItemId;

/** Curricula, releases, history and item uses in the database. Finders return {@link Optional}. */
@ApplicationScoped
class CurriculumRepository {
  @PersistenceContext(unitName = "dars")
  EntityManager em;

  Optional<Curriculum> find(CurriculumId id) {
    return Optional.ofNullable(em.find(Curriculum.class, id.value()));
  }

  Optional<Curriculum> findForUpdate(CurriculumId id) {
    return Optional.ofNullable(em.find(Curriculum.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  /** The curricula a caller may read: the rule of {@code Access.canRead}, in JPQL. */
  private static final String SCOPE = "(:everything = true or c.ownerOrg = :org"
      + " or (:partners = true and c.visibility = 'partners') or (:public = true and c.visibility = 'public'))";

  private static <T> jakarta.persistence.TypedQuery<T> scoped(jakarta.persistence.TypedQuery<T> query, ReadScope scope) {
    return query.setParameter("everything", scope.everything())
        .setParameter("org", scope.organisation().map(OrganisationId::value).orElse(""))
        .setParameter("partners", scope.partners())
        .setParameter("public", scope.publicContent());
  }

  List<Curriculum> page(ReadScope scope, int first, int size) {
    return scoped(em.createQuery("select c from Curriculum c where " + SCOPE + " order by c.createdAt desc, c.id",
            Curriculum.class), scope)
        .setFirstResult(first)
        .setMaxResults(size)
        .getResultList();
  }

  long count(ReadScope scope) {
    return scoped(em.createQuery("select count(c) from Curriculum c where " + SCOPE, Long.class), scope).getSingleResult();
  }

  /** Releases, oldest first. */
  List<Release> releases(CurriculumId id) {
    return em.createQuery(
            "select r from Release r where r.curriculumId = :c order by r.major, r.minor", Release.class)
        .setParameter("c", id.value())
        .getResultList();
  }

  Optional<Release> release(CurriculumId id, ReleaseVersion version) {
    return em.createQuery(
            "select r from Release r where r.curriculumId = :c and r.major = :major and r.minor = :minor", Release.class)
        .setParameter("c", id.value())
        .setParameter("major", version.major())
        .setParameter("minor", version.minor())
        .getResultStream()
        .findFirst();
  }

  List<CurriculumHistoryEntry> history(CurriculumId id) {
    return em.createQuery(
            "select h from CurriculumHistoryEntry h where h.curriculumId = :c order by h.at, h.id", CurriculumHistoryEntry.class)
        .setParameter("c", id.value())
        .getResultList();
  }

  void replaceUses(CurriculumId id, String release, List<ItemUse> uses) {
    em.createQuery("delete from ItemUse u where u.curriculumId = :c and u.release = :r")
        .setParameter("c", id.value())
        .setParameter("r", release)
        .executeUpdate();
    uses.forEach(em::persist);
  }

  List<ItemUse> usesOf(ItemId item) {
    return em.createQuery("select u from ItemUse u where u.itemId = :i order by u.curriculumId, u.release", ItemUse.class)
        .setParameter("i", item.value())
        .getResultList();
  }

  Set<ItemId> itemIds(CurriculumId id, String release) {
    List<java.util.UUID> ids = em.createQuery(
            "select distinct u.itemId from ItemUse u where u.curriculumId = :c and u.release = :r", java.util.UUID.class)
        .setParameter("c", id.value())
        .setParameter("r", release)
        .getResultList();
    Set<ItemId> result = new LinkedHashSet<>();
    ids.forEach(u -> result.add(new ItemId(u)));
    return result;
  }

  void persist(Object entity) {
    em.persist(entity);
  }
}
