package org.dars.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dars.content.ItemChanged;
import org.dars.curriculum.CurriculumChanged;

/**
 * The transactional outbox between the database and the index. A change to an item writes an
 * outbox row in its own transaction; the {@link Indexer} removes rows only after the index commit
 * that includes them. A crash anywhere in between leaves the row, and the change is indexed again.
 * Curriculum changes ({@link CurriculumChanged}) go through the same table: the row's {@code
 * item_id} column then holds the curriculum's id.
 */
@ApplicationScoped
public class IndexOutbox {
  @PersistenceContext(unitName = "dars")
  EntityManager em;

  @Inject Indexer indexer;

  void record(@Observes(during = TransactionPhase.IN_PROGRESS) ItemChanged change) {
    em.persist(new IndexOutboxEntry(change.item().value(), Instant.now()));
  }

  void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) ItemChanged change) {
    indexer.requestDrain();
  }

  /** A curriculum's row holds its id where an item's holds the item id (both random UUIDs). */
  void record(@Observes(during = TransactionPhase.IN_PROGRESS) CurriculumChanged change) {
    em.persist(new IndexOutboxEntry(change.curriculum().value(), Instant.now()));
  }

  void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) CurriculumChanged change) {
    indexer.requestDrain();
  }

  @Transactional
  List<IndexOutboxEntry> next(int max) {
    return em.createQuery("select e from IndexOutboxEntry e order by e.id", IndexOutboxEntry.class)
        .setMaxResults(max)
        .getResultList();
  }

  @Transactional
  void done(List<Long> ids) {
    if (!ids.isEmpty()) {
      em.createQuery("delete from IndexOutboxEntry e where e.id in :ids").setParameter("ids", ids).executeUpdate();
    }
  }

  @Transactional
  public long pending() {
    return em.createQuery("select count(e) from IndexOutboxEntry e", Long.class).getSingleResult();
  }

  /** Queues every item, for a full rebuild. */
  @Transactional
  void enqueueAll(List<UUID> items) {
    Instant now = Instant.now();
    items.forEach(id -> em.persist(new IndexOutboxEntry(id, now)));
  }
}
