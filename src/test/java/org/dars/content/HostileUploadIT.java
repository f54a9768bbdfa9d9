package org.dars.content;

import static org.dars.content.ItemApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.dars.Deployments;
import org.dars.Http;
import org.dars.extraction.HostileFiles;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hostile files are stored, end FAILED with a reason, keep their bytes, and harm nothing else. */
@ExtendWith(ArquillianExtension.class)
class HostileUploadIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;

  private JsonObject uploadAndSettle(Http http, String name, byte[] content) {
    var created = http.upload("api/v1/items", name, content, null);
    assertEquals(201, created.statusCode(), created.body());
    String id = Http.json(created.body()).getString("id");
    return http.await("api/v1/items/" + id, o -> !o.getString("status").equals("PROCESSING"), Duration.ofSeconds(120));
  }

  @Test
  void zipBombEndsFailedAndKeepsItsBytes() throws Exception {
    Http http = new Http(base).asAdmin();
    byte[] bomb = HostileFiles.zipBomb(200);
    JsonObject item = uploadAndSettle(http, "درس.zip", bomb);
    assertEquals("FAILED", item.getString("status"));
    assertTrue(item.getString("failure").contains("zip bomb"), item.getString("failure"));
    assertArrayEquals(bomb, http.getBytes("api/v1/items/" + item.getString("id") + "/content").body());
    assertProblem(http.get("api/v1/items/" + item.getString("id") + "/text"), 409, "extraction-failed");
  }

  @Test
  void passwordProtectedPdfSaysSoAndCanBeRetried() throws Exception {
    Http http = new Http(base).asAdmin();
    JsonObject item = uploadAndSettle(http, "محرمانه.pdf", HostileFiles.passwordProtectedPdf());
    assertEquals("FAILED", item.getString("status"));
    assertTrue(item.getString("failure").contains("password"), item.getString("failure"));
    String id = item.getString("id");
    assertEquals(202, http.post("api/v1/items/" + id + "/versions/1/extraction", null, new byte[0]).statusCode());
    JsonObject again = http.await("api/v1/items/" + id, o -> !o.getString("status").equals("PROCESSING"), Duration.ofSeconds(60));
    assertEquals("FAILED", again.getString("status"));
    // Only the last extraction attempt is FAILED now; retrying twice in a row is still allowed.
    assertEquals("FAILED", Http.json(http.get("api/v1/items/" + id + "/versions/1").body()).getString("status"));
  }

  @Test
  void deeplyNestedArchiveEndsFailedAndTheServerGoesOn() throws Exception {
    Http http = new Http(base).asAdmin();
    JsonObject item = uploadAndSettle(http, "تو-در-تو.zip", HostileFiles.nestedZip(40));
    assertEquals("FAILED", item.getString("status"));
    assertTrue(item.getString("failure").contains("levels deep"), item.getString("failure"));
    assertEquals(200, http.get("api/v1/search?q=" + Http.q("خرما")).statusCode());
  }
}
