package org.dars.sharing;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.ReleaseVersion;
import org.dars.platform.Actor;
import org.dars.platform.DarsException;

/**
 * {@code POST /curricula/{upstream}/releases/{version}/adoptions} creates a local curriculum from an
 * upstream release; {@code GET /curricula/{local}/adoption} shows its source and the diff to the
 * newest upstream release; {@code POST /curricula/{local}/adoption?take=1.1} records what was taken.
 */
@Path("/curricula/{id}/adoption")
@Produces(MediaType.APPLICATION_JSON)
public class AdoptionResource {
  @Inject AdoptionService adoptions;
  @Inject Actor actor;

  /** Its own root resource: a root at "/curricula/{id}" would hide the curriculum resource's sub-paths. */
  @Path("/curricula/{id}/releases/{version}/adoptions")
  @Produces(MediaType.APPLICATION_JSON)
  public static class Adopt {
    @Inject AdoptionService adoptions;
    @Inject Actor actor;

    @Allowed(Role.AUTHOR)
    @POST
    public Response adopt(@PathParam("id") String id, @PathParam("version") String version) {
      AdoptionService.AdoptionView view = adoptions.adopt(CurriculumId.parse(id), ReleaseVersion.parse(version), actor.name());
      return Response.created(URI.create("curricula/" + view.curriculum())).entity(view).build();
    }
  }

  @Allowed(Role.AUTHOR)
  @GET
  public AdoptionService.AdoptionView get(@PathParam("id") String id) {
    return adoptions.view(CurriculumId.parse(id));
  }

  @Allowed(Role.AUTHOR)
  @POST
  public AdoptionService.AdoptionView take(@PathParam("id") String id, @QueryParam("take") String take) {
    if (take == null) {
      throw DarsException.badRequest("invalid-parameter", "Name the upstream release you have taken: ?take=1.1.");
    }
    return adoptions.take(CurriculumId.parse(id), ReleaseVersion.parse(take), actor.name());
  }
}
