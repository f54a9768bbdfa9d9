package org.dars.sharing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: {@code outcome} is {@code imported}, {@code unchanged} (this package, or this
 * release, was imported before) or {@code refused}; the lines say what was added, updated, skipped
 * or refused, and why. A refused delta names the base release it {@code needs}.
 */
public record ImportReport(
    String outcome,
    String curriculum,
    String release,
    String since,
    String originInstance,
    String originOrganisation,
    String manifestSha256,
    long bytes,
    List<Line> added,
    List<Line> updated,
    List<Line> skipped,
    List<Line> refused,
    Needs needs) {

  /** One thing: a curriculum release, an item version or a blob. */
  public record Line(String kind, String id, String version, String reason) {}

  /** The base release a delta package needs before it can be imported. */
  public record Needs(String curriculum, String release) {}

  static final class Builder {
    final List<Line> added = new ArrayList<>();
    final List<Line> updated = new ArrayList<>();
    final List<Line> skipped = new ArrayList<>();
    final List<Line> refused = new ArrayList<>();

    ImportReport build(String outcome, Manifest m, String sha, long bytes, Needs needs) {
      return new ImportReport(outcome, m == null ? null : m.curriculum().toString(), m == null ? null : m.release(),
          m == null ? null : m.since(), m == null ? null : m.origin().instance().toString(),
          m == null ? null : m.origin().organisation(), sha, bytes, List.copyOf(added), List.copyOf(updated),
          List.copyOf(skipped), List.copyOf(refused), needs);
    }
  }

  String toJson() {
    var b = Json.createObjectBuilder().add("outcome", outcome).add("curriculum", curriculum).add("release", release)
        .add("added", lines(added)).add("updated", lines(updated)).add("skipped", lines(skipped)).add("refused", lines(refused));
    return b.build().toString();
  }

  private static JsonArrayBuilder lines(List<Line> lines) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (Line l : lines.subList(0, Math.min(lines.size(), 500))) {
      var o = Json.createObjectBuilder().add("kind", l.kind()).add("id", l.id());
      if (l.version() != null) {
        o.add("version", l.version());
      }
      if (l.reason() != null) {
        o.add("reason", l.reason());
      }
      a.add(o);
    }
    return a;
  }
}
