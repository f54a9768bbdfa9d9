package org.dars.search;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/admin/index}: the index's status, and an online full rebuild from the database
 * and blob store. Search keeps answering from the current index until the rebuilt one is swapped
 * in; {@code GET} reports the rebuild's progress.
 */
@Path("/admin/index")
@Produces(MediaType.APPLICATION_JSON)
public class IndexAdminResource {
  @Inject Indexer indexer;

  @Allowed(Role.ADMIN)
  @GET
  public IndexStatus status() {
    return indexer.status();
  }

  /** Starts a rebuild, or reports the one already running; answers 202 with the status. */
  @Allowed(Role.ADMIN)
  @POST
  @Path("/rebuild")
  public Response rebuild() {
    indexer.startRebuild();
    return Response.accepted(status()).build();
  }
}
