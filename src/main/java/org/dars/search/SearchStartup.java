package org.dars.search;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

/** Opens the index once the schema is migrated, rebuilding it if its analysis is stale. */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "SecurityStartup"})
@TransactionManagement(TransactionManagementType.BEAN)
public class SearchStartup {
  @Inject Indexer indexer;

  @PostConstruct
  void start() {
    indexer.start();
  }
}
