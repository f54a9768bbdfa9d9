package org.dars.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the index is open and readable; reports documents and pending outbox entries. */
@Readiness
@ApplicationScoped
public class IndexHealth implements HealthCheck {
  @Inject SearchIndex index;
  @Inject IndexOutbox outbox;

  @Override
  public HealthCheckResponse call() {
    try {
      if (!index.isOpen()) {
        return HealthCheckResponse.named("index").down().build();
      }
      return HealthCheckResponse.named("index").up()
          .withData("documents", index.documentCount())
          .withData("pending", outbox.pending())
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("index").down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
