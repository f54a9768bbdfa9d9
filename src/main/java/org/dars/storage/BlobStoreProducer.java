package org.dars.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.dars.platform.DarsConfig;

/** Makes the blob store under {@code <data dir>/blobs} available for injection. */
@ApplicationScoped
class BlobStoreProducer {
  @Inject DarsConfig config;

  @Produces
  @ApplicationScoped
  BlobStore blobStore() {
    try {
      return new FileBlobStore(config.dataDir().resolve("blobs"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open the blob store under " + config.dataDir().resolve("blobs")
              + ". Check that dars.data.dir (DARS_DATA_DIR) names a writable folder.", e);
    }
  }
}
