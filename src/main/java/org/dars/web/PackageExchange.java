package org.dars.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.CurriculumService;
import org.dars.curriculum.CurriculumSummary;
import org.dars.curriculum.ReleaseService;
import org.dars.curriculum.ReleaseView;
import org.dars.platform.Actor;
import org.dars.platform.DarsException;
import org.dars.sharing.ImportReport;
import org.dars.sharing.ImportService;
import org.dars.sharing.PackageRefusedException;

/**
 * The packages half of the sharing page: choose a local curriculum, a release and optionally a
 * base release for a delta, and download the package from the API's own endpoint ({@code
 * GET /api/v1/curricula/{id}/releases/{v}/package}); or upload a package, which {@link
 * ImportService} verifies and imports exactly as {@code POST /api/v1/imports} does, and read the
 * import report. A refused package is explained in the user's language, with the base release a
 * delta needs.
 */
@Named
@ViewScoped
public class PackageExchange implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int CURRICULA_LISTED = 200;

  @Inject CurriculumService curricula;
  @Inject ReleaseService releases;
  @Inject ImportService imports;
  @Inject Actor actor;
  @Inject Ui ui;

  /** Why a package was refused: the sentence, the reason code, and the base a delta needs. */
  public record Refusal(String sentence, String reason, String needsCurriculum, String needsRelease)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private String curriculum;
  private String release;
  private String since;
  private transient Part file;
  private ImportReport report;
  private Refusal refusal;

  /** Local curricula with at least one release: an upstream copy is exported by its origin. */
  public List<CurriculumSummary> getExportable() {
    List<CurriculumSummary> list = new ArrayList<>();
    for (CurriculumSummary c : curricula.page(0, CURRICULA_LISTED).curricula()) {
      if (c.origin() == null && c.latestRelease() != null) {
        list.add(c);
      }
    }
    return list;
  }

  /** The chosen curriculum's releases, oldest first, as release numbers. */
  public List<String> getReleases() {
    List<String> versions = new ArrayList<>();
    if (curriculum != null && !curriculum.isBlank()) {
      try {
        for (ReleaseView r : releases.releases(CurriculumId.parse(curriculum))) {
          versions.add(r.version());
        }
      } catch (DarsException e) {
        PageMessages.error(ui.problem(e));
      }
    }
    return versions;
  }

  /** The releases before the chosen one: the possible bases of a delta. */
  public List<String> getBases() {
    List<String> all = getReleases();
    int at = all.indexOf(release);
    return at <= 0 ? List.of() : all.subList(0, at);
  }

  /** A new curriculum was chosen: start from its latest release, as a full package. */
  public void curriculumChanged() {
    List<String> all = getReleases();
    release = all.isEmpty() ? null : all.get(all.size() - 1);
    since = null;
  }

  public void releaseChanged() {
    if (!getBases().contains(since)) {
      since = null;
    }
  }

  /** The package's address in the API, relative to the page; null until a release is chosen. */
  public String getPackageHref() {
    if (curriculum == null || release == null || !getReleases().contains(release)) {
      return null;
    }
    String href = "api/v1/curricula/" + Ui.enc(curriculum) + "/releases/" + Ui.enc(release) + "/package";
    return since == null || since.isBlank() ? href : href + "?since=" + Ui.enc(since);
  }

  /** Imports the uploaded package, leaving its report (or why it was refused) for the page. */
  public void importPackage() {
    report = null;
    refusal = null;
    if (file == null || file.getSize() == 0) {
      PageMessages.error(ui.t("sharing.chooseFile"));
      return;
    }
    try (InputStream in = file.getInputStream()) {
      report = imports.importUpload(in, actor.name());
      PageMessages.info(ui.t("sharing.outcome." + report.outcome()));
    } catch (PackageRefusedException e) {
      refusal = refusal(e);
      PageMessages.error(refusal.sentence());
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
    } catch (IOException e) {
      PageMessages.error(ui.t("problem.upload-interrupted"));
    } finally {
      deleteUpload();
    }
  }

  private Refusal refusal(PackageRefusedException e) {
    String sentence = ui.bundle().containsKey("problem.package-" + e.reason())
        ? ui.t("problem.package-" + e.reason())
        : ui.format("sharing.refusedBecause", e.reason());
    if (e.extensions().get("needs") instanceof Map<?, ?> needs) {
      return new Refusal(sentence, e.reason(), String.valueOf(needs.get("curriculum")), String.valueOf(needs.get("release")));
    }
    return new Refusal(sentence, e.reason(), null, null);
  }

  private void deleteUpload() {
    try {
      if (file != null) {
        file.delete();
      }
    } catch (IOException e) {
      // the container removes its temporary part files at the end of the request anyway
    }
    file = null;
  }

  /** One part of the report (added, updated, skipped or refused) with its lines. */
  public record Group(String name, List<ImportReport.Line> lines) {}

  /** The parts of the report that have lines, in the order added, updated, skipped, refused. */
  public List<Group> getGroups() {
    if (report == null) {
      return List.of();
    }
    List<Group> groups = new ArrayList<>();
    for (Group g : List.of(new Group("added", report.added()), new Group("updated", report.updated()),
        new Group("skipped", report.skipped()), new Group("refused", report.refused()))) {
      if (!g.lines().isEmpty()) {
        groups.add(g);
      }
    }
    return groups;
  }

  /**
   * Why a line is where it is. Everything skipped is skipped because it is already here, which the
   * page says in the user's language; a refusal's own reason is technical detail from the service.
   */
  public String reason(String group, ImportReport.Line line) {
    if (line.reason() == null) {
      return "";
    }
    return "skipped".equals(group) ? ui.t("sharing.reason.skipped") : line.reason();
  }

  /** A report line's kind in the user's language. */
  public String kindLabel(String kind) {
    String key = "sharing.kind." + kind;
    return ui.bundle().containsKey(key) ? ui.t(key) : kind;
  }

  /** Where a report line's thing can be opened: an item, or a curriculum. */
  public String lineHref(ImportReport.Line line) {
    return switch (line.kind()) {
      case "item-version" -> "item.xhtml?id=" + Ui.enc(line.id());
      case "release" -> "curriculum.xhtml?id=" + Ui.enc(line.id());
      default -> null;
    };
  }

  public ImportReport getReport() {
    return report;
  }

  public Refusal getRefusal() {
    return refusal;
  }

  public String getCurriculum() {
    return curriculum;
  }

  public void setCurriculum(String curriculum) {
    this.curriculum = curriculum;
  }

  public String getRelease() {
    return release;
  }

  public void setRelease(String release) {
    this.release = release;
  }

  public String getSince() {
    return since;
  }

  public void setSince(String since) {
    this.since = since;
  }

  public Part getFile() {
    return file;
  }

  public void setFile(Part file) {
    this.file = file;
  }
}
