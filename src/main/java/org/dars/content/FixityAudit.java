package org.dars.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.dars.storage.BlobStore;
import org.dars.storage.FixityReport;
import org.dars.storage.Sha256;
import org.jboss.logging.Logger;

/**
 * Re-hashes the whole blob store against what the database says it holds, for the API and the
 * administration page alike. It reads every byte, so it takes as long as the store is large.
 */
@ApplicationScoped
public class FixityAudit {
  private static final Logger LOG = Logger.getLogger(FixityAudit.class);

  @Inject ItemRepository items;
  @Inject BlobStore blobs;

  public FixityReport run() {
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
