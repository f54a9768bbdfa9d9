package org.dars.linking;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dars.content.Item;
import org.dars.content.ItemId;
import org.dars.content.ItemService;
import org.dars.curriculum.CurriculumService;

/** Where an item is used. Answers for deleted items too, so their remaining uses can be seen. */
@Path("/items/{id}/usage")
@Produces(MediaType.APPLICATION_JSON)
public class ItemUsageResource {
  @Inject ItemService items;
  @Inject CurriculumService curricula;
  @Inject CourseLinkService links;

  @Allowed(anonymous = true)
  @GET
  public UsageView usage(@PathParam("id") String id) {
    ItemId item = ItemId.parse(id);
    Item found = items.readable(item);
    return new UsageView(item.toString(), found.title(), found.isDeleted(), curricula.usagesOf(item), links.linksTo(item));
  }
}
