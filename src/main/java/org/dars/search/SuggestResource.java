package org.dars.search;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dars.platform.Params;

/** {@code GET /api/v1/suggest?q=}: titles completing what the user is typing, for any input. */
@Path("/suggest")
@Produces(MediaType.APPLICATION_JSON)
public class SuggestResource {
  @Inject SearchService search;

  @Allowed(anonymous = true)
  @GET
  public SuggestResult suggest(
      @QueryParam("q") @DefaultValue("") String q, @QueryParam("size") @DefaultValue("8") String size) {
    return search.suggest(q, Params.number("size", size, 1, 20));
  }
}
