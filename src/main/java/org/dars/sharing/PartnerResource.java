package org.dars.sharing;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.dars.platform.Actor;
import org.dars.platform.JsonBodies;
import org.dars.security.Allowed;
import org.dars.security.Role;

/**
 * Partner administration and pull sync. Open like the rest of the API until the security issue
 * adds roles; these are administrator operations.
 */
@Path("/partners")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {
  @Inject PartnerService partners;
  @Inject SyncService sync;
  @Inject Actor actor;

  @Allowed(Role.ADMIN)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(String body) {
    PartnerService.PartnerView view = partners.register(JsonBodies.object(body), actor.name());
    return Response.created(URI.create("partners/" + view.instanceId())).entity(view).build();
  }

  @Allowed(Role.ADMIN)
  @GET
  public List<PartnerService.PartnerView> list() {
    return partners.list();
  }

  @Allowed(Role.ADMIN)
  @GET
  @Path("/{id}")
  public PartnerService.PartnerView get(@PathParam("id") String id) {
    return partners.view(PartnerService.parseId(id));
  }

  @Allowed(Role.ADMIN)
  @POST
  @Path("/{id}/tokens")
  public Response token(@PathParam("id") String id) {
    return Response.status(201).entity(partners.issueToken(PartnerService.parseId(id), actor.name())).build();
  }

  /** Pulls the partner's new releases now; answers when done, with what happened. */
  @Allowed(Role.ADMIN)
  @POST
  @Path("/{id}/sync")
  public SyncService.SyncReport sync(@PathParam("id") String id) {
    return sync.sync(PartnerService.parseId(id), actor.name());
  }

  @Allowed(Role.ADMIN)
  @GET
  @Path("/{id}/sync")
  public PartnerService.SyncStatus status(@PathParam("id") String id) {
    return partners.view(PartnerService.parseId(id)).sync();
  }


}
