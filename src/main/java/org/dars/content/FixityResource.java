package org.dars.content;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.dars.storage.BlobStore;
import org.dars.storage.FixityReport;
import org.dars.storage.Sha256;
import org.jboss.logging.Logger;

/** {@code POST /api/v1/admin/fixity}: re-hashes the whole blob store against the database. */
@Path("/admin/fixity")
@Produces(MediaType.APPLICATION_JSON)
public class FixityResource {
  private static final Logger LOG = Logger.getLogger(FixityResource.class);

  @Inject ItemRepository items;
  @Inject BlobStore blobs;

  @Allowed(Role.ADMIN)
  @POST
  public FixityReport audit() {
    Set<Sha256> referenced = items.referencedBlobs().stream().map(Sha256::new).collect(Collectors.toSet());
    try {
      FixityReport report = blobs.audit(referenced);
      LOG.infof("Fixity audit: %d blobs (%d bytes) checked, %d corrupt, %d missing",
          report.checked(), report.bytes(), report.corrupt().size(), report.missing().size());
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException("The fixity audit could not read the blob store", e);
    }
  }
}
