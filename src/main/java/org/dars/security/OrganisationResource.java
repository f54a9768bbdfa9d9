package org.dars.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Organisations: administrators create them and mark partners and review requirements. */
@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.ADMIN)
public class OrganisationResource {
  @Inject AccountService accounts;

  @GET
  public List<AccountService.OrganisationView> list() {
    return accounts.organisations();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    AccountService.OrganisationView o = accounts.createOrganisation(body);
    return Response.created(URI.create("organisations/" + o.id())).entity(o).build();
  }

  @GET
  @Path("/{id}")
  public AccountService.OrganisationView get(@PathParam("id") String id) {
    return accounts.organisation(id);
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public AccountService.OrganisationView update(@PathParam("id") String id, String body) {
    return accounts.updateOrganisation(id, body);
  }
}
