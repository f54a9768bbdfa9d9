package org.dars.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.CurriculumService;
import org.dars.curriculum.CurriculumView;
import org.dars.curriculum.DiffService;
import org.dars.curriculum.DiffView;
import org.dars.curriculum.NodeView;
import org.dars.curriculum.ReleaseService;
import org.dars.curriculum.ReleaseVersion;
import org.dars.curriculum.ReleaseView;
import org.dars.curriculum.Titles;
import org.dars.curriculum.UpstreamReleases;
import org.dars.platform.DarsException;

/**
 * Adopting an upstream release: a new local curriculum whose draft is the release's tree (same node
 * ids, every entry pinned to the exact upstream item version), linked back to its source. When a
 * newer upstream release arrives, the author reads the diff from the adopted release to it, edits
 * the local draft as they choose, and records which upstream release they have now taken. Imports
 * never touch the local curriculum.
 */
@ApplicationScoped
public class AdoptionService {
  @Inject CurriculumService curricula;
  @Inject ReleaseService releases;
  @Inject DiffService diffs;
  @Inject UpstreamReleases upstream;
  @Inject SharingRepository repository;

  /** A local curriculum's link to its upstream source, and what changed upstream since. */
  public record AdoptionView(String curriculum, String upstreamCurriculum, String upstreamOrganisation,
      String adoptedRelease, Instant adoptedAt, String adoptedBy, String latestUpstreamRelease, DiffView upstreamChanges) {}

  @Transactional
  public AdoptionView adopt(CurriculumId source, ReleaseVersion version, String actor) {
    ReleaseView release = releases.release(source, version); // first: what the caller may not read does not exist
    if (upstream.origin(source).isEmpty()) {
      throw DarsException.conflict("not-upstream",
          "Curriculum " + source + " is local; only upstream copies (imported from a partner) are adopted.");
    }
    JsonArrayBuilder ops = Json.createArrayBuilder();
    operations(release.nodes(), null, ops);
    JsonObjectBuilder body = Json.createObjectBuilder().add("title", titles(release.title())).add("language", release.language());
    add(body, "description", release.description());
    add(body, "subject", release.subject());
    add(body, "level", release.level());
    add(body, "organisation", release.organisation());
    add(body, "license", release.license());
    body.add("operations", ops);
    CurriculumView created = curricula.create(body.build(), actor);
    Adoption a = new Adoption(UUID.fromString(created.id()), source.value(), version.toString(), actor, Instant.now());
    repository.persist(a);
    return view(a);
  }

  public AdoptionView view(CurriculumId local) {
    curricula.view(local);
    return view(find(local));
  }

  /** Records that the author has taken upstream release {@code version} into the local curriculum. */
  @Transactional
  public AdoptionView take(CurriculumId local, ReleaseVersion version, String actor) {
    curricula.checkEditable(local);
    Adoption a = find(local);
    CurriculumId source = new CurriculumId(a.upstream());
    releases.release(source, version);
    a.take(version.toString(), actor, Instant.now());
    return view(a);
  }

  private Adoption find(CurriculumId local) {
    return repository.adoption(local.value()).orElseThrow(() -> DarsException.notFound("not-adopted",
        "Curriculum " + local + " was not adopted from an upstream release."));
  }

  private AdoptionView view(Adoption a) {
    CurriculumId source = new CurriculumId(a.upstream());
    List<ReleaseVersion> all = upstream.releases(source);
    String latest = all.isEmpty() ? null : all.get(all.size() - 1).toString();
    DiffView diff = latest == null || latest.equals(a.adoptedRelease()) ? null
        : diffs.diff(source, a.adoptedRelease(), latest);
    return new AdoptionView(a.local().toString(), source.toString(),
        upstream.origin(source).map(o -> o.organisation()).orElse(null), a.adoptedRelease(), a.adoptedAt(), a.adoptedBy(),
        latest, diff);
  }

  private static void operations(List<NodeView> nodes, String parent, JsonArrayBuilder ops) {
    if (nodes == null) {
      return;
    }
    for (NodeView n : nodes) {
      JsonObjectBuilder o = Json.createObjectBuilder().add("id", n.id());
      if (parent != null) {
        o.add("parent", parent);
      }
      if ("entry".equals(n.kind())) {
        o.add("op", "addEntry").add("item", n.item()).add("version", n.version());
        if (n.note() != null) {
          o.add("note", n.note());
        }
        ops.add(o);
      } else {
        o.add("op", "module".equals(n.kind()) ? "addModule" : "addLesson").add("title", n.title());
        ops.add(o);
        operations(n.children(), n.id(), ops);
      }
    }
  }

  private static JsonObjectBuilder titles(Titles t) {
    JsonObjectBuilder b = Json.createObjectBuilder();
    add(b, "fa", t.fa());
    add(b, "ar", t.ar());
    add(b, "en", t.en());
    return b;
  }

  private static void add(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }
}
