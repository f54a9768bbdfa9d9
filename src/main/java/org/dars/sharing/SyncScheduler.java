package org.dars.sharing;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.dars.platform.Actor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Pulls from every partner with a base URL every {@code dars.sharing.sync-interval-minutes}
 * minutes (0, the default, switches the schedule off; on-demand sync always works), on the
 * server's managed scheduled executor, never on a request thread.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class SyncScheduler {
  private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject SyncService sync;
  @Inject PartnerService partners;

  @Inject
  @ConfigProperty(name = "dars.sharing.sync-interval-minutes", defaultValue = "0")
  long intervalMinutes;

  private ScheduledFuture<?> task;

  @PostConstruct
  void start() {
    if (intervalMinutes < 0) {
      throw new IllegalStateException("Configuration key dars.sharing.sync-interval-minutes (environment variable"
          + " DARS_SHARING_SYNC_INTERVAL_MINUTES) must be 0 (off) or a positive number of minutes.");
    }
    if (intervalMinutes > 0) {
      task = scheduler.scheduleWithFixedDelay(this::syncAll, intervalMinutes, intervalMinutes, TimeUnit.MINUTES);
      LOG.infof("Pulling from partners every %d minutes", intervalMinutes);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  void syncAll() {
    for (PartnerService.PartnerView p : partners.list()) {
      if (p.baseUrl() != null) {
        try {
          SyncService.SyncReport r = sync.sync(java.util.UUID.fromString(p.instanceId()), Actor.SYSTEM);
          LOG.infof("Scheduled sync with %s: %s, %d imports, %d bytes", p.name(), r.outcome(), r.imports().size(), r.bytesTransferred());
        } catch (RuntimeException e) {
          LOG.warnf("Scheduled sync with %s failed: %s", p.name(), e.getMessage());
        }
      }
    }
  }
}
