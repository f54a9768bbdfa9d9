package org.dars.content;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dars.storage.FixityReport;

/** {@code POST /api/v1/admin/fixity}: re-hashes the whole blob store against the database. */
@Path("/admin/fixity")
@Produces(MediaType.APPLICATION_JSON)
public class FixityResource {
  @Inject FixityAudit fixity;

  @Allowed(Role.ADMIN)
  @POST
  public FixityReport audit() {
    return fixity.run();
  }
}
