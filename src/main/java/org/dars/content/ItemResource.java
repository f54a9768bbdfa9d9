package org.dars.content;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.dars.platform.Actor;
import org.dars.platform.DarsException;
import org.dars.platform.Params;
import org.dars.storage.BlobStore;

/** The item API: upload, versions, bytes, text, metadata and deletion. */
@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {
  static final String MERGE_PATCH = "application/merge-patch+json";

  @Inject ItemService items;
  @Inject MultipartReceiver receiver;
  @Inject BlobStore blobs;
  @Inject Actor actor;

  @Allowed(Role.AUTHOR)
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(
      InputStream body,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Content-Length") @DefaultValue("-1") long length,
      @HeaderParam("Repr-Digest") String reprDigest,
      @HeaderParam("Content-MD5") String contentMd5) {
    Upload upload = receiver.receive(body, contentType, length, digests(reprDigest, contentMd5));
    ItemView item = items.create(upload, actor.name());
    return Response.created(URI.create("items/" + item.id())).entity(item).build();
  }

  @Allowed(anonymous = true)
  @GET
  public ItemPage list(@QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("20") String size) {
    return items.page(Params.number("page", page, 0, 1_000_000), Params.number("size", size, 1, 100));
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}")
  public ItemView get(@PathParam("id") String id) {
    return items.view(ItemId.parse(id));
  }

  @Allowed(Role.AUTHOR)
  @PATCH
  @Path("/{id}")
  @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
  public ItemView describe(@PathParam("id") String id, String patch) {
    return items.describe(ItemId.parse(id), patch == null ? "" : patch, actor.name());
  }

  @Allowed(Role.AUTHOR)
  @DELETE
  @Path("/{id}")
  public Tombstone delete(
      @PathParam("id") String id, @QueryParam("reason") String reason, @QueryParam("replacement") String replacement) {
    if (reason != null && reason.length() > 2000 || replacement != null && replacement.length() > 2000) {
      throw DarsException.badRequest("field-too-long", "'reason' and 'replacement' are limited to 2000 characters.");
    }
    return items.delete(ItemId.parse(id), reason, replacement, actor.name());
  }

  @Allowed(Role.AUTHOR)
  @POST
  @Path("/{id}/versions")
  @Consumes(MediaType.WILDCARD)
  public Response addVersion(
      @PathParam("id") String id,
      InputStream body,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Content-Length") @DefaultValue("-1") long length,
      @HeaderParam("Repr-Digest") String reprDigest,
      @HeaderParam("Content-MD5") String contentMd5) {
    ItemId itemId = ItemId.parse(id);
    items.editable(itemId); // before the bytes arrive, not after
    Upload upload = receiver.receive(body, contentType, length, digests(reprDigest, contentMd5));
    ItemView item = items.addVersion(itemId, upload, actor.name());
    return Response.created(URI.create("items/" + item.id() + "/versions/" + item.version()))
        .entity(item).build();
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/versions")
  public List<VersionView> versions(@PathParam("id") String id) {
    return items.versions(ItemId.parse(id));
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/versions/{n}")
  public VersionView version(@PathParam("id") String id, @PathParam("n") String n) {
    return VersionView.of(items.version(ItemId.parse(id), versionNumber(n)));
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/history")
  public List<HistoryView> history(@PathParam("id") String id) {
    return items.history(ItemId.parse(id));
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/content")
  @Produces(MediaType.WILDCARD)
  public Response content(
      @PathParam("id") String id,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @HeaderParam("Range") String range,
      @HeaderParam("If-Range") String ifRange) {
    ItemId itemId = ItemId.parse(id);
    return ContentResponses.serve(blobs, items.version(itemId, items.live(itemId).latestVersion()), ifNoneMatch, range, ifRange);
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/versions/{n}/content")
  @Produces(MediaType.WILDCARD)
  public Response versionContent(
      @PathParam("id") String id,
      @PathParam("n") String n,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @HeaderParam("Range") String range,
      @HeaderParam("If-Range") String ifRange) {
    return ContentResponses.serve(blobs, items.version(ItemId.parse(id), versionNumber(n)), ifNoneMatch, range, ifRange);
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/text")
  @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
  public Response text(@PathParam("id") String id) {
    ItemId itemId = ItemId.parse(id);
    return text(items.version(itemId, items.live(itemId).latestVersion()));
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/versions/{n}/text")
  @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
  public Response versionText(@PathParam("id") String id, @PathParam("n") String n) {
    return text(items.version(ItemId.parse(id), versionNumber(n)));
  }

  /** Review: {"action": "submit" | "approve" | "return", "comment": "…"}. */
  @Allowed({Role.AUTHOR, Role.REVIEWER})
  @POST
  @Path("/{id}/review")
  @Consumes(MediaType.APPLICATION_JSON)
  public ItemView review(@PathParam("id") String id, String body) {
    jakarta.json.JsonObject o = org.dars.platform.JsonBodies.object(body);
    String comment = o.getString("comment", null);
    if (comment != null && comment.length() > 2000) {
      throw DarsException.badRequest("field-too-long", "'comment' is limited to 2000 characters.");
    }
    return items.review(ItemId.parse(id), o.getString("action", null), comment, actor.name());
  }

  @Allowed({Role.AUTHOR, Role.ADMIN})
  @POST
  @Path("/{id}/versions/{n}/extraction")
  public Response retryExtraction(@PathParam("id") String id, @PathParam("n") String n) {
    items.retryExtraction(ItemId.parse(id), versionNumber(n), actor.name());
    return Response.accepted().build();
  }

  private Response text(ItemVersion version) {
    if (version.status() == ItemStatus.PROCESSING) {
      throw DarsException.conflict("text-not-ready",
          "Version " + version.number() + " is still being extracted. Try again when its status is READY.");
    }
    if (version.status() == ItemStatus.FAILED) {
      throw DarsException.conflict("extraction-failed",
          "Version " + version.number() + " has no text: " + version.failure().orElse("extraction failed") + ".");
    }
    Optional<InputStream> text = items.text(version);
    StreamingOutput out = sink -> {
      if (text.isPresent()) {
        try (InputStream in = text.get()) {
          in.transferTo(sink);
        }
      }
    };
    return Response.ok(out).header("X-Content-Type-Options", "nosniff").build();
  }

  private static MultipartReceiver.ClientDigests digests(String reprDigest, String contentMd5) {
    return new MultipartReceiver.ClientDigests(Optional.ofNullable(reprDigest), Optional.ofNullable(contentMd5));
  }

  static int versionNumber(String n) {
    return Params.number("version", n, 1, Integer.MAX_VALUE);
  }
}
