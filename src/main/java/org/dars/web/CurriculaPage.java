package org.dars.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import java.util.List;
import org.dars.curriculum.CurriculumService;
import org.dars.curriculum.CurriculumSummary;
import org.dars.curriculum.CurriculumView;
import org.dars.platform.Actor;
import org.dars.platform.DarsException;

/** The list of curricula ({@code /curricula.xhtml}) and the form that starts a new one. */
@Named
@RequestScoped
public class CurriculaPage {
  @Inject CurriculumService curricula;
  @Inject Actor actor;
  @Inject Ui ui;

  private List<CurriculumSummary> list;
  private String title;
  private String language;

  public List<CurriculumSummary> getCurricula() {
    if (list == null) {
      list = curricula.page(0, 100).curricula();
    }
    return list;
  }

  /** Creates a curriculum titled in its own language and opens it in the editor. */
  public String create() {
    String lang = language == null || language.isBlank() ? ui.getLang() : language;
    try {
      CurriculumView created = curricula.create(Json.createObjectBuilder()
          .add("title", Json.createObjectBuilder().add(lang, title == null ? "" : title.strip()))
          .add("language", lang).build(), actor.name());
      return "curriculum.xhtml?faces-redirect=true&id=" + created.id();
    } catch (DarsException e) {
      FacesContext.getCurrentInstance().addMessage(null,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, ui.problem(e), null));
      return null;
    }
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getLanguage() {
    return language == null ? ui.getLang() : language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }
}
