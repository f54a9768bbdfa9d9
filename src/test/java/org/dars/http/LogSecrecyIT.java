package org.dars.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Secrets and document text never reach the server log: a document with a unique word in it (read,
 * extracted, refused), a Bearer token, a Basic password and a partner token, all sent along with
 * requests that fail in as many ways as we can think of; then the log of this test server is read.
 */
@ExtendWith(ArquillianExtension.class)
class LogSecrecyIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;

  @Test
  void noMarkerReachesTheServerLog() throws Exception {
    Http http = new Http(base).asAdmin();
    String word = "رازنهان" + UUID.randomUUID().toString().replace("-", "");
    String bearer = "bearer" + UUID.randomUUID().toString().replace("-", "");
    String password = "گذرواژه" + UUID.randomUUID().toString().replace("-", "");
    String partnerToken = "partner" + UUID.randomUUID().toString().replace("-", "");
    List<String> markers = List.of(word, bearer, password, partnerToken);
    String basic = "Basic " + Base64.getEncoder().encodeToString(("مربی:" + password).getBytes(StandardCharsets.UTF_8));
    String[][] credentials = {{"Authorization", "Bearer " + bearer}, {"Authorization", basic}};

    String text = "درس محرمانه: " + word + " آبیاری قطره‌ای نخلستان.\nالنص السري " + word + "\n";
    String id = Http.json(http.upload("api/v1/items", "محرمانه.txt", text.getBytes(StandardCharsets.UTF_8),
        "{\"license\": \"CC-BY-4.0\"}").body()).getString("id");
    http.upload("api/v1/items", "خراب.pdf", ("%PDF-1.7\n" + word + "\n1 0 obj << /Length 99999 >> stream\n" + word).getBytes(StandardCharsets.UTF_8), null);
    http.upload("api/v1/items", "فراداده.txt", text.getBytes(StandardCharsets.UTF_8), "{\"title\": \"" + word + "\", \"license\": \"" + word + "\"}");
    http.upload("api/v1/items", "بد.txt", text.getBytes(StandardCharsets.UTF_8), "{\"title\": " + word);
    http.await("api/v1/items/" + id, o -> o.getString("status").equals("READY"), Duration.ofSeconds(120));

    for (String[] c : credentials) {
      http.get("api/v1/items", c);
      http.get("api/v1/sharing/releases", c);
      http.get("api/v1/items/" + id + "/text", c);
      http.get("api/v1/search?q=" + Http.q(word), c);
      http.postJson("api/v1/curricula", "{\"title\": {\"fa\": " + word + "}", c);
      http.postJson("api/v1/curricula", "[".repeat(10_000) + word, c);
      http.patch("api/v1/items/" + id, "application/merge-patch+json", "{\"license\": \"" + word + "\"}", c);
      http.postJson("api/v1/imports", "{\"path\": \"../../" + word + ".zip\"}", c);
      http.post("api/v1/imports", "application/zip", (word + word).getBytes(StandardCharsets.UTF_8), c);
      http.get("p/items/" + word, c);
      http.get("search.xhtml?q=" + Http.q(word), c);
      http.get("item.xhtml?id=" + word, c);
      http.get("api/v1/items/" + id + "/content", c[0], c[1], "Range", "bytes=" + bearer);
    }

    var keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String partner = UUID.randomUUID().toString();
    String registration = "{\"instanceId\": \"" + partner + "\", \"name\": \"مديرية ميسان\", \"publicKey\": \""
        + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\", \"baseUrl\": \"http://127.0.0.1:9/\", \"token\": \""
        + partnerToken + "\"}";
    assertEquals(201, http.postJson("api/v1/partners", registration).statusCode());
    http.post("api/v1/partners/" + partner + "/sync", null, new byte[0]);

    Thread.sleep(1000);
    List<Path> logs = serverLogs();
    assertFalse(logs.isEmpty(), "no server log under " + System.getProperty("jboss.home"));
    long lines = 0;
    for (Path log : logs) {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      lines += all.size();
      for (String line : all) {
        for (String marker : markers) {
          assertFalse(line.contains(marker), log.getFileName() + " leaks a marker: " + line);
        }
      }
    }
    assertTrue(lines > 0);
  }

  private static List<Path> serverLogs() throws IOException {
    Path dir = Path.of(System.getProperty("jboss.home"), "standalone", "log");
    List<Path> logs = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().startsWith("server.log")).forEach(logs::add);
    }
    return logs;
  }
}
