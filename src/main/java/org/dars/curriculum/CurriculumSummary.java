package org.dars.curriculum;

import java.time.Instant;
import java.util.List;

/** A curriculum in a list, without its tree. */
public record CurriculumSummary(
    String id, String title, String language, String organisation, int entries, String latestRelease, Instant changedAt,
    Origin origin, String owner, String visibility) {

  static CurriculumSummary of(Curriculum c) {
    return new CurriculumSummary(c.id().toString(), c.title(), c.language(), c.organisation(), c.draftEntries(),
        c.latestRelease().map(ReleaseVersion::toString).orElse(null), c.draftChangedAt(),
        c.origin().orElse(null), c.owner().value(), c.visibility().id());
  }

  /** One page of curricula, newest first. */
  public record Page(long total, int page, int size, List<CurriculumSummary> curricula) {}
}
