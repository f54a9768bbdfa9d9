package org.dars.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an administrator relies on: readiness, the OpenAPI document, and the fixity audit. */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {
  static final Path DATA = Path.of(System.getProperty("dars.it.data", "target/it-data"), System.getProperty("dars.it.datasource", "h2"));

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;

  @Test
  void readinessCoversDatabaseBlobStoreAndIndex() throws Exception {
    Http management = new Http(new URL("http://127.0.0.1:" + Integer.getInteger("dars.management.port", 9990) + "/"));
    JsonObject ready = Http.json(management.get("health/ready").body());
    assertEquals("UP", ready.getString("status"), ready.toString());
    for (String check : new String[] {"database", "blob-store", "index"}) {
      assertTrue(ready.getJsonArray("checks").stream().anyMatch(c -> c.asJsonObject().getString("name").equals(check)
          && c.asJsonObject().getString("status").equals("UP")), check + " in " + ready);
    }
  }

  @Test
  void publishesAnOpenApiDocumentOfTheApi() {
    var doc = new Http(base).get("openapi", "Accept", "application/json");
    assertEquals(200, doc.statusCode());
    assertTrue(doc.body().contains("/api/v1/items/{id}/versions/{n}/content"), doc.body().substring(0, 300));
    assertTrue(doc.body().contains("/api/v1/search"));
  }

  @Test
  void fixityAuditFindsABlobChangedOnDisk() throws IOException {
    Http http = new Http(base).asAdmin();
    byte[] content = ("راهنمای ممیزی " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    JsonObject item = Http.json(http.upload("api/v1/items", "ممیزی.txt", content, null).body());
    String sha = item.getString("sha256");

    JsonObject clean = Http.json(http.post("api/v1/admin/fixity", null, new byte[0]).body());
    assertTrue(clean.getJsonNumber("checked").longValue() > 0);
    assertTrue(clean.getJsonArray("corrupt").isEmpty(), clean.toString());
    assertTrue(clean.getJsonArray("missing").isEmpty(), clean.toString());

    Path blob = DATA.resolve("blobs/sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    try (RandomAccessFile file = new RandomAccessFile(blob.toFile(), "rw")) {
      file.seek(3);
      int b = file.read();
      file.seek(3);
      file.write(b ^ 0x01);
    }
    JsonObject audit = Http.json(http.post("api/v1/admin/fixity", null, new byte[0]).body());
    assertTrue(audit.getJsonArray("corrupt").getValuesAs(jakarta.json.JsonString.class).stream()
        .anyMatch(s -> s.getString().equals(sha)), audit.toString());
    // A download of the damaged bytes does not complete as if nothing were wrong.
    assertThrows(RuntimeException.class, () -> {
      var r = http.getBytes("api/v1/items/" + item.getString("id") + "/content");
      if (r.statusCode() == 200 && r.body().length == content.length) {
        throw new AssertionError("served corrupt bytes as complete");
      }
      throw new IllegalStateException("download broke off: " + r.statusCode());
    });
  }
}
