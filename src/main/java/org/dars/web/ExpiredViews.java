package org.dars.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A postback whose view state the server does not know, because the session expired or because
 * another site forged the form, sends the browser back to a fresh copy of the page (a redirect) instead of
 * failing with a 500 and a stack trace in the log. Nothing of the postback is applied.
 */
public class ExpiredViews extends ExceptionHandlerFactory {
  public ExpiredViews(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  private static final class Handler extends ExceptionHandlerWrapper {
    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        Throwable t = events.next().getContext().getException();
        while (t instanceof FacesException && !(t instanceof ViewExpiredException) && t.getCause() != null) {
          t = t.getCause();
        }
        if (t instanceof ViewExpiredException) {
          events.remove();
          reload(FacesContext.getCurrentInstance());
        }
      }
      getWrapped().handle();
    }

    private static void reload(FacesContext context) {
      ExternalContext external = context.getExternalContext();
      HttpServletRequest request = (HttpServletRequest) external.getRequest();
      try {
        external.redirect(request.getRequestURI());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      context.responseComplete();
    }
  }
}
