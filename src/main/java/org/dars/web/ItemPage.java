package org.dars.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dars.content.ItemId;
import org.dars.content.ItemService;
import org.dars.content.ItemView;
import org.dars.content.VersionView;
import org.dars.curriculum.CurriculumService;
import org.dars.curriculum.ItemUsage;
import org.dars.platform.DarsException;

/**
 * The item page ({@code /item.xhtml?id=}): a preview the browser plays itself (PDF viewer, image,
 * seekable audio and video through the Range-aware content endpoint), the extracted text, the
 * metadata, the versions with their downloads and stable links, where the item is used, and for a
 * deleted item its tombstone.
 */
@Named
@RequestScoped
public class ItemPage {
  /** How much of the extracted text the page shows; the whole text is one link away. */
  static final int TEXT_SHOWN = 20_000;

  @Inject ItemService items;
  @Inject CurriculumService curricula;
  @Inject HttpServletRequest request;
  @Inject Ui ui;

  private boolean loaded;
  private ItemView item;
  private List<VersionView> versions = List.of();
  private List<ItemUsage> usages = List.of();
  private Map<?, ?> tombstone;
  private String problem;
  private String text;
  private boolean textTruncated;

  private void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    try {
      ItemId id = ItemId.parse(request.getParameter("id"));
      item = items.view(id);
      versions = new java.util.ArrayList<>(items.versions(id));
      java.util.Collections.reverse(versions);
      usages = curricula.usagesOf(id);
      text = readText(id);
    } catch (DarsException e) {
      if (e.extensions().get("tombstone") instanceof Map<?, ?> t) {
        tombstone = t;
      } else {
        problem = ui.problem(e);
      }
    }
  }

  private String readText(ItemId id) {
    Optional<InputStream> in = items.text(items.version(id, item.version()));
    if (in.isEmpty()) {
      return null;
    }
    try (Reader r = new InputStreamReader(in.get(), StandardCharsets.UTF_8)) {
      char[] buf = new char[TEXT_SHOWN + 1];
      int n = 0;
      int read;
      while (n < buf.length && (read = r.read(buf, n, buf.length - n)) > 0) {
        n += read;
      }
      textTruncated = n > TEXT_SHOWN;
      return new String(buf, 0, Math.min(n, TEXT_SHOWN));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the text of item " + id, e);
    }
  }

  public ItemView getItem() {
    load();
    return item;
  }

  public List<VersionView> getVersions() {
    load();
    return versions;
  }

  public List<ItemUsage> getUsages() {
    load();
    return usages;
  }

  public Map<?, ?> getTombstone() {
    load();
    return tombstone;
  }

  public String getProblem() {
    load();
    return problem;
  }

  public String getText() {
    load();
    return text;
  }

  public boolean isTextTruncated() {
    return textTruncated;
  }

  /** What the preview shows: pdf, image, audio, video, or none. */
  public String getPreview() {
    load();
    if (item == null) {
      return "none";
    }
    String type = item.mediaType() == null ? "" : item.mediaType();
    if (type.equals("application/pdf")) {
      return "pdf";
    }
    if (type.startsWith("image/") && !type.contains("svg")) {
      return "image";
    }
    if (type.startsWith("audio/")) {
      return "audio";
    }
    if (type.startsWith("video/")) {
      return "video";
    }
    return "none";
  }

  /** The writing direction of the item's own text, from its language. */
  public String getContentDir() {
    load();
    String lang = getContentLang();
    return lang.startsWith("fa") || lang.startsWith("ar") || lang.startsWith("ckb") ? "rtl" : "auto";
  }

  public String getContentLang() {
    load();
    if (item == null) {
      return "";
    }
    if (!item.language().isEmpty()) {
      return item.language().get(0);
    }
    return item.detectedLanguage() == null ? "" : item.detectedLanguage();
  }

  /** The stable link to the latest version, absolute, as a course would use it. */
  public String getLatestLink() {
    return origin() + "/p/items/" + getItem().id();
  }

  public String versionLink(int number) {
    return origin() + "/p/items/" + getItem().id() + "/v/" + number;
  }

  private String origin() {
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
  }
}
