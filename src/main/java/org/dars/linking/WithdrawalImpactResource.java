package org.dars.linking;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.ReleaseService;
import org.dars.curriculum.ReleaseVersion;
import org.dars.curriculum.ReleaseView;

/** What withdrawing a release would affect, to review before POST .../withdrawal. */
@Path("/curricula/{id}/releases/{version}/impact")
@Produces(MediaType.APPLICATION_JSON)
public class WithdrawalImpactResource {
  @Inject ReleaseService releases;
  @Inject CourseLinkService links;

  @Allowed({Role.AUTHOR, Role.ADMIN})
  @GET
  public WithdrawalImpactView impact(@PathParam("id") String id, @PathParam("version") String version) {
    CurriculumId curriculum = CurriculumId.parse(id);
    ReleaseVersion v = ReleaseVersion.parse(version);
    releases.release(curriculum, v);
    Optional<String> current = releases.current(curriculum).map(ReleaseView::version);
    boolean servedAsLatest = current.isPresent() && current.get().equals(v.toString());
    String movesTo = !servedAsLatest ? current.orElse(null)
        : releases.releases(curriculum).stream()
            .filter(r -> !r.withdrawn() && !r.version().equals(v.toString()))
            .reduce((a, b) -> b).map(ReleaseView::version).orElse(null);
    return new WithdrawalImpactView(curriculum.toString(), v.toString(), servedAsLatest, movesTo,
        "/p/curricula/" + curriculum + "/r/" + v, links.linksTo(curriculum));
  }
}
