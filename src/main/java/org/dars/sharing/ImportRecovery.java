package org.dars.sharing;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/** Rolls back, at start-up, the imports a crash interrupted between their blobs and their rows. */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class ImportRecovery {
  @Inject ImportJournal journal;

  @PostConstruct
  void recover() {
    journal.recover();
  }
}
