package org.dars.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The signed-in caller: who they are, and changing their own password. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Allowed({Role.ADMIN, Role.AUTHOR, Role.REVIEWER, Role.INSTRUCTOR, Role.PARTNER_SYNC})
public class MeResource {
  @Inject Access access;
  @Inject AccountService accounts;

  public record MeView(String username, String organisation, List<String> roles, boolean partnerOrganisation) {}

  @GET
  public MeView me() {
    Caller c = access.caller();
    return new MeView(c.name(), c.organisationId().map(OrganisationId::value).orElse(null),
        c.roles().stream().sorted().map(Role::id).toList(), c.partnerOrganisation());
  }

  @POST
  @Path("/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Allowed({Role.ADMIN, Role.AUTHOR, Role.REVIEWER, Role.INSTRUCTOR})
  public Response password(String body) {
    accounts.changeOwnPassword(body);
    return Response.noContent().build();
  }
}
