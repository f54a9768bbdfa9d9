package org.dars.content;

import jakarta.enterprise.context.ApplicationScoped;
import org.dars.security.OrganisationId;
import org.dars.security.ReadScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dars.storage.Sha256;

/** Items, versions and history in the database. Finders return {@link Optional}, never null. */
@ApplicationScoped
public class ItemRepository {
  @PersistenceContext(unitName = "dars")
  EntityManager em;

  public Optional<Item> find(ItemId id) {
    return Optional.ofNullable(em.find(Item.class, id.value()));
  }

  Optional<Item> findForUpdate(ItemId id) {
    return Optional.ofNullable(em.find(Item.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  /** The items with these ids, deleted ones included; ids that were never items are absent. */
  public java.util.Map<ItemId, Item> findAll(java.util.Collection<ItemId> ids) {
    java.util.Map<ItemId, Item> found = new java.util.HashMap<>();
    List<UUID> all = ids.stream().map(ItemId::value).distinct().toList();
    for (int i = 0; i < all.size(); i += 1000) {
      em.createQuery("select i from Item i where i.id in :ids", Item.class)
          .setParameter("ids", all.subList(i, Math.min(all.size(), i + 1000)))
          .getResultStream()
          .forEach(item -> found.put(item.id(), item));
    }
    return found;
  }

  public Optional<ItemVersion> version(ItemId id, int number) {
    return em.createQuery(
            "select v from ItemVersion v where v.itemId = :item and v.number = :number", ItemVersion.class)
        .setParameter("item", id.value())
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  /** The latest version of each item, in one query: a listing page must not cost a query per row. */
  Map<ItemId, ItemVersion> latestVersions(List<Item> items) {
    if (items.isEmpty()) {
      return Map.of();
    }
    Map<ItemId, ItemVersion> latest = new java.util.HashMap<>();
    em.createQuery(
            "select v from ItemVersion v, Item i where v.itemId = i.id and v.number = i.latestVersion"
                + " and i.id in :ids", ItemVersion.class)
        .setParameter("ids", items.stream().map(i -> i.id().value()).toList())
        .getResultStream()
        .forEach(v -> latest.put(v.itemId(), v));
    return latest;
  }

  public List<ItemVersion> versions(ItemId id) {
    return em.createQuery(
            "select v from ItemVersion v where v.itemId = :item order by v.number", ItemVersion.class)
        .setParameter("item", id.value())
        .getResultList();
  }

  public List<Item> page(ReadScope scope, int first, int size) {
    return scoped(em.createQuery("select i from Item i where i.deletedAt is null and " + SCOPE
            + " order by i.createdAt desc, i.id", Item.class), scope)
        .setFirstResult(first)
        .setMaxResults(size)
        .getResultList();
  }

  public long count(ReadScope scope) {
    return scoped(em.createQuery("select count(i) from Item i where i.deletedAt is null and " + SCOPE, Long.class), scope)
        .getSingleResult();
  }

  /**
   * The items a caller may read, in JPQL: the same rule as {@code Access.canRead}, which decides
   * one item at a time, and the search index filter, which decides in the index.
   */
  private static final String SCOPE = "(:everything = true"
      + " or (i.ownerOrg = :org and (:drafts = true or i.reviewState = 'published'))"
      + " or (i.reviewState = 'published' and ((:partners = true and i.visibility = 'partners')"
      + " or (:public = true and i.visibility = 'public'))))";

  private static <T> jakarta.persistence.TypedQuery<T> scoped(jakarta.persistence.TypedQuery<T> query, ReadScope scope) {
    return query.setParameter("everything", scope.everything())
        .setParameter("org", scope.organisation().map(OrganisationId::value).orElse(""))
        .setParameter("drafts", scope.organisationDrafts())
        .setParameter("partners", scope.partners())
        .setParameter("public", scope.publicContent());
  }

  public long countAll() {
    return em.createQuery("select count(i) from Item i", Long.class).getSingleResult();
  }

  public List<ItemHistoryEntry> history(ItemId id) {
    return em.createQuery(
            "select h from ItemHistoryEntry h where h.itemId = :item order by h.at, h.id", ItemHistoryEntry.class)
        .setParameter("item", id.value())
        .getResultList();
  }

  /** Versions whose extraction has not finished: after a crash they are queued again. */
  public List<ItemVersion> unfinished() {
    return em.createQuery(
            "select v from ItemVersion v where v.status = :status order by v.id", ItemVersion.class)
        .setParameter("status", ItemStatus.PROCESSING)
        .getResultList();
  }

  public boolean referencesBlob(Sha256 sha256) {
    return !em.createQuery(
            "select v.id from ItemVersion v where v.sha256 = :sha or v.textSha256 = :sha", Long.class)
        .setParameter("sha", sha256.hex())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Every blob the database refers to, for the fixity audit. */
  public List<String> referencedBlobs() {
    List<String> files = em.createQuery("select distinct v.sha256 from ItemVersion v", String.class).getResultList();
    List<String> texts = em.createQuery(
            "select distinct v.textSha256 from ItemVersion v where v.textSha256 is not null", String.class)
        .getResultList();
    return java.util.stream.Stream.concat(files.stream(), texts.stream()).distinct().toList();
  }

  public List<UUID> allIds() {
    return em.createQuery("select i.id from Item i", UUID.class).getResultList();
  }

  void persist(Object entity) {
    em.persist(entity);
  }
}
