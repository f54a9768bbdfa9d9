package org.dars.curriculum;

import org.dars.security.Allowed;
import org.dars.security.Visibility;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.dars.platform.Actor;
import org.dars.platform.DarsException;
import org.dars.platform.Params;

/**
 * The curriculum API: create and list curricula, read and edit the draft (a batch of operations
 * under If-Match), publish, read and withdraw releases, revert the draft to a release, history and
 * diff. Draft responses carry the draft's ETag header.
 */
@Path("/curricula")
@Produces(MediaType.APPLICATION_JSON)
public class CurriculumResource {
  @Inject CurriculumService curricula;
  @Inject ReleaseService releases;
  @Inject DiffService diffs;
  @Inject Actor actor;

  @Allowed(Role.AUTHOR)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    CurriculumView view = curricula.create(Json2.object(body), actor.name());
    return Response.created(URI.create("curricula/" + view.id())).tag(entityTag(view)).entity(view).build();
  }

  @Allowed(anonymous = true)
  @GET
  public CurriculumSummary.Page list(@QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("20") String size) {
    return curricula.page(Params.number("page", page, 0, 1_000_000), Params.number("size", size, 1, 100));
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    return draft(curricula.view(CurriculumId.parse(id)));
  }

  @Allowed(Role.AUTHOR)
  @POST
  @Path("/{id}/draft/operations")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
    CurriculumId curriculum = CurriculumId.parse(id);
    return draft(curricula.change(curriculum, ifMatch, Json2.array(Json2.object(body), "operations"), actor.name()));
  }

  @Allowed(Role.AUTHOR)
  @POST
  @Path("/{id}/drafts")
  public Response revert(@PathParam("id") String id, @QueryParam("from") String from, @HeaderParam("If-Match") String ifMatch) {
    if (from == null) {
      throw DarsException.badRequest("invalid-parameter", "Name the release to start the new draft from: ?from=1.0.");
    }
    return draft(curricula.revert(CurriculumId.parse(id), ReleaseVersion.parse(from), ifMatch, actor.name()));
  }

  /** {"visibility": "organisation" | "partners" | "public"}. */
  @Allowed(Role.AUTHOR)
  @PUT
  @Path("/{id}/visibility")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response visibility(@PathParam("id") String id, String body) {
    Visibility v = Visibility.parse(Json2.string(Json2.object(body), "visibility"));
    return draft(curricula.visibility(CurriculumId.parse(id), v, actor.name()));
  }

  /** Review of the draft: {"action": "submit" | "approve" | "return", "comment": "…"}. */
  @Allowed({Role.AUTHOR, Role.REVIEWER})
  @POST
  @Path("/{id}/review")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response review(@PathParam("id") String id, String body) {
    jakarta.json.JsonObject o = Json2.object(body);
    String comment = Json2.string(o, "comment");
    if (comment != null && comment.length() > 2000) {
      throw DarsException.badRequest("field-too-long", "'comment' is limited to 2000 characters.");
    }
    return draft(curricula.review(CurriculumId.parse(id), Json2.string(o, "action"), comment, actor.name()));
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/history")
  public List<CurriculumHistoryView> history(@PathParam("id") String id) {
    return curricula.history(CurriculumId.parse(id));
  }

  @Allowed(Role.AUTHOR)
  @POST
  @Path("/{id}/releases")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response publish(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
    ReleaseView release = releases.publish(CurriculumId.parse(id), Json2.object(body), ifMatch, actor.name());
    return Response.created(URI.create("curricula/" + id + "/releases/" + release.version())).entity(release).build();
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/releases")
  public List<ReleaseView> releases(@PathParam("id") String id) {
    return releases.releases(CurriculumId.parse(id));
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/releases/{version}")
  public ReleaseView release(@PathParam("id") String id, @PathParam("version") String version) {
    return releases.release(CurriculumId.parse(id), ReleaseVersion.parse(version));
  }

  @Allowed(Role.AUTHOR)
  @POST
  @Path("/{id}/releases/{version}/withdrawal")
  @Consumes(MediaType.APPLICATION_JSON)
  public ReleaseView withdraw(@PathParam("id") String id, @PathParam("version") String version, String body) {
    CurriculumId curriculum = CurriculumId.parse(id);
    ReleaseVersion v = ReleaseVersion.parse(version);
    return releases.withdraw(curriculum, v, Json2.string(Json2.object(body), "reason"), actor.name());
  }

  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/diff")
  public DiffView diff(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
    return diffs.diff(CurriculumId.parse(id), from, to);
  }

  /** The same diff, as a readable page for the UI. */
  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/diff")
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String diffPage(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
    CurriculumId curriculum = CurriculumId.parse(id);
    DiffView diff = diffs.diff(curriculum, from, to);
    CurriculumView c = curricula.view(curriculum);
    return DiffReadable.html(diff, c.title().in(c.language()), c.language().startsWith("fa") || c.language().startsWith("ar"));
  }

  /** The ids of the items the draft (no release) or a release refers to: what search filters on. */
  @Allowed(anonymous = true)
  @GET
  @Path("/{id}/items")
  public List<String> items(@PathParam("id") String id, @QueryParam("release") String release) {
    return curricula.itemIdsOf(CurriculumId.parse(id), Optional.ofNullable(release)).stream().map(Object::toString).toList();
  }

  private static Response draft(CurriculumView view) {
    return Response.ok(view).tag(entityTag(view)).build();
  }

  private static jakarta.ws.rs.core.EntityTag entityTag(CurriculumView view) {
    return new jakarta.ws.rs.core.EntityTag(view.etag().substring(1, view.etag().length() - 1));
  }
}
