package org.dars.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import org.primefaces.component.poll.PollRenderer;

/**
 * {@code p:poll} as PrimeFaces renders it, except for its empty placeholder element: PrimeFaces
 * writes {@code style="display: none;"} on it, which the Content-Security-Policy's
 * {@code style-src 'self'} refuses (on the first rendering and again whenever an ajax update
 * replaces it). The {@code hidden} attribute hides it the same way without an inline style.
 * Registered in faces-config.xml under PrimeFaces's own renderer type.
 */
public class HiddenPollRenderer extends PollRenderer {
  @Override
  protected void renderDummyMarkup(FacesContext context, UIComponent component, String clientId) throws IOException {
    ResponseWriter writer = context.getResponseWriter();
    writer.startElement("div", null);
    writer.writeAttribute("id", clientId, null);
    writer.writeAttribute("hidden", "hidden", null);
    renderPassThruAttributes(context, component);
    writer.endElement("div");
  }
}
