package org.dars.http;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.dars.platform.Problem;

/**
 * The error page for errors the servlet container answers itself, before Dars sees the request
 * (a path that is not valid UTF-8 once decoded, too many headers, a method Undertow refuses): under
 * {@code /api/} a problem document like every other API error, elsewhere a plain page. Mapped by
 * status in web.xml; exceptions keep their own error page (error.xhtml).
 */
@WebServlet(ContainerErrors.PATH)
public class ContainerErrors extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/container-error";

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 404;
    Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : req.getRequestURI();
    String title = title(status);
    resp.setStatus(status);
    resp.setHeader("Cache-Control", "no-store");
    byte[] body;
    if (path.startsWith("/api/")) {
      JsonObjectBuilder problem = Json.createObjectBuilder().add("type", "about:blank").add("title", title)
          .add("status", status).add("detail", detail(status));
      resp.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
      body = problem.build().toString().getBytes(StandardCharsets.UTF_8);
    } else {
      resp.setContentType("text/html;charset=UTF-8");
      body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " " + title
          + "</title></head><body><h1>" + status + " " + title + "</h1></body></html>").getBytes(StandardCharsets.UTF_8);
    }
    resp.setContentLength(body.length);
    if (!"HEAD".equals(req.getMethod())) {
      resp.getOutputStream().write(body);
    }
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 411 -> "Length Required";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 415 -> "Unsupported Media Type";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "The server could not read this request: its address, headers or body are malformed (for example"
          + " a percent-encoded path that is not UTF-8, or too many headers).";
      case 404 -> "There is no resource at this address. The API lives under /api/v1; see /openapi.";
      case 405 -> "This server does not accept that HTTP method.";
      case 413 -> "The request is larger than this server accepts.";
      case 503 -> "Dars is starting or stopping; try again in a moment.";
      default -> "The server could not process this request; see /openapi for what each endpoint takes.";
    };
  }
}
