package org.dars.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import org.dars.platform.DarsConfig;
import org.dars.security.AccountService;
import org.dars.security.Access;
import org.dars.security.AuditLog;
import org.dars.security.Caller;
import org.dars.security.Organisation;
import org.dars.security.OrganisationId;
import org.dars.security.ReadScope;
import org.dars.security.ReviewState;
import org.dars.security.Role;
import org.dars.security.Visibility;
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
  @Inject Access access;
  @Inject AccountService accounts;
  @Inject AuditLog audit;
  @Inject DarsConfig config;

  /** Creates a curriculum from its description and, optionally, a first batch of operations. */
  @Transactional
  public CurriculumView create(JsonObject body, String actor) {
    access.require(Role.AUTHOR);
    Visibility visibility = body.containsKey("visibility") ? Visibility.parse(Json2.string(body, "visibility")) : Visibility.ORGANISATION;
    body = Json.createObjectBuilder(body).remove("visibility").build();
    OrganisationId owner = access.owner().orElseGet(() -> new OrganisationId(config.homeOrganisation()));
    CurriculumInfo info = CurriculumInfo.fromJson(body);
    List<DraftOperation> ops = body.containsKey("operations") ? DraftOperation.parse(Json2.array(body, "operations")) : List.of();
    CurriculumDocument draft = new CurriculumDocument(info, new CurriculumTree());
    apply(draft, ops);
    CurriculumId id = CurriculumId.random();
    Instant now = Instant.now();
    Curriculum c = new Curriculum(id, draft, owner, visibility, actor, now);
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

  /** A page of the curricula the caller may read, newest first. */
  public CurriculumSummary.Page page(int page, int size) {
    ReadScope scope = access.readScope();
    return new CurriculumSummary.Page(repository.count(scope), page, size,
        repository.page(scope, page * size, size).stream().map(CurriculumSummary::of).toList());
  }

  /** Who besides its organisation reads the curriculum; its authors decide. */
  @Transactional
  public CurriculumView visibility(CurriculumId id, Visibility visibility, String actor) {
    Curriculum c = locked(id);
    c.checkLocal();
    Visibility before = c.visibility();
    c.visibility(visibility);
    record(id, Instant.now(), actor, CurriculumHistoryEntry.Action.VISIBILITY_CHANGED,
        Json.createObjectBuilder().add("from", before.id()).add("to", visibility.id()));
    audit.record(AuditLog.VISIBILITY_CHANGED, "curriculum " + id, before.id() + " -> " + visibility.id());
    return CurriculumView.of(c);
  }

  /**
   * Review of the draft before publishing, when the organisation requires it: an author submits the
   * current draft, a reviewer approves it or returns it. Approval holds for that draft revision only.
   */
  @Transactional
  public CurriculumView review(CurriculumId id, String action, String comment, String actor) {
    Curriculum c = repository.findForUpdate(id).orElseThrow(() -> Problems.unknownCurriculum(id));
    c.checkLocal();
    String to;
    switch (action == null ? "" : action) {
      case "submit" -> {
        access.checkEdit(c.owner(), c.visibility(), ReviewState.PUBLISHED, () -> Problems.unknownCurriculum(id));
        to = Curriculum.REVIEW_IN_REVIEW;
      }
      case "approve", "return" -> {
        access.checkReview(c.owner(), c.visibility(), ReviewState.PUBLISHED, () -> Problems.unknownCurriculum(id));
        if (!Curriculum.REVIEW_IN_REVIEW.equals(c.reviewState())) {
          throw DarsException.conflict("wrong-review-state", "The draft of curriculum " + id + " is not in review ("
              + c.reviewState() + "); an author submits it first.");
        }
        to = action.equals("approve") ? Curriculum.REVIEW_APPROVED : Curriculum.REVIEW_NONE;
      }
      default -> throw DarsException.invalid("invalid-review-action",
          "'action' must be 'submit' (author), 'approve' or 'return' (reviewer).");
    }
    c.review(to);
    JsonObjectBuilder detail = Json.createObjectBuilder().add("action", action).add("state", to).add("draftRevision", c.draftRevision());
    if (comment != null) {
      detail.add("comment", comment);
    }
    record(id, Instant.now(), actor, CurriculumHistoryEntry.Action.REVIEWED, detail);
    audit.record(AuditLog.REVIEWED, "curriculum " + id, action + (comment == null ? "" : ": " + comment));
    return CurriculumView.of(c);
  }

  /** Publishing needs an approved draft when the organisation requires review. */
  void checkPublishable(Curriculum c) {
    boolean required = accounts.findOrganisation(c.owner()).map(Organisation::reviewRequired).orElse(false);
    if (required && !c.approved()) {
      throw DarsException.conflict("review-required", "Organisation '" + c.owner() + "' requires review before"
          + " publishing, and the current draft of curriculum " + c.id() + " is " + c.reviewState()
          + ". Submit it (POST /api/v1/curricula/" + c.id() + "/review {\"action\":\"submit\"}) and have a reviewer approve it.");
    }
  }

  /**
   * Whether the caller may download the curriculum's packages: a partner instance (partner-sync)
   * only local curricula shared with partners or the public; people the curricula they may read.
   */
  public void checkExportable(CurriculumId id) {
    Curriculum c = repository.find(id).orElseThrow(() -> Problems.unknownCurriculum(id));
    Caller caller = access.caller();
    if (caller.has(Role.PARTNER_SYNC) && !caller.isReader()) {
      if (c.visibility() == Visibility.ORGANISATION || c.origin().isPresent()) {
        throw Problems.unknownCurriculum(id);
      }
      return;
    }
    access.checkRead(c.owner(), c.visibility(), ReviewState.PUBLISHED, () -> Problems.unknownCurriculum(id));
  }

  public boolean readable(CurriculumId id) {
    return repository.find(id).filter(this::readable).isPresent();
  }

  private boolean readable(Curriculum c) {
    return access.canRead(c.owner(), c.visibility(), ReviewState.PUBLISHED);
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
      Curriculum c = curricula.computeIfAbsent(u.curriculum(), id -> repository.find(id).orElseThrow());
      if (!readable(c)) {
        continue; // usage lists never name a curriculum the caller may not see
      }
      boolean draft = u.release().equals(ItemUse.DRAFT);
      Release r = draft ? null : releases.computeIfAbsent(c.id() + "/" + u.release(),
          k -> repository.release(c.id(), ReleaseVersion.parse(u.release())).orElseThrow());
      usages.add(new ItemUsage(c.id().toString(), c.title(), u.release(),
          draft ? (u.itemVersion() == null ? "latest" : "pinned") : "exact", u.itemVersion(), u.entries(),
          r != null && r.isWithdrawn()));
    }
    return usages;
  }

  /** The curriculum if the caller may read it: 401 for anonymous visitors, the same 404 as for no curriculum otherwise. */
  Curriculum find(CurriculumId id) {
    Curriculum c = repository.find(id).orElseThrow(() -> Problems.unknownCurriculum(id));
    access.checkRead(c.owner(), c.visibility(), ReviewState.PUBLISHED, () -> Problems.unknownCurriculum(id));
    return c;
  }

  /** 401, 403 or 404 unless the caller may change the curriculum, for changes kept outside it (adoption records). */
  @Transactional
  public void checkEditable(CurriculumId id) {
    locked(id);
  }

  /** The curriculum, row-locked, if the caller may change it (an author of its organisation). */
  Curriculum locked(CurriculumId id) {
    Curriculum c = repository.findForUpdate(id).orElseThrow(() -> Problems.unknownCurriculum(id));
    access.checkRead(c.owner(), c.visibility(), ReviewState.PUBLISHED, () -> Problems.unknownCurriculum(id));
    c.checkLocal(); // an upstream copy is read-only for everyone: say so, and how to adopt it
    access.checkEdit(c.owner(), c.visibility(), ReviewState.PUBLISHED, () -> Problems.unknownCurriculum(id));
    return c;
  }

  /** The current state of every item the tree refers to, in one query. */
  Map<ItemId, ItemState> states(Collection<ItemId> ids) {
    Map<ItemId, ItemState> states = new HashMap<>();
    for (Item i : items.findAll(ids).values()) {
      // An item the caller may not read is, to them, no item: its title never shows in a tree.
      if (access.canRead(i.owner(), i.visibility(), i.reviewState())) {
        states.put(i.id(), ItemState.of(i));
      }
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
