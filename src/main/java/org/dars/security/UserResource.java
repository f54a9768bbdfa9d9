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

/** User accounts, managed by administrators: organisation, roles, password, disabling. */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.ADMIN)
public class UserResource {
  @Inject AccountService accounts;

  @GET
  public List<AccountService.AccountView> list() {
    return accounts.accounts();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    AccountService.AccountView a = accounts.createAccount(body);
    return Response.created(URI.create("users/" + a.id())).entity(a).build();
  }

  @GET
  @Path("/{id}")
  public AccountService.AccountView get(@PathParam("id") String id) {
    return accounts.account(id);
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public AccountService.AccountView update(@PathParam("id") String id, String body) {
    return accounts.updateAccount(id, body);
  }
}
