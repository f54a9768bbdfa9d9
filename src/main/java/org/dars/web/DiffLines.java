package org.dars.web;

import java.util.ArrayList;
import java.util.List;
import org.dars.curriculum.DiffView;

/**
 * A curriculum diff as sentences in the user's language, written from the diff's structure (the
 * service's own {@code readable} lines are English). Release and item version numbers stay ASCII.
 */
final class DiffLines {
  private DiffLines() {}

  static List<String> of(DiffView d, Ui ui) {
    List<String> lines = new ArrayList<>();
    if (d.infoChanged()) {
      lines.add(ui.t("diff.info"));
    }
    for (DiffView.NodeChange n : d.structure().added()) {
      lines.add(ui.format("diff.added", kind(n.kind(), ui), orDash(n.title()), n.entries()));
    }
    for (DiffView.NodeChange n : d.structure().removed()) {
      lines.add(ui.format("diff.removed", kind(n.kind(), ui), orDash(n.title()), n.entries()));
    }
    for (DiffView.Renamed r : d.structure().renamed()) {
      lines.add(ui.format("diff.renamed", kind(r.kind(), ui), orDash(r.from()), orDash(r.to())));
    }
    for (DiffView.Moved m : d.structure().moved()) {
      lines.add(ui.format("diff.moved", kind(m.kind(), ui), orDash(m.title())));
    }
    for (DiffView.ContentChange c : d.content()) {
      String from = c.fromVersion() == null ? "-" : String.valueOf(c.fromVersion());
      String to = c.toVersion() == null ? "-" : String.valueOf(c.toVersion());
      if (c.text() != null) {
        lines.add(ui.format("diff.contentText", orDash(c.title()), from, to, c.text().paragraphsAdded(), c.text().paragraphsRemoved()));
      } else {
        lines.add(ui.format("diff.content", orDash(c.title()), from, to));
      }
    }
    if (lines.isEmpty()) {
      lines.add(ui.t("diff.none"));
    }
    return lines;
  }

  private static String orDash(String s) {
    return s == null ? "—" : s;
  }

  private static String kind(String kind, Ui ui) {
    return ui.t("kind." + kind);
  }
}
