package org.dars.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dars.content.Item;
import org.dars.content.ItemId;
import org.dars.content.ItemRepository;
import org.dars.platform.DarsException;

/**
 * Curricula and their drafts. Every change runs in one transaction: lock the curriculum row, check
 * If-Match against the draft's revision, apply the whole batch of operations to the parsed draft,
 * then write the draft, its item uses, a history entry and a {@link CurriculumChanged} event. A
 * refused operation throws before anything is written, so a batch is applied entirely or not at all.
 */
@ApplicationScoped
public class CurriculumService {
  private static final int HISTORY_OPERATIONS = 200;

  @Inject CurriculumRepository repository;
  @Inject ItemRepository items;
  @Inject Event<CurriculumChanged> changed;

  /** Creates a curriculum from its description and, optionally, a first batch of operations. */
  @Transactional
  public CurriculumView create(JsonObject body, String actor) {
    CurriculumInfo info = CurriculumInfo.fromJson(body);
    List<DraftOperation> ops = body.containsKey("operations") ? DraftOperation.parse(Json2.array(body, "operations")) : List.of();
    CurriculumDocument draft = new CurriculumDocument(info, new CurriculumTree());
    apply(draft, ops);
    CurriculumId id = CurriculumId.random();
    Instant now = Instant.now();
    Curriculum c = new Curriculum(id, draft, actor, now);
    repository.persist(c);
    repository.replaceUses(id, ItemUse.DRAFT, uses(id, ItemUse.DRAFT, draft.tree));
    record(id, now, actor, CurriculumHistoryEntry.Action.CREATED,
        Json.createObjectBuilder().add("info", info.toJson()).add("operations", summary(body)));
    return CurriculumView.of(c);
  }

  /** Applies a batch of draft operations, all or none, if {@code ifMatch} names the current draft. */
  @Transactional
  public CurriculumView change(CurriculumId id, String ifMatch, JsonArray operations, String actor) {
    List<DraftOperation> ops = DraftOperation.parse(operations);
    Curriculum c = locked(id);
    c.checkLocal();
    c.checkIfMatch(ifMatch, true);
    CurriculumDocument draft = c.draft();
    apply(draft, ops);
    Instant now = Instant.now();
    saveDraft(c, draft, actor, now);
    record(id, now, actor, CurriculumHistoryEntry.Action.DRAFT_CHANGED,
        Json.createObjectBuilder().add("operations", summary(Json.createObjectBuilder().add("operations", operations).build())));
    return CurriculumView.of(c);
  }

  /** Replaces the draft with the tree of a release (pins kept, "latest" entries following again). */
  @Transactional
  public CurriculumView revert(CurriculumId id, ReleaseVersion from, String ifMatch, String actor) {
    Curriculum c = locked(id);
    c.checkLocal();
    c.checkIfMatch(ifMatch, true);
    Release release = repository.release(id, from).orElseThrow(() -> Problems.unknownRelease(id, from));
    CurriculumDocument draft = release.document();
    for (Node e : draft.tree.entries()) {
      e.version = null;
      e.itemTitle = null;
    }
    Instant now = Instant.now();
    long before = c.draftRevision();
    saveDraft(c, draft, actor, now);
    record(id, now, actor, CurriculumHistoryEntry.Action.REVERTED,
        Json.createObjectBuilder().add("from", from.toString()).add("replacedRevision", before));
    return CurriculumView.of(c);
  }

  public CurriculumView view(CurriculumId id) {
    return CurriculumView.of(find(id));
  }

  public CurriculumSummary.Page page(int page, int size) {
    return new CurriculumSummary.Page(repository.count(), page, size,
        repository.page(page * size, size).stream().map(CurriculumSummary::of).toList());
  }

  public List<CurriculumHistoryView> history(CurriculumId id) {
    find(id);
    return repository.history(id).stream().map(CurriculumHistoryView::of).toList();
  }

  /**
   * The items a curriculum's draft (no release given) or one of its releases refers to, for search
   * filters. An unknown curriculum or release is a 404 problem; a malformed release a 400.
   */
  public Set<ItemId> itemIdsOf(CurriculumId id, Optional<String> release) {
    find(id);
    if (release.isEmpty() || release.get().equals(ItemUse.DRAFT)) {
      return repository.itemIds(id, ItemUse.DRAFT);
    }
    ReleaseVersion version = ReleaseVersion.parse(release.get());
    repository.release(id, version).orElseThrow(() -> Problems.unknownRelease(id, version));
    return repository.itemIds(id, version.toString());
  }

  /** Where an item is used: one row per curriculum draft or release and item version. */
  public List<ItemUsage> usagesOf(ItemId item) {
    List<ItemUsage> usages = new ArrayList<>();
    Map<CurriculumId, Curriculum> curricula = new HashMap<>();
    Map<String, Release> releases = new HashMap<>();
    for (ItemUse u : repository.usesOf(item)) {
      Curriculum c = curricula.computeIfAbsent(u.curriculum(), this::find);
      boolean draft = u.release().equals(ItemUse.DRAFT);
      Release r = draft ? null : releases.computeIfAbsent(c.id() + "/" + u.release(),
          k -> repository.release(c.id(), ReleaseVersion.parse(u.release())).orElseThrow());
      usages.add(new ItemUsage(c.id().toString(), c.title(), u.release(),
          draft ? (u.itemVersion() == null ? "latest" : "pinned") : "exact", u.itemVersion(), u.entries(),
          r != null && r.isWithdrawn()));
    }
    return usages;
  }

  Curriculum find(CurriculumId id) {
    return repository.find(id).orElseThrow(() -> Problems.unknownCurriculum(id));
  }

  Curriculum locked(CurriculumId id) {
    return repository.findForUpdate(id).orElseThrow(() -> Problems.unknownCurriculum(id));
  }

  /** The current state of every item the tree refers to, in one query. */
  Map<ItemId, ItemState> states(Collection<ItemId> ids) {
    Map<ItemId, ItemState> states = new HashMap<>();
    for (Item i : items.findAll(ids).values()) {
      states.put(i.id(), ItemState.of(i));
    }
    return states;
  }

  Map<ItemId, ItemState> states(CurriculumTree tree) {
    return states(tree.entries().stream().map(e -> e.item).toList());
  }

  /** One row per item version the tree uses, counting its entries. */
  static List<ItemUse> uses(CurriculumId id, String release, CurriculumTree tree) {
    Map<List<Object>, Integer> counts = new LinkedHashMap<>();
    for (Node e : tree.entries()) {
      counts.merge(java.util.Arrays.asList(e.item, e.effectiveVersion()), 1, Integer::sum);
    }
    List<ItemUse> uses = new ArrayList<>(counts.size());
    counts.forEach((k, n) -> uses.add(new ItemUse(id, release, (ItemId) k.get(0), (Integer) k.get(1), n)));
    return uses;
  }

  void record(CurriculumId id, Instant at, String actor, CurriculumHistoryEntry.Action action, jakarta.json.JsonObjectBuilder detail) {
    repository.persist(new CurriculumHistoryEntry(id, at, actor, action, detail.build().toString()));
    changed.fire(new CurriculumChanged(id));
  }

  private void apply(CurriculumDocument draft, List<DraftOperation> ops) {
    Map<ItemId, ItemState> states = states(ops.stream().map(DraftOperation::referencedItem).filter(i -> i != null).toList());
    for (int i = 0; i < ops.size(); i++) {
      DraftOperation op = ops.get(i);
      try {
        if (op instanceof DraftOperation.Pin pin) {
          // A pin names its item only through the entry, which an earlier operation may have added.
          states.putAll(states(List.of(draft.tree.entry(pin.node()).item)));
        }
        op.apply(draft, states);
      } catch (DarsException e) {
        throw Problems.atOperation(i, DraftOperation.name(op), e);
      }
    }
  }

  private void saveDraft(Curriculum c, CurriculumDocument draft, String actor, Instant now) {
    c.saveDraft(draft, actor, now);
    repository.replaceUses(c.id(), ItemUse.DRAFT, uses(c.id(), ItemUse.DRAFT, draft.tree));
  }

  /** The operations as sent, for the history; very large batches keep their first ones and a count. */
  private static JsonArray summary(JsonObject body) {
    if (!body.containsKey("operations")) {
      return JsonArray.EMPTY_JSON_ARRAY;
    }
    JsonArray ops = body.getJsonArray("operations");
    if (ops.size() <= HISTORY_OPERATIONS) {
      return ops;
    }
    JsonArrayBuilder b = Json.createArrayBuilder();
    ops.subList(0, HISTORY_OPERATIONS).forEach(b::add);
    b.add(Json.createObjectBuilder().add("omitted", ops.size() - HISTORY_OPERATIONS));
    return b.build();
  }
}
