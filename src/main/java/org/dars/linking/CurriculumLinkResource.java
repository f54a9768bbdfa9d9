package org.dars.linking;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.CurriculumService;
import org.dars.platform.Actor;

/** Course links to a curriculum (following its latest release or pinning one). */
@Path("/curricula/{id}/links")
@Produces(MediaType.APPLICATION_JSON)
public class CurriculumLinkResource {
  @Inject CourseLinkService links;
  @Inject CurriculumService curricula;
  @Inject Actor actor;

  @Allowed({Role.ADMIN, Role.AUTHOR, Role.REVIEWER, Role.INSTRUCTOR})
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(@PathParam("id") String id, String body) {
    CurriculumId curriculum = CurriculumId.parse(id);
    return LinkResources.registered(links.registerForCurriculum(curriculum, LinkResources.body(body), actor.name()), "curricula/" + curriculum + "/links");
  }

  @Allowed({Role.ADMIN, Role.AUTHOR, Role.REVIEWER, Role.INSTRUCTOR})
  @GET
  public List<CourseLinkView> list(@PathParam("id") String id) {
    CurriculumId curriculum = CurriculumId.parse(id);
    curricula.view(curriculum);
    return links.linksTo(curriculum);
  }
}
