package org.dars.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the blob store can be written. */
@Readiness
@ApplicationScoped
public class BlobStoreHealth implements HealthCheck {
  @Inject BlobStore blobs;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("blob-store").status(blobs.isWritable()).build();
  }
}
