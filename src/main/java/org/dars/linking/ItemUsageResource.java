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
import org.dars.content.ItemRepository;
import org.dars.curriculum.CurriculumService;
import org.dars.platform.DarsException;

/** Where an item is used. Answers for deleted items too, so their remaining uses can be seen. */
@Path("/items/{id}/usage")
@Produces(MediaType.APPLICATION_JSON)
public class ItemUsageResource {
  @Inject ItemRepository items;
  @Inject CurriculumService curricula;
  @Inject CourseLinkService links;

  @Allowed(anonymous = true)
  @GET
  public UsageView usage(@PathParam("id") String id) {
    ItemId item = ItemId.parse(id);
    Item found = items.find(item).orElseThrow(() ->
        DarsException.notFound("unknown-item", "There is no item " + item + " in this repository."));
    return new UsageView(item.toString(), found.title(), found.isDeleted(), curricula.usagesOf(item), links.linksTo(item));
  }
}
