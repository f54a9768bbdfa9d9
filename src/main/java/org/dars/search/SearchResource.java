package org.dars.search;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dars.platform.Params;

/** {@code GET /api/v1/search}: any string a person types returns results or none, never an error. */
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {
  @Inject SearchService search;

  @GET
  public SearchResult search(
      @QueryParam("q") @DefaultValue("") String q,
      @QueryParam("page") @DefaultValue("0") String page,
      @QueryParam("size") @DefaultValue("10") String size) {
    return search.search(q, Params.number("page", page, 0, 1000), Params.number("size", size, 1, 100));
  }
}
