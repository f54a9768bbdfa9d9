package org.dars.content;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Queues again the extractions a crash or shutdown interrupted. */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class ExtractionStartup {
  private static final Logger LOG = Logger.getLogger(ExtractionStartup.class);

  @Inject ExtractionJobs jobs;

  @PostConstruct
  void resume() {
    int resumed = jobs.resumeUnfinished();
    if (resumed > 0) {
      LOG.infof("Resumed extraction of %d versions interrupted by the last shutdown", resumed);
    }
  }
}
