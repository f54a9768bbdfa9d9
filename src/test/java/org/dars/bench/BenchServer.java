package org.dars.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A WildFly for a benchmark: the one the build unpacked under {@code target/}, started with its own
 * copy of {@code standalone/} (so it never touches the test server's), a port offset, a data
 * directory and JVM options (a heap cap, a flight recording), with or without {@code target/dars.war} deployed. The benchmark talks
 * to it over loopback HTTP and stops it by its process, never by name.
 */
public final class BenchServer {
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  public final Path base;
  public final Path dataDir;
  public final Path log;
  public final int httpPort;
  public final int managementPort;
  private final Process process;
  private double readySeconds;

  private BenchServer(Process process, Path base, Path dataDir, Path log, int offset) {
    this.process = process;
    this.base = base;
    this.dataDir = dataDir;
    this.log = log;
    this.httpPort = 8080 + offset;
    this.managementPort = 9990 + offset;
  }

  /** The WildFly the build unpacked under {@code target/}. */
  public static Path wildfly() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("target"))) {
      return s.filter(p -> p.getFileName().toString().startsWith("wildfly-")).findFirst()
          .orElseThrow(() -> new IllegalStateException("Run mvn package first: no target/wildfly-*")).toAbsolutePath();
    }
  }

  /**
   * Starts a server named {@code name} under {@code work} (base directory {@code <name>-base},
   * log {@code <name>.log}) and waits until it is ready: with Dars, until {@code /api/v1/items}
   * answers; without, until {@code /health/ready} is UP. A base directory that exists already is
   * reused as it is, so a benchmark can stop a server, change its data and start it again.
   */
  public static BenchServer start(Path wildfly, Path work, String name, boolean withDars, int offset, Path dataDir,
      String javaOptions, String... properties) throws IOException, InterruptedException {
    Path base = work.resolve(name + "-base");
    if (!Files.exists(base)) {
      copyTree(wildfly.resolve("standalone"), base);
    }
    if (withDars) {
      // always the WAR just built: a reused base directory would otherwise measure an old one
      Files.copy(Path.of("target/dars.war"), base.resolve("deployments/dars.war"), StandardCopyOption.REPLACE_EXISTING);
    }
    Path log = work.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(wildfly.resolve("bin/standalone.sh").toString(), "-c", "standalone-dars.xml",
        "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset, "-Ddars.data.dir=" + dataDir));
    command.addAll(List.of(properties));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("JAVA_OPTS", "-Xms64m " + javaOptions + " -Dfile.encoding=UTF-8");
    pb.environment().put("JBOSS_HOME", wildfly.toString());
    long t0 = System.nanoTime();
    BenchServer server = new BenchServer(pb.start(), base, dataDir, log, offset);
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (!(withDars ? ready("/api/v1/items?size=1", server.httpPort) : ready("/health/ready", server.managementPort))) {
      if (System.nanoTime() > deadline || !server.process.isAlive()) {
        server.stop();
        throw new IllegalStateException("WildFly did not become ready; see " + log);
      }
      Thread.sleep(25);
    }
    server.readySeconds = (System.nanoTime() - t0) / 1e9;
    return server;
  }

  public double readySeconds() {
    return readySeconds;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  /** The server's JVM (the launcher script's child). */
  public long javaPid() {
    return process.descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
        .findFirst().orElseThrow().pid();
  }

  public void stop() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor();
    Thread.sleep(500);
  }

  private static boolean ready(String path, int port) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && (!path.startsWith("/health") || r.body().contains("\"status\":\"UP\""));
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else if (!p.toString().contains("/deployments/") || p.getFileName().toString().startsWith("README")) {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Removes a benchmark's work directory. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
