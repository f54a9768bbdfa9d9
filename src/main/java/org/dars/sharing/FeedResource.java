package org.dars.sharing;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.dars.curriculum.UpstreamReleases;

/**
 * {@code GET /api/v1/sharing/releases}: the releases of this instance's own curricula, for partners
 * pulling. Requires a partner token ({@code Authorization: Bearer}).
 */
@Path("/sharing/releases")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {
  @Inject PartnerService partners;
  @Inject UpstreamReleases releases;
  @Inject InstanceIdentity identity;

  public record FeedEntry(String curriculum, String version, String packagePath) {}

  public record Feed(String instanceId, String organisation, List<FeedEntry> releases) {}

  @GET
  public Feed feed(@HeaderParam("Authorization") String authorization) {
    partners.authenticate(authorization, true);
    List<FeedEntry> entries = new ArrayList<>();
    releases.localReleases().forEach((c, versions) -> versions.forEach(v ->
        entries.add(new FeedEntry(c.toString(), v.toString(), "curricula/" + c + "/releases/" + v + "/package"))));
    return new Feed(identity.id().toString(), identity.organisation(), entries);
  }
}
