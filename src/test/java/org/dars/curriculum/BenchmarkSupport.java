package org.dars.curriculum;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.dars.content.ItemId;

/**
 * Test-only access for {@code bench.DiffBenchmark} to the package's pure parts: build a large
 * curriculum, publish it (resolution and JSON), change it, and diff two releases as stored.
 */
public final class BenchmarkSupport {
  private final Map<ItemId, ItemState> items = new HashMap<>();
  private final Random random;
  private CurriculumDocument draft;

  public BenchmarkSupport(long seed) {
    random = new Random(seed);
  }

  /** modules × lessons × entries, each entry a distinct item at version 1. */
  public void build(int modules, int lessons, int entries) {
    draft = TreeFixtures.document();
    int n = 0;
    for (int m = 0; m < modules; m++) {
      NodeId module = new NodeId("m" + m);
      draft.tree.add(Node.container(module, Node.Kind.MODULE, "بخش " + m), null, null);
      for (int l = 0; l < lessons; l++) {
        NodeId lesson = new NodeId("m" + m + "-l" + l);
        draft.tree.add(Node.container(lesson, Node.Kind.LESSON, "درس " + l), module, null);
        for (int e = 0; e < entries; e++) {
          ItemId item = new ItemId(new UUID(0xDA25L, n++));
          items.put(item, new ItemState(item, "محتوای " + n, 1, false));
          draft.tree.add(Node.entry(new NodeId(lesson.value() + "-e" + e), item, null, null), lesson, null);
        }
      }
    }
  }

  public int entries() {
    return draft.tree.entries().size();
  }

  /** What publishing does without the database: parse the draft, resolve, write the release JSON. */
  public String publish() {
    CurriculumDocument copy = CurriculumDocument.read(draft.write());
    Publication.resolve(copy.tree, items);
    return copy.write();
  }

  /** A typical minor release: some items get new versions, nodes move, are renamed, added and removed. */
  public void change(int newVersions, int moves, int renames, int adds, int removes) {
    var entries = draft.tree.entries();
    for (int i = 0; i < newVersions; i++) {
      ItemId item = entries.get(random.nextInt(entries.size())).item;
      ItemState s = items.get(item);
      items.put(item, new ItemState(item, s.title(), s.latestVersion() + 1, false));
    }
    for (int i = 0; i < moves; i++) {
      Node e = entries.get(random.nextInt(entries.size()));
      if (draft.tree.contains(e.id)) {
        Node lesson = entries.get(random.nextInt(entries.size())).parent;
        draft.tree.move(e.id, lesson.id, 0);
      }
    }
    for (int i = 0; i < renames; i++) {
      draft.tree.rename(new NodeId("m" + random.nextInt(50) + "-l" + random.nextInt(10)), "درس تازه " + i);
    }
    for (int i = 0; i < adds; i++) {
      ItemId item = entries.get(random.nextInt(entries.size())).item;
      draft.tree.add(Node.entry(draft.tree.freshId(), item, null, null), entries.get(random.nextInt(entries.size())).parent.id, null);
    }
    for (int i = 0; i < removes; i++) {
      Node e = entries.get(random.nextInt(entries.size()));
      if (draft.tree.contains(e.id)) {
        draft.tree.remove(e.id);
      }
    }
  }

  /** Diffs two stored releases as the service does: parse both, compare, render the sentences. */
  public int diff(String fromJson, String toJson) {
    DiffView d = CurriculumDiff.compare("bench", "1.0", CurriculumDocument.read(fromJson), "1.1", CurriculumDocument.read(toJson));
    return DiffReadable.lines(d).size() + d.content().size();
  }
}
