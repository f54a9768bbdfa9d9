package org.dars.sharing;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.dars.curriculum.UpstreamReleases;

/**
 * {@code GET /api/v1/sharing/releases}: the releases of this instance's own curricula, for partners
 * pulling: those shared with partners or the public. Requires a partner token (role partner-sync).
 */
@Path("/sharing/releases")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {
  @Inject UpstreamReleases releases;
  @Inject InstanceIdentity identity;

  public record FeedEntry(String curriculum, String version, String packagePath) {}

  public record Feed(String instanceId, String organisation, List<FeedEntry> releases) {}

  @Allowed(Role.PARTNER_SYNC)
  @GET
  public Feed feed() {
    List<FeedEntry> entries = new ArrayList<>();
    releases.localReleases().forEach((c, versions) -> versions.forEach(v ->
        entries.add(new FeedEntry(c.toString(), v.toString(), "curricula/" + c + "/releases/" + v + "/package"))));
    return new Feed(identity.id().toString(), identity.organisation(), entries);
  }
}
