package org.dars.linking;

import org.dars.platform.Html;
import java.util.List;
import org.dars.content.Tombstone;
import org.dars.curriculum.NodeView;
import org.dars.curriculum.ReleaseView;

/**
 * The server-rendered pages behind stable links, until the UI has its own. Every text that comes
 * from authors is escaped; the page's lang and dir follow the content's language, so Persian and
 * Arabic read right to left.
 */
final class LinkPages {
  private LinkPages() {}

  static String item(ItemLinkView item) {
    String lang = item.language() == null || item.language().isEmpty() ? "fa" : item.language().get(0);
    StringBuilder b = start(lang, item.title());
    b.append("<h1>").append(Html.escape(item.title())).append("</h1>\n");
    if (item.superseded()) {
      b.append("<p class=\"superseded\" role=\"note\">نسخهٔ جدیدتری موجود است / توجد نسخة أحدث / A newer version exists: ")
          .append("<a href=\"").append(Html.escape(item.latest())).append("\">").append(item.latestVersion()).append("</a></p>\n");
    }
    if (item.description() != null) {
      b.append("<p>").append(Html.escape(item.description())).append("</p>\n");
    }
    b.append("<dl dir=\"ltr\">\n<dt>Version</dt><dd>").append(item.version()).append(" / ").append(item.latestVersion())
        .append("</dd>\n<dt>File</dt><dd><bdi>").append(Html.escape(item.fileName())).append("</bdi> (").append(Html.escape(item.mediaType()))
        .append(", ").append(item.size()).append(" bytes)</dd>\n</dl>\n")
        .append("<p><a href=\"").append(Html.escape(item.content())).append("\">دریافت / تنزيل / Download</a></p>\n")
        .append("<p dir=\"ltr\">Permanent link: <a href=\"").append(Html.escape(item.permalink())).append("\">")
        .append(Html.escape(item.permalink())).append("</a></p>\n");
    return end(b);
  }

  static String tombstone(Tombstone t) {
    StringBuilder b = start("fa", t.title());
    b.append("<h1>").append(Html.escape(t.title())).append("</h1>\n")
        .append("<p role=\"alert\">این محتوا حذف شده است / تم حذف هذا المحتوى / This item was deleted.</p>\n")
        .append("<dl>\n<dt>When</dt><dd dir=\"ltr\">").append(Html.escape(t.deletedAt().toString())).append("</dd>\n");
    if (t.reason() != null) {
      b.append("<dt>Why</dt><dd>").append(Html.escape(t.reason())).append("</dd>\n");
    }
    b.append("</dl>\n");
    if (t.replacement() != null) {
      b.append("<p>Replacement: <a href=\"").append(Html.escape(safeHref(t.replacement()))).append("\">")
          .append(Html.escape(t.replacement())).append("</a></p>\n");
    }
    return end(b);
  }

  static String curriculum(ReleaseView r) {
    StringBuilder b = start(r.language(), r.displayTitle());
    b.append("<h1>").append(Html.escape(r.displayTitle())).append("</h1>\n")
        .append("<p dir=\"ltr\">Release ").append(Html.escape(r.version())).append(", ").append(Html.escape(r.publishedAt().toString())).append("</p>\n");
    if (r.withdrawn()) {
      b.append("<p class=\"withdrawn\" role=\"alert\">Withdrawn: ").append(Html.escape(r.withdrawnReason())).append("</p>\n");
    }
    if (r.newerRelease() != null) {
      b.append("<p class=\"superseded\" role=\"note\">A newer release exists: <a href=\"/p/curricula/")
          .append(Html.escape(r.curriculum())).append("/r/").append(Html.escape(r.newerRelease())).append("\">")
          .append(Html.escape(r.newerRelease())).append("</a></p>\n");
    }
    if (r.description() != null) {
      b.append("<p>").append(Html.escape(r.description())).append("</p>\n");
    }
    if (r.notes() != null) {
      b.append("<p class=\"notes\">").append(Html.escape(r.notes())).append("</p>\n");
    }
    nodes(b, r.nodes());
    return end(b);
  }

  static String error(int status, String title, String detail) {
    StringBuilder b = start("en", title);
    b.append("<h1>").append(status).append(' ').append(Html.escape(title)).append("</h1>\n<p>").append(Html.escape(detail)).append("</p>\n");
    return end(b);
  }

  private static void nodes(StringBuilder b, List<NodeView> nodes) {
    b.append("<ol>\n");
    for (NodeView n : nodes) {
      b.append("<li>");
      if (n.kind().equals("entry")) {
        String href = "/p/items/" + n.item() + "/v/" + n.version();
        b.append("<a href=\"").append(Html.escape(href)).append("\">").append(Html.escape(n.itemTitle())).append("</a>");
        if (n.note() != null) {
          b.append(" <small>").append(Html.escape(n.note())).append("</small>");
        }
      } else {
        b.append("<strong>").append(Html.escape(n.title())).append("</strong>\n");
        nodes(b, n.children());
      }
      b.append("</li>\n");
    }
    b.append("</ol>\n");
  }

  private static StringBuilder start(String lang, String title) {
    String l = lang == null || lang.isBlank() ? "fa" : lang;
    boolean rtl = l.startsWith("fa") || l.startsWith("ar") || l.startsWith("ckb");
    return new StringBuilder(4096).append("<!DOCTYPE html>\n<html lang=\"").append(Html.escape(l)).append("\" dir=\"")
        .append(rtl ? "rtl" : "ltr").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(Html.escape(title)).append(" · Dars</title>\n</head>\n<body>\n");
  }

  private static String end(StringBuilder b) {
    return b.append("</body>\n</html>\n").toString();
  }

  /** An author's replacement link is shown as a link only if it is http(s) or a path here. */
  static String safeHref(String link) {
    String l = link.strip();
    return l.startsWith("https://") || l.startsWith("http://") || (l.startsWith("/") && !l.startsWith("//")) ? l : "#";
  }
}
