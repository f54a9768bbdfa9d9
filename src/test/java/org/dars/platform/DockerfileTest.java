package org.dars.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the image is proven in parts: the PostgreSQL integration-test run
 * exercises the configuration the Dockerfile applies; this test checks the Dockerfile still names
 * that very script and only sources the build produces.
 */
class DockerfileTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir"));

  @Test
  void appliesTheSameCliScriptAsThePostgresqlTestRun() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"), StandardCharsets.UTF_8);
    assertTrue(dockerfile.contains("--file=src/main/wildfly/configure-postgresql.cli"));
    // The base image is the official WildFly image, named by the builder's registry: none is written here.
    assertTrue(dockerfile.contains("FROM ${WILDFLY_IMAGE}"));
    assertTrue(!dockerfile.matches("(?s).*FROM [a-z0-9.-]+\\.[a-z]{2,}/.*"), "no registry host in the Dockerfile");
    assertTrue(dockerfile.contains("-c\", \"standalone-dars-postgresql.xml\""));
    String script = Files.readString(ROOT.resolve("src/main/wildfly/configure-postgresql.cli"), StandardCharsets.UTF_8);
    assertTrue(script.contains("--server-config=standalone-dars-postgresql.xml"));
  }

  @Test
  void copiesOnlyWhatTheRepositoryOrTheBuildProvides() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"), StandardCharsets.UTF_8);
    Matcher copy = Pattern.compile("(?m)^COPY (?:--\\S+ )*(\\S+) ").matcher(dockerfile);
    int copies = 0;
    while (copy.find()) {
      copies++;
      String source = copy.group(1);
      boolean built = source.startsWith("target/");
      assertTrue(built || Files.exists(ROOT.resolve(source)), "Dockerfile copies missing " + source);
    }
    assertTrue(copies >= 4);
  }

  @Test
  void composeRunsPostgresqlAndKeepsTheDataDirectoryInAVolume() throws IOException {
    String compose = Files.readString(ROOT.resolve("docker/compose.yaml"), StandardCharsets.UTF_8);
    assertTrue(compose.contains("image: postgres:"));
    assertTrue(compose.contains("DARS_DB_URL: jdbc:postgresql://postgres:5432/dars"));
    assertTrue(compose.contains("dars-data:/var/lib/dars"));
  }
}
