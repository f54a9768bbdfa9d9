package org.dars.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.CurriculumService;
import org.dars.curriculum.DiffService;
import org.dars.curriculum.DiffView;
import org.dars.curriculum.ReleaseService;
import org.dars.curriculum.ReleaseVersion;
import org.dars.curriculum.ReleaseView;
import org.dars.platform.Actor;
import org.dars.platform.DarsException;

/**
 * The releases half of the curriculum editor: publish the draft, the release list, revert to a
 * release, and the readable diff between two releases or the draft. It works on the draft the
 * {@link CurriculumEditor} of the same view holds, with that editor's ETag, and has the editor
 * read the draft again after a change.
 */
@Named
@ViewScoped
public class ReleasePanel implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String DRAFT = "draft";

  @Inject CurriculumEditor editor;
  @Inject CurriculumService curricula;
  @Inject ReleaseService releases;
  @Inject DiffService diffs;
  @Inject Actor actor;
  @Inject Ui ui;

  private String releaseVersion;
  private String releaseNotes;
  private String diffFrom;
  private String diffTo = DRAFT;
  private List<String> diffLines;

  /** Newest first. */
  public List<ReleaseView> getReleases() {
    if (editor.getId() == null) {
      return List.of();
    }
    List<ReleaseView> list = new ArrayList<>(releases.releases(curriculum()));
    Collections.reverse(list);
    return list;
  }

  public void publish() {
    try {
      JsonObjectBuilder body = Json.createObjectBuilder().add("version", releaseVersion == null ? "" : releaseVersion.strip());
      if (releaseNotes != null && !releaseNotes.isBlank()) {
        body.add("notes", releaseNotes);
      }
      ReleaseView r = releases.publish(curriculum(), body.build(), editor.etag(), actor.name());
      PageMessages.info(ui.format("editor.published", r.version()));
      releaseVersion = null;
      releaseNotes = null;
      editor.reload();
      diffFrom = r.version();
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
    }
  }

  public void revert(String version) {
    try {
      curricula.revert(curriculum(), ReleaseVersion.parse(version), editor.etag(), actor.name());
      editor.deselect();
      editor.reload();
      PageMessages.info(ui.format("editor.reverted", version));
    } catch (DarsException e) {
      PageMessages.error(ui.problem(e));
    }
  }

  public void diff() {
    try {
      DiffView d = diffs.diff(curriculum(), getDiffFrom(), diffTo);
      diffLines = DiffLines.of(d, ui);
    } catch (DarsException e) {
      diffLines = null;
      PageMessages.error(ui.problem(e));
    }
  }

  /** The release numbers and "draft", for the two sides of a diff. */
  public List<String> getDiffSides() {
    List<String> sides = new ArrayList<>();
    for (ReleaseView r : getReleases()) {
      sides.add(r.version());
    }
    sides.add(DRAFT);
    return sides;
  }

  public String sideLabel(String side) {
    return DRAFT.equals(side) ? ui.t("editor.draft") : side;
  }

  private CurriculumId curriculum() {
    return CurriculumId.parse(editor.getId());
  }

  public String getReleaseVersion() {
    return releaseVersion;
  }

  public void setReleaseVersion(String releaseVersion) {
    this.releaseVersion = releaseVersion;
  }

  public String getReleaseNotes() {
    return releaseNotes;
  }

  public void setReleaseNotes(String releaseNotes) {
    this.releaseNotes = releaseNotes;
  }

  /** The older side: the release last published on this page, else the latest release. */
  public String getDiffFrom() {
    return diffFrom != null ? diffFrom : editor.getLatestRelease();
  }

  public void setDiffFrom(String diffFrom) {
    this.diffFrom = diffFrom;
  }

  public String getDiffTo() {
    return diffTo;
  }

  public void setDiffTo(String diffTo) {
    this.diffTo = diffTo;
  }

  public List<String> getDiffLines() {
    return diffLines;
  }
}
