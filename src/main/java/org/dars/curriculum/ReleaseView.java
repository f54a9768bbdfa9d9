package org.dars.curriculum;

import java.time.Instant;
import java.util.List;

/**
 * A release as published: its description and resolved tree, and whether it was withdrawn (a
 * withdrawn release stays readable). {@code newerRelease} names the latest release when this one
 * has been superseded.
 */
public record ReleaseView(
    String curriculum,
    String version,
    String notes,
    Instant publishedAt,
    String publishedBy,
    boolean withdrawn,
    Instant withdrawnAt,
    String withdrawnBy,
    String withdrawnReason,
    String newerRelease,
    int entries,
    Titles title,
    String description,
    String language,
    String subject,
    String level,
    String organisation,
    String license,
    List<NodeView> nodes) {

  static ReleaseView of(Release r, String newer, boolean withTree) {
    CurriculumDocument d = r.document();
    CurriculumInfo i = d.info;
    return new ReleaseView(r.curriculum().toString(), r.version().toString(), r.notes().orElse(null), r.publishedAt(),
        r.publishedBy(), r.isWithdrawn(), r.withdrawnAt().orElse(null), r.withdrawnBy().orElse(null),
        r.withdrawnReason().orElse(null), newer, r.entries(), i.title(), i.description(), i.language(), i.subject(),
        i.level(), i.organisation(), i.license(), withTree ? NodeView.of(d.tree.top()) : null);
  }

  /** The title in the curriculum's own language. */
  public String displayTitle() {
    return title.in(language);
  }
}
