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
import org.dars.content.ItemId;
import org.dars.content.ItemService;
import org.dars.platform.Actor;

/** Course links to an item: POST registers one, GET lists them. */
@Path("/items/{id}/links")
@Produces(MediaType.APPLICATION_JSON)
public class ItemLinkResource {
  @Inject CourseLinkService links;
  @Inject ItemService items;
  @Inject Actor actor;

  @Allowed({Role.ADMIN, Role.AUTHOR, Role.REVIEWER, Role.INSTRUCTOR})
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(@PathParam("id") String id, String body) {
    ItemId item = ItemId.parse(id);
    return LinkResources.registered(links.registerForItem(item, LinkResources.body(body), actor.name()), "items/" + item + "/links");
  }

  @Allowed({Role.ADMIN, Role.AUTHOR, Role.REVIEWER, Role.INSTRUCTOR})
  @GET
  public List<CourseLinkView> list(@PathParam("id") String id) {
    ItemId item = ItemId.parse(id);
    items.readable(item); // links say who teaches with the item: only for those who may read it
    return links.linksTo(item);
  }
}
