package org.dars.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import java.nio.file.Files;
import org.apache.lucene.store.MMapDirectory;
import org.dars.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Facts about Dars inside the real server that only an in-container test can see. */
@ExtendWith(ArquillianExtension.class)
class ServerIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.dars(ServerIT.class);
  }

  @Inject DarsConfig config;

  @Test
  void luceneCanUnmapIndexFilesInsideWildFly() {
    assertTrue(MMapDirectory.UNMAP_SUPPORTED, MMapDirectory.UNMAP_NOT_SUPPORTED_REASON);
  }

  @Test
  void dataDirectoryComesFromConfiguration() {
    assertTrue(Files.isDirectory(config.dataDir().resolve("blobs")));
    assertTrue(Files.isDirectory(config.dataDir().resolve("index")));
    assertEquals(64L * 1024 * 1024, config.uploadMaxBytes());
  }

  /** A view shaped like Dars's own. */
  public record Probe(String title, int version) {}

  @Test
  void recordsBindWithJsonB() throws Exception {
    try (var jsonb = JsonbBuilder.create()) {
      assertEquals("{\"title\":\"درس\",\"version\":2}", jsonb.toJson(new Probe("درس", 2)));
    }
  }
}
