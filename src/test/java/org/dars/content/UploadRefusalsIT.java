package org.dars.content;

import static org.dars.content.ItemApiIT.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.dars.Deployments;
import org.dars.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every bad upload gets a precise problem and leaves nothing behind: no item row, no blob, no
 * staging file. The test server's upload limit is 64 MB (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class UploadRefusalsIT {
  static final long LIMIT = 64L * 1024 * 1024;
  static final Path DATA = Path.of(System.getProperty("dars.it.data", "target/it-data"), System.getProperty("dars.it.datasource", "h2"));
  static final byte[] PERSIAN = "درجه‌بندی خرمای برحی و زاهدی".getBytes(StandardCharsets.UTF_8);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.dars();
  }

  @ArquillianResource URL base;

  private Http http;
  private long itemsBefore;
  private long blobsBefore;

  @BeforeEach
  void settle() throws IOException {
    http = new Http(base).asAdmin();
    // Sample extraction writes text blobs; wait until it is done so blob counts are stable.
    http.await("api/v1/items?size=100", o -> o.getJsonArray("items").stream()
        .noneMatch(i -> i.asJsonObject().getString("status").equals("PROCESSING")), Duration.ofSeconds(240));
    itemsBefore = itemCount();
    blobsBefore = files(DATA.resolve("blobs/sha256"));
  }

  private long itemCount() {
    return Http.json(http.get("api/v1/items?size=1").body()).getJsonNumber("total").longValue();
  }

  private void assertNothingKept() throws IOException {
    assertEquals(itemsBefore, itemCount(), "no item row");
    assertEquals(blobsBefore, files(DATA.resolve("blobs/sha256")), "no blob");
    assertEquals(0, files(DATA.resolve("blobs/tmp")), "no staging file");
  }

  private static long files(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void refusesAnEmptyFile() throws IOException {
    assertProblem(http.upload("api/v1/items", "خالی.txt", new byte[0], null), 400, "empty-file");
    assertNothingKept();
  }

  @Test
  void refusesAnUploadWithoutFilePart() throws IOException {
    assertProblem(http.upload("api/v1/items", (String) null, (byte[]) null, "{\"title\": \"بدون فایل\"}"), 400, "missing-file-part");
    assertNothingKept();
  }

  @Test
  void refusesMalformedMetadataJson() throws IOException {
    assertProblem(http.upload("api/v1/items", "a.txt", PERSIAN, "{\"title\": \"ناقص\""), 400, "malformed-metadata");
    assertNothingKept();
  }

  @Test
  void refusesAnUnknownLanguageCode() throws IOException {
    var problem = assertProblem(http.upload("api/v1/items", "a.txt", PERSIAN, "{\"title\": \"خرما\", \"language\": [\"xx-qq\"]}"), 400, "unknown-language");
    assertTrue(problem.getString("detail").contains("xx-qq"));
    assertNothingKept();
  }

  @Test
  void refusesATitleOfHundredKilobytes() throws IOException {
    String title = "خ".repeat(100 * 1024);
    var problem = assertProblem(http.upload("api/v1/items", "a.txt", PERSIAN, "{\"title\": \"" + title + "\"}"), 400, "field-too-long");
    assertTrue(problem.getString("detail").contains("title"));
    assertNothingKept();
  }

  @Test
  void refusesFileNamesWithPathsControlsOrBidiOverrides() throws IOException {
    for (String name : new String[] {"../../etc/passwd", "..\\\\secret.txt", "bad\u0001name.txt", "gpj.\u202Eexe.txt", "سند\u2066.pdf"}) {
      assertProblem(http.upload("api/v1/items", name, PERSIAN, null), 400, "unsafe-file-name");
    }
    assertNothingKept();
  }

  private static final String ADMIN_AUTHORIZATION = "Authorization: Basic " + java.util.Base64.getEncoder()
      .encodeToString((Http.ADMIN + ":" + Http.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n";

  @Test
  void refusesADeclaredOversizedUploadBeforeReadingIt() throws IOException {
    String response = raw("POST /api/v1/items HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n"
        + ADMIN_AUTHORIZATION + "Content-Length: " + (LIMIT * 4) + "\r\n\r\n--x\r\n", null, true);
    assertTrue(response.startsWith("HTTP/1.1 413"), response);
    assertTrue(response.contains("application/problem+json"), response);
    assertNothingKept();
  }

  @Test
  void refusesAStreamedUploadThatGrowsPastTheLimit() throws IOException {
    Http.Multipart m = new Http.Multipart().part("file", "بزرگ.bin", "application/octet-stream", new byte[(int) LIMIT + 1024]);
    var response = http.post("api/v1/items", m.contentType(), m.bytes());
    assertProblem(response, 413, "payload-too-large");
    assertNothingKept();
  }

  @Test
  void keepsNothingWhenTheClientDisconnectsMidUpload() throws IOException {
    String head = "POST /api/v1/items HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n"
        + ADMIN_AUTHORIZATION + "Content-Length: 10000000\r\n\r\n"
        + "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"نیمه.bin\"\r\n\r\n";
    raw(head, new byte[2_000_000], false);
    // The server may still be staging when the socket closes; it then notices and discards what
    // it staged. Wait until the staging folder has stayed empty for two seconds.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int emptyReadings = 0;
    while (emptyReadings < 10 && System.nanoTime() < deadline) {
      emptyReadings = files(DATA.resolve("blobs/tmp")) == 0 ? emptyReadings + 1 : 0;
      sleep();
    }
    assertNothingKept();
  }

  @Test
  void refusesUploadsThatAreNotMultipart() throws IOException {
    assertProblem(http.post("api/v1/items", "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 415, "unsupported-media-type");
    assertProblem(http.post("api/v1/items", "multipart/form-data; boundary=zz", "garbage without parts".getBytes(StandardCharsets.UTF_8)), 400, "");
    Http.Multipart unknown = new Http.Multipart().part("file", "a.txt", "text/plain", PERSIAN).part("virus", null, null, PERSIAN, Map.of());
    assertProblem(http.post("api/v1/items", unknown.contentType(), unknown.bytes()), 400, "unknown-part");
    assertNothingKept();
  }

  private String raw(String head, byte[] body, boolean readAnswer) throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      if (!readAnswer) {
        return "";
      }
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[8192];
      int n = in.read(buf);
      return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.UTF_8);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
