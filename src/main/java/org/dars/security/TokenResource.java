package org.dars.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** API tokens: people create, name, scope and revoke their own; administrators anyone's. */
@Path("/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Allowed({Role.ADMIN, Role.AUTHOR, Role.REVIEWER, Role.INSTRUCTOR})
public class TokenResource {
  @Inject AccountService accounts;

  @GET
  public List<AccountService.TokenView> list() {
    return accounts.tokens();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    AccountService.IssuedToken t = accounts.createToken(body);
    return Response.created(URI.create("tokens/" + t.token().id())).entity(t).build();
  }

  @DELETE
  @Path("/{id}")
  public AccountService.TokenView revoke(@PathParam("id") String id) {
    return accounts.revoke(id);
  }
}
