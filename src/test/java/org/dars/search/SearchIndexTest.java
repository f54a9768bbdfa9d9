package org.dars.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {
  @TempDir Path dir;

  private static IndexedItem wheat() {
    return TestIndexes.item("a", "گندم", "fa", "کاشت گندم");
  }

  /** Writes a complete generation with one item, as a finished rebuild leaves it. */
  private void completeIndex(int schema) throws Exception {
    SearchIndex index = new SearchIndex();
    assertTrue(index.open(dir, schema));
    index.beginRebuild();
    index.updateRebuilt("a", Optional.of(ItemDocuments.build(wheat())));
    index.finishRebuild();
    assertEquals(1, index.documentCount());
    index.close();
  }

  @Test
  void aRebuildGoesLiveAsOneSegment() throws Exception {
    SearchIndex index = new SearchIndex();
    assertTrue(index.open(dir, 7));
    index.beginRebuild();
    for (int i = 0; i < 30; i++) {
      index.updateRebuilt("i" + i, Optional.of(ItemDocuments.build(
          TestIndexes.item("i" + i, "خرما " + i, "fa", "برداشت خرما در خوزستان، شماره " + i))));
      index.commit(); // one segment per item, as a long rebuild leaves many
    }
    index.finishRebuild();
    try (SearchIndex.Lease lease = index.acquire()) {
      assertEquals(1, lease.searcher().getIndexReader().leaves().size());
      assertEquals(30, lease.searcher().getIndexReader().numDocs());
    }
    index.close();
  }

  @Test
  void reopensCompleteIndexOfSameSchemaWithoutRebuild() throws Exception {
    completeIndex(7);
    SearchIndex again = new SearchIndex();
    assertFalse(again.open(dir, 7));
    assertEquals(1, again.documentCount());
    again.close();
  }

  @Test
  void rebuildsIndexWrittenBeforeTheFieldSchemaWasRecorded() throws Exception {
    // What a Dars before the n-gram and curriculum fields left: analysis version and completeness only.
    try (FSDirectory d = FSDirectory.open(dir.resolve("1"));
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(SearchIndex.analyzer()))) {
      w.addDocument(ItemDocuments.build(wheat()));
      w.setLiveCommitData(Map.of(IndexGeneration.SCHEMA_KEY, "7", IndexGeneration.COMPLETE_KEY, "true").entrySet());
      w.commit();
    }
    SearchIndex index = new SearchIndex();
    assertTrue(index.open(dir, 7), "an index without the field schema version must be rebuilt");
    assertEquals(0, index.documentCount());
    index.close();
  }

  @Test
  void rebuildsOnStartWhenAnalysisSchemaChanged() throws Exception {
    completeIndex(7);
    SearchIndex newer = new SearchIndex();
    assertTrue(newer.open(dir, 8), "a different schema version must trigger a rebuild");
    assertEquals(0, newer.documentCount(), "terms of the old analysis must not be served");
    assertEquals(1, Files.list(dir).count(), "the stale generation is deleted");
    newer.close();
  }

  @Test
  void keepsServingOldGenerationWhileRebuildingAndSwapsAtTheEnd() throws Exception {
    completeIndex(7);
    SearchIndex index = new SearchIndex();
    index.open(dir, 7);
    int old = index.liveGeneration();
    index.beginRebuild();
    index.updateRebuilt("b", Optional.of(ItemDocuments.build(TestIndexes.item("b", "پسته", "fa", "پسته"))));
    // A change during the rebuild goes to both generations.
    index.update("c", ItemDocuments.build(TestIndexes.item("c", "چای", "fa", "چای")));
    index.commit();
    assertEquals(2, index.documentCount(), "search still reads the old generation: a and c");
    index.finishRebuild();
    assertEquals(old + 1, index.liveGeneration());
    assertEquals(2, index.documentCount(), "the new generation has b and the concurrent change c");
    assertFalse(Files.exists(dir.resolve(Integer.toString(old))));
    index.close();
  }

  @Test
  void discardsUnfinishedRebuildAfterCrash() throws Exception {
    completeIndex(7);
    SearchIndex index = new SearchIndex();
    index.open(dir, 7);
    int live = index.liveGeneration();
    index.beginRebuild();
    index.commit();
    index.crashForTest();
    SearchIndex restarted = new SearchIndex();
    assertFalse(restarted.open(dir, 7), "the old complete generation is still good");
    assertEquals(live, restarted.liveGeneration());
    assertEquals(1, restarted.documentCount());
    assertEquals(1, Files.list(dir).count(), "the unfinished generation is deleted");
    restarted.close();
  }

  @Test
  void rebuildsWhenFirstBuildNeverFinished() throws Exception {
    SearchIndex index = new SearchIndex();
    assertTrue(index.open(dir, 7));
    index.update("a", ItemDocuments.build(wheat()));
    index.commit();
    index.close();
    SearchIndex restarted = new SearchIndex();
    assertTrue(restarted.open(dir, 7), "an index that was never completed is rebuilt");
    restarted.close();
  }
}
