package org.dars.samples;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.dars.content.ItemRepository;
import org.dars.platform.DarsConfig;
import org.jboss.logging.Logger;

/** Loads the starter library once, into an empty repository, when {@code dars.samples} is on. */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "SecurityStartup", "SearchStartup", "ExtractionStartup"})
@TransactionManagement(TransactionManagementType.BEAN)
public class SampleStartup {
  private static final Logger LOG = Logger.getLogger(SampleStartup.class);

  @Inject DarsConfig config;
  @Inject ItemRepository repository;
  @Inject SampleLibrary library;

  @PostConstruct
  void load() {
    if (!config.samples()) {
      return;
    }
    Optional<Path> dir = config.samplesDir().filter(d -> Files.isRegularFile(d.resolve("manifest.json")));
    if (dir.isEmpty()) {
      LOG.infof("No sample library to load: dars.samples.dir (DARS_SAMPLES_DIR) %s",
          config.samplesDir().map(d -> "is " + d + ", which has no manifest.json").orElse("is not set"));
      return;
    }
    if (repository.countAll() > 0) {
      LOG.infof("The repository already has %d items; the sample library is not loaded", repository.countAll());
      return;
    }
    SampleLibrary.Loaded loaded = library.load(dir.get());
    int curricula = library.loadCurricula(loaded);
    LOG.infof("Loaded the sample library from %s: %d items, %d curricula", dir.get(), loaded.items().size(), curricula);
  }
}
