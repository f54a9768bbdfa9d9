package org.dars.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.dars.platform.DarsConfig;
import org.jboss.logging.Logger;

/**
 * Makes the blob store under {@code <data dir>/blobs} available for injection, and opens it at
 * start-up rather than at its first use, so that the staging files an upload or import
 * interrupted by a crash left behind are removed before anything else runs.
 */
@ApplicationScoped
class BlobStoreProducer {
  private static final Logger LOG = Logger.getLogger(BlobStoreProducer.class);

  @Inject DarsConfig config;

  @Produces
  @ApplicationScoped
  BlobStore blobStore() {
    try {
      FileBlobStore store = new FileBlobStore(config.dataDir().resolve("blobs"));
      if (store.leftoversRemoved() > 0) {
        LOG.infof("Removed %d staging file(s) that an interrupted upload or import left in the blob store",
            store.leftoversRemoved());
      }
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open the blob store under " + config.dataDir().resolve("blobs")
              + ". Check that dars.data.dir (DARS_DATA_DIR) names a writable folder.", e);
    }
  }

  void openAtStart(@Observes Startup startup, BlobStore store) {
    if (!store.isWritable()) {
      LOG.warnf("The blob store under %s is not writable: uploads and imports will fail."
          + " Check the permissions of dars.data.dir (DARS_DATA_DIR).", config.dataDir().resolve("blobs"));
    }
  }
}
