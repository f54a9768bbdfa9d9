package org.dars.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.dars.platform.DarsException;
import org.dars.platform.Params;

/** {@code GET /api/v1/admin/audit}: security-relevant events, newest first. */
@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.ADMIN)
public class AuditResource {
  @Inject AuditLog audit;

  @GET
  public List<AuditLog.AuditView> list(@QueryParam("since") String since, @QueryParam("kind") String kind,
      @QueryParam("limit") String limit) {
    Instant from = Instant.EPOCH;
    if (since != null) {
      try {
        from = Instant.parse(since);
      } catch (DateTimeParseException e) {
        throw DarsException.badRequest("invalid-parameter", "'since' must be an ISO-8601 instant such as 2026-11-29T08:00:00Z.");
      }
    }
    if (kind != null && !kind.matches("[a-z-]{1,40}")) {
      throw DarsException.badRequest("invalid-parameter", "'kind' must be an event kind such as sign-in or token-used.");
    }
    int n = limit == null ? 100 : Params.number("limit", limit, 1, 1000);
    return audit.events(from, kind, n);
  }
}
