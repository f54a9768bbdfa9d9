package org.dars.platform;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The three exception mappers: Dars's own exceptions, JAX-RS's (unknown path, wrong method,
 * unsupported media type, unreadable body) and everything else. Only the catch-all logs, once,
 * with an incident id that the problem body repeats so an administrator can find the trace.
 */
final class ProblemMappers {
  private ProblemMappers() {}

  @Provider
  public static final class Domain implements ExceptionMapper<DarsException> {
    @Override
    public Response toResponse(DarsException e) {
      Response r = Problem.of(e);
      // Bearer only: a Basic challenge would make browsers pop up their own password dialog.
      return e.status() == 401 ? Response.fromResponse(r).header("WWW-Authenticate", "Bearer realm=\"dars\"").build() : r;
    }
  }

  @Provider
  public static final class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      String detail =
          e.getConstraintViolations().stream()
              .map(v -> v.getPropertyPath() + ": " + v.getMessage())
              .sorted()
              .collect(Collectors.joining("; "));
      return Problem.response(
          400,
          "https://dars.example/problems/invalid-request",
          "Bad request",
          "The request is invalid: " + detail,
          Map.of());
    }
  }

  @Provider
  public static final class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      String detail =
          switch (status) {
            case 404 -> "There is no resource at this address. The API lives under /api/v1; see /openapi.";
            case 405 -> "This resource does not accept that HTTP method. See /openapi for the methods it takes.";
            case 406 -> "This resource cannot answer in the media type you asked for in Accept.";
            case 415 -> "This resource does not accept that Content-Type. See /openapi for what it takes.";
            default -> status >= 500
                ? "The server could not complete the request."
                : "The request could not be processed: check its body and parameters against /openapi.";
          };
      if (status >= 500) {
        return Unexpected.incident(e);
      }
      Response.StatusType info = e.getResponse().getStatusInfo();
      return Problem.response(
          status, "about:blank", info.getReasonPhrase(), detail, Map.of());
    }
  }

  @Provider
  public static final class Unexpected implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class);

    @Override
    public Response toResponse(Throwable e) {
      return incident(e);
    }

    static Response incident(Throwable e) {
      String incident = UUID.randomUUID().toString();
      LOG.errorf(e, "Unexpected failure, incident %s", incident);
      return Problem.response(
          500,
          "https://dars.example/problems/internal-error",
          "Internal server error",
          "Dars failed unexpectedly. Nothing you sent was saved in part. Give the administrator"
              + " incident id " + incident + " to find the cause in the server log.",
          Map.of("incident", incident));
    }
  }
}
