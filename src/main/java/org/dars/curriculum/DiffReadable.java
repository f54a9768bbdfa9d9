package org.dars.curriculum;

import org.dars.platform.Html;
import java.util.ArrayList;
import java.util.List;

/** A diff as sentences, for people: one line per change, titles quoted as written. */
final class DiffReadable {
  private DiffReadable() {}

  static List<String> lines(DiffView d) {
    List<String> lines = new ArrayList<>();
    if (d.infoChanged()) {
      lines.add("The curriculum's description changed.");
    }
    for (DiffView.NodeChange a : d.structure().added()) {
      lines.add("Added " + a.kind() + " «" + a.title() + "»" + under(a.parent()) + entries(a));
    }
    for (DiffView.NodeChange r : d.structure().removed()) {
      lines.add("Removed " + r.kind() + " «" + r.title() + "»" + under(r.parent()) + entries(r));
    }
    for (DiffView.Moved m : d.structure().moved()) {
      lines.add("Moved " + m.kind() + " «" + m.title() + "» from position " + (m.fromPosition() + 1) + under(m.fromParent())
          + " to position " + (m.toPosition() + 1) + under(m.toParent()) + ".");
    }
    for (DiffView.Renamed r : d.structure().renamed()) {
      lines.add("Renamed " + r.kind() + " «" + r.from() + "» to «" + r.to() + "».");
    }
    for (DiffView.ContentChange c : d.content()) {
      String versions = c.fromItem() != null
          ? "now refers to another item (" + c.item() + " version " + c.toVersion() + ")"
          : "version " + (c.fromVersion() == null ? "none" : c.fromVersion()) + " → " + (c.toVersion() == null ? "none" : c.toVersion());
      lines.add("Entry «" + c.title() + "»: " + versions + (c.text() == null ? "" : "; " + c.text().summary()) + ".");
    }
    if (lines.isEmpty()) {
      lines.add("No changes between " + d.from() + " and " + d.to() + ".");
    }
    return lines;
  }

  private static String under(String parent) {
    return parent == null ? " at the top level" : " in '" + parent + "'";
  }

  private static String entries(DiffView.NodeChange n) {
    return n.kind().equals("entry") ? "." : " (" + n.entries() + " entries).";
  }

  /** The same lines as a small page for the UI; every title is escaped. */
  static String html(DiffView d, String title, boolean rightToLeft) {
    StringBuilder b = new StringBuilder(4096)
        .append("<!DOCTYPE html>\n<html lang=\"").append(rightToLeft ? "fa" : "en").append("\" dir=\"")
        .append(rightToLeft ? "rtl" : "ltr").append("\">\n<head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title)).append(": ").append(Html.escape(d.from())).append(" → ").append(Html.escape(d.to()))
        .append("</title></head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n<p dir=\"ltr\">")
        .append(Html.escape(d.from())).append(" → ").append(Html.escape(d.to())).append("</p>\n<ul>\n");
    for (String line : d.readable()) {
      b.append("<li dir=\"auto\">").append(Html.escape(line)).append("</li>\n");
    }
    return b.append("</ul>\n</body>\n</html>\n").toString();
  }
}
