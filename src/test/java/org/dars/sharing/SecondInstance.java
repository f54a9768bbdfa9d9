package org.dars.sharing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A second WildFly with Dars, started by the test itself: the same unpacked server as Arquillian's,
 * but its own base directory (configuration, deployments, logs), its own data directory (so its
 * own H2 database, blob store, index and signing key), and ports 50 above the first instance's.
 * Stopped by killing its process tree with SIGKILL ({@link #close()}), the way a power cut or
 * {@code kill -9} would, and restarted on the same directories with {@link #restart()}.
 */
final class SecondInstance implements AutoCloseable {
  private Process process;
  final int offset;
  final URL base;
  final Path dir;
  private final Path jboss;
  private final String javaOpts;

  private SecondInstance(Process process, int offset, Path dir, Path jboss, String javaOpts) throws IOException {
    this.process = process;
    this.offset = offset;
    this.dir = dir;
    this.jboss = jboss;
    this.javaOpts = javaOpts;
    this.base = URI.create("http://localhost:" + (8080 + offset) + "/").toURL();
  }

  static SecondInstance start(String organisation) throws IOException, InterruptedException {
    return start("sharing-b", organisation);
  }

  /**
   * Starts a fresh instance in {@code <it data>/<name>}; {@code properties} are added to its
   * system properties (shorter sharing timeouts, for example).
   */
  static SecondInstance start(String name, String organisation, String... properties) throws IOException, InterruptedException {
    Path jboss = Path.of(System.getProperty("jboss.home"));
    Path war = Path.of(System.getProperty("dars.war"));
    Matcher m = Pattern.compile("port-offset=(\\d+)").matcher(System.getProperty("dars.server.jvm", ""));
    int offset = (m.find() ? Integer.parseInt(m.group(1)) : 0) + 50;
    Path dir = Path.of(System.getProperty("dars.it.data", "target/it-data")).resolve(name).toAbsolutePath();
    deleteTree(dir);
    Path baseDir = dir.resolve("standalone");
    Files.createDirectories(baseDir.resolve("deployments"));
    copyTree(jboss.resolve("standalone").resolve("configuration"), baseDir.resolve("configuration"));
    // The first server may have recorded its Arquillian deployment in the shared configuration file.
    Path config = baseDir.resolve("configuration").resolve("standalone-dars.xml");
    Files.writeString(config, Files.readString(config).replaceAll("(?s)<deployments>.*?</deployments>", ""));
    Files.deleteIfExists(baseDir.resolve("configuration").resolve("logging.properties"));
    Files.copy(war, baseDir.resolve("deployments").resolve("dars.war"), StandardCopyOption.REPLACE_EXISTING);
    String javaOpts = "-Xmx768m -Dfile.encoding=UTF-8 -Djava.net.preferIPv4Stack=true"
        + " -Ddars.data.dir=" + dir.resolve("data") + " -Ddars.samples=false -Ddars.instance.organisation=" + organisation
        + " -Ddars.sharing.backoff-millis=200 -Ddars.sharing.timeout-seconds=20"
        // No dars.admin.password: this server generates its administrator's password and logs it once.
        + " -Ddars.instance.organisation-id=maysan "
        + String.join(" ", properties);
    SecondInstance b = new SecondInstance(launch(jboss, baseDir, offset, javaOpts, dir), offset, dir, jboss, javaOpts);
    b.awaitReady(Duration.ofSeconds(240));
    return b;
  }

  private static Process launch(Path jboss, Path baseDir, int offset, String javaOpts, Path dir) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(List.of(jboss.resolve("bin").resolve("standalone.sh").toString(),
        "-c", "standalone-dars.xml", "-Djboss.server.base.dir=" + baseDir,
        "-Djboss.socket.binding.port-offset=" + offset));
    pb.environment().put("JBOSS_HOME", jboss.toString());
    pb.environment().put("JAVA_OPTS", javaOpts);
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile()));
    return pb.start();
  }

  /** The data directory: blob store, index, H2 database, import folder. */
  Path data() {
    return dir.resolve("data");
  }

  /**
   * The administrator's password, as the first start printed it: there is no default password, so
   * this also proves that one was generated and logged. Empty if the log does not have it.
   */
  java.util.Optional<String> generatedAdminPassword() throws IOException {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("generated password (\\S+)")
        .matcher(java.nio.file.Files.readString(dir.resolve("console.log"), java.nio.charset.StandardCharsets.UTF_8));
    return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  /** How many times the log shows a generated administrator password (once, at the first start). */
  long generatedPasswordLines() throws IOException {
    return java.nio.file.Files.readString(dir.resolve("console.log"), java.nio.charset.StandardCharsets.UTF_8)
        .lines().filter(l -> l.contains("generated password")).count();
  }

  /** A client signed in as this server's administrator. */
  org.dars.Http admin() throws IOException {
    return new org.dars.Http(base).as(org.dars.Http.ADMIN, generatedAdminPassword()
        .orElseThrow(() -> new IllegalStateException("No generated administrator password in " + dir.resolve("console.log"))));
  }

  /** Starts the server again on the same base and data directories, so the same database, after {@link #close()}. */
  void restart() throws IOException, InterruptedException {
    process = launch(jboss, dir.resolve("standalone"), offset, javaOpts, dir);
    awaitReady(Duration.ofSeconds(240));
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The second WildFly exited; see " + dir.resolve("console.log"));
      }
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/instance"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException("The second WildFly did not deploy Dars within " + timeout + "; see " + dir.resolve("console.log"));
  }

  /** Kills the server with SIGKILL ({@code destroyForcibly} on Linux) and waits until it is gone. */
  @Override
  public void close() {
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      for (ProcessHandle p : tree) {
        p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("The second WildFly did not die of SIGKILL within 30 s", e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
