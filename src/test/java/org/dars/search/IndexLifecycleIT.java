package org.dars.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.dars.Deployments;
import org.dars.security.TestCallers;
import org.dars.content.ItemId;
import org.dars.content.ItemService;
import org.dars.platform.Actor;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crash recovery and online rebuild, inside the server against the real database and blob store.
 * A crash is simulated by rolling back the index writer (uncommitted changes are lost, as after
 * {@code kill -9}) and then running the start-up recovery path.
 */
@ExtendWith(ArquillianExtension.class)
class IndexLifecycleIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.dars(IndexLifecycleIT.class, org.dars.security.TestCallers.class);
  }

  @Inject Indexer indexer;
  @Inject SearchIndex index;
  @Inject IndexOutbox outbox;
  @Inject SearchService search;
  @Inject ItemService items;

  @BeforeEach
  void waitForIndexedSamples() {
    await(() -> search.search("خرما", 0, 1).total() >= 5, Duration.ofMinutes(5));
  }

  @Test
  void changeCommittedButNotIndexedBeforeCrashIsIndexedAfterRestart() throws Exception {
    SearchHit hit = search.search("خرما", 0, 1).hits().get(0);
    ItemId id = ItemId.parse(hit.id());
    String marker = "بازیابیپسازخرابی";
    indexer.pause();
    try {
      TestCallers.asSystem(() -> items.describe(id, "{\"title\": \"" + marker + "\"}", Actor.SYSTEM));
      assertTrue(outbox.pending() >= 1, "the change is in the outbox");
      Thread.sleep(300);
      assertEquals(0, search.search(marker, 0, 1).total(), "and not yet in the index");
      index.crashForTest();
    } finally {
      indexer.resume();
    }
    indexer.recover();
    SearchResult found = search.search(marker, 0, 10);
    assertEquals(1, found.total());
    assertEquals(hit.id(), found.hits().get(0).id());

    TestCallers.asSystem(() -> items.describe(id, "{\"title\": \"" + hit.title() + "\"}", Actor.SYSTEM));
    await(() -> search.search(marker, 0, 1).total() == 0, Duration.ofSeconds(10));
  }

  @Test
  void rebuildsOnlineWhileSearchKeepsAnswering() throws Exception {
    long before = index.documentCount();
    int generation = index.liveGeneration();
    long total = search.search("خرما", 0, 1).total();
    indexer.startRebuild();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!indexer.progress().state().equals("done")) {
      assertTrue(System.nanoTime() < deadline, "rebuild did not finish: " + indexer.progress());
      assertTrue(!indexer.progress().state().equals("failed"), indexer.progress().toString());
      assertEquals(total, search.search("خرما", 0, 1).total(), "search answers from the old index meanwhile");
      Thread.sleep(20);
    }
    assertEquals(generation + 1, index.liveGeneration());
    assertEquals(before, index.documentCount());
    assertEquals(total, search.search("خرما", 0, 1).total());
    assertEquals(indexer.progress().total(), indexer.progress().done());
  }

  private static void await(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
