package org.dars.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** The sentences a page action leaves for {@code <h:messages>}, already in the user's language. */
final class PageMessages {
  private PageMessages() {}

  static void error(String message) {
    add(FacesMessage.SEVERITY_ERROR, message);
  }

  static void info(String message) {
    add(FacesMessage.SEVERITY_INFO, message);
  }

  private static void add(FacesMessage.Severity severity, String message) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, message, null));
  }
}
