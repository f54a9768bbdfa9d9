package org.dars.curriculum;

import java.time.Instant;
import java.util.List;

/** A curriculum with its draft, as GET /api/v1/curricula/{id} answers (the ETag is also a header). */
public record CurriculumView(
    String id,
    Titles title,
    String description,
    String language,
    String subject,
    String level,
    String organisation,
    String license,
    String etag,
    long revision,
    Instant changedAt,
    String changedBy,
    Instant createdAt,
    String createdBy,
    String latestRelease,
    int entries,
    List<NodeView> nodes,
    Origin origin,
    String owner,
    String visibility,
    String review) {

  static CurriculumView of(Curriculum c) {
    CurriculumDocument d = c.draft();
    CurriculumInfo i = d.info;
    return new CurriculumView(c.id().toString(), i.title(), i.description(), i.language(), i.subject(), i.level(),
        i.organisation(), i.license(), c.etag(), c.draftRevision(), c.draftChangedAt(), c.draftChangedBy(),
        c.createdAt(), c.createdBy(), c.latestRelease().map(ReleaseVersion::toString).orElse(null),
        c.draftEntries(), NodeView.of(d.tree.top()), c.origin().orElse(null),
        c.owner().value(), c.visibility().id(), c.reviewState());
  }
}
