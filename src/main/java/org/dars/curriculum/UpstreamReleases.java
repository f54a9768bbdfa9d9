package org.dars.curriculum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dars.content.ItemId;
import org.dars.platform.DarsException;

/**
 * What release sharing (issue 5, {@code org.dars.sharing}) needs from curricula, and nothing more:
 * a release as a self-contained snapshot for a package, and the writing of a release imported from
 * another instance into a read-only upstream copy that keeps the origin's curriculum id, release
 * number, notes and publication time. Imports run inside the caller's single import transaction.
 */
@ApplicationScoped
public class UpstreamReleases {
  @Inject CurriculumRepository repository;
  @Inject CurriculumService curricula;

  @jakarta.persistence.PersistenceContext(unitName = "dars")
  jakarta.persistence.EntityManager em;

  /** One release of the history a package carries. */
  public record HistoryEntry(String version, Instant publishedAt, String notes, boolean withdrawn) {}

  /**
   * A release as a package needs it: the description and resolved tree as stored ({@code
   * documentJson}), the exact item versions its entries use, and the curriculum's release history.
   */
  public record Snapshot(
      CurriculumId curriculum,
      ReleaseVersion version,
      String documentJson,
      String notes,
      Instant publishedAt,
      String publishedBy,
      boolean withdrawn,
      Map<ItemId, List<Integer>> itemVersions,
      List<HistoryEntry> history,
      Optional<Origin> origin) {}

  /** A release from another instance, already verified by the caller. */
  public record Imported(
      CurriculumId curriculum,
      Origin origin,
      ReleaseVersion version,
      String documentJson,
      String notes,
      Instant publishedAt,
      String publishedBy) {}

  public enum Outcome { ADDED, ALREADY_PRESENT }

  public Snapshot snapshot(CurriculumId id, ReleaseVersion version) {
    Curriculum c = curricula.find(id);
    Release r = repository.release(id, version).orElseThrow(() -> Problems.unknownRelease(id, version));
    CurriculumDocument d = r.document();
    Map<ItemId, List<Integer>> versions = new LinkedHashMap<>();
    for (Node e : d.tree.entries()) {
      List<Integer> list = versions.computeIfAbsent(e.item, k -> new ArrayList<>());
      if (e.version != null && !list.contains(e.version)) {
        list.add(e.version);
      }
    }
    List<HistoryEntry> history = repository.releases(id).stream()
        .map(x -> new HistoryEntry(x.version().toString(), x.publishedAt(), x.notes().orElse(null), x.isWithdrawn()))
        .toList();
    return new Snapshot(id, version, d.write(), r.notes().orElse(null), r.publishedAt(), r.publishedBy(),
        r.isWithdrawn(), versions, history, c.origin());
  }

  public boolean hasRelease(CurriculumId id, ReleaseVersion version) {
    return repository.release(id, version).isPresent();
  }

  public Optional<Origin> origin(CurriculumId id) {
    return repository.find(id).flatMap(Curriculum::origin);
  }

  /** True if a curriculum with this id exists here and is local (not an upstream copy). */
  public boolean isLocal(CurriculumId id) {
    return repository.find(id).map(c -> c.origin().isEmpty()).orElse(false);
  }

  /** Releases of a curriculum here, oldest first. */
  public List<ReleaseVersion> releases(CurriculumId id) {
    return repository.releases(id).stream().map(Release::version).toList();
  }

  /** Local curricula shared with partners or the public, and their releases, for the feed partners pull from. */
  public Map<CurriculumId, List<ReleaseVersion>> localReleases() {
    Map<CurriculumId, List<ReleaseVersion>> all = new LinkedHashMap<>();
    em.createQuery("select r from Release r, Curriculum c where c.id = r.curriculumId and c.originInstance is null"
            + " and c.visibility in ('partners', 'public')"
            + " order by r.curriculumId, r.major, r.minor", Release.class)
        .getResultStream()
        .forEach(r -> all.computeIfAbsent(r.curriculum(), k -> new ArrayList<>()).add(r.version()));
    return all;
  }

  /** Checks that a release document from a package is a valid tree; refuses it with a 422 otherwise. */
  public static void checkDocument(String documentJson) {
    document(documentJson);
  }

  /**
   * Writes an imported release (in the caller's transaction). The upstream copy is created on its
   * first release; its read-only draft shows the newest imported release. A local curriculum with
   * the same id, or an upstream copy from another origin, is never touched: the import is refused.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome write(Imported r, String actor) {
    CurriculumDocument doc = document(r.documentJson());
    Instant now = Instant.now();
    Optional<Curriculum> existing = repository.findForUpdate(r.curriculum());
    Curriculum c;
    if (existing.isPresent()) {
      c = existing.get();
      Optional<Origin> o = c.origin();
      if (o.isEmpty() || !o.get().instance().equals(r.origin().instance())) {
        throw DarsException.conflict("curriculum-id-taken",
            "Curriculum " + r.curriculum() + " already exists here as "
                + (o.isEmpty() ? "a local curriculum" : "an upstream copy from " + o.get().organisation())
                + "; a package from " + r.origin().organisation() + " cannot change it.");
      }
      if (repository.release(r.curriculum(), r.version()).isPresent()) {
        return Outcome.ALREADY_PRESENT;
      }
    } else {
      c = Curriculum.upstream(r.curriculum(), doc, r.origin(), actor, now);
      repository.persist(c);
    }
    Release release = Release.imported(r.curriculum(), r.version(), r.notes(), doc, r.publishedBy(), r.publishedAt());
    repository.persist(release);
    repository.replaceUses(r.curriculum(), r.version().toString(), CurriculumService.uses(r.curriculum(), r.version().toString(), doc.tree));
    if (c.latestRelease().map(l -> r.version().isAfter(l)).orElse(true)) {
      CurriculumDocument draft = document(r.documentJson());
      c.saveDraft(draft, actor, now);
      repository.replaceUses(c.id(), ItemUse.DRAFT, CurriculumService.uses(c.id(), ItemUse.DRAFT, draft.tree));
      c.released(r.version());
    }
    curricula.record(r.curriculum(), now, actor, CurriculumHistoryEntry.Action.IMPORTED, Json.createObjectBuilder()
        .add("version", r.version().toString()).add("originInstance", r.origin().instance().toString())
        .add("originOrganisation", r.origin().organisation()));
    return Outcome.ADDED;
  }

  private static CurriculumDocument document(String json) {
    try {
      CurriculumDocument d = CurriculumDocument.read(json);
      for (Node e : d.tree.entries()) {
        if (e.version == null) {
          throw DarsException.invalid("invalid-package", "Release entry '" + e.id + "' has no exact item version.");
        }
      }
      return d;
    } catch (DarsException e) {
      throw DarsException.invalid("invalid-package", "The release tree in the package is not valid: " + e.getMessage());
    } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw DarsException.invalid("invalid-package", "The release tree in the package is not a Dars curriculum document ("
          + e.getClass().getSimpleName() + ").");
    }
  }
}
