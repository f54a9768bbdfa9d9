package org.dars.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XXE and SSRF through extraction: XML, SVG, DOCX and ODT files whose DOCTYPE declares external
 * entities and an external DTD, pointing at /etc/passwd and at a port on this machine that counts
 * every connection. Extraction may succeed or refuse the file; it must neither put the file's
 * content into the text nor connect anywhere.
 */
class ExternalEntitiesTest {
  private static final String PASSWD_LINE = "root:x:0:0";

  @TempDir Path tmp;
  private ServerSocket listener;
  private final AtomicInteger connections = new AtomicInteger();

  @BeforeEach
  void listen() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!listener.isClosed()) {
        try (Socket s = listener.accept()) {
          connections.incrementAndGet();
        } catch (IOException e) {
          return;
        }
      }
    }, "xxe-listener");
    t.setDaemon(true);
    t.start();
  }

  @AfterEach
  void close() throws IOException {
    listener.close();
  }

  private String doctype(String root) {
    String url = "http://127.0.0.1:" + listener.getLocalPort();
    return "<!DOCTYPE " + root + " SYSTEM \"" + url + "/external.dtd\" [\n"
        + "  <!ENTITY passwd SYSTEM \"file:///etc/passwd\">\n"
        + "  <!ENTITY remote SYSTEM \"" + url + "/entity\">\n"
        + "  <!ENTITY % param SYSTEM \"" + url + "/param.dtd\">\n"
        + "  %param;\n"
        + "]>\n";
  }

  private void assertNeitherReadNorFetched(String name, byte[] content, String word) throws IOException {
    Path file = tmp.resolve(name);
    Files.write(file, content);
    String text;
    try {
      text = HostileFilesTest.EXTRACTOR.extract(file).text();
      assertTrue(text.contains(word), name + " was parsed, but its text is missing: " + text);
    } catch (ExtractionException refused) {
      text = "";
    }
    assertFalse(text.contains(PASSWD_LINE), name + " leaked /etc/passwd: " + text);
    assertEquals(0, connections.get(), name + " made the server connect to a URL from the file");
  }

  @Test
  void plainXml() throws IOException {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype("doc")
        + "<doc><p>آبیاری قطره‌ای</p><p>&passwd;</p><p>&remote;</p><p>الري بالتنقيط</p></doc>";
    assertNeitherReadNorFetched("entities.xml", xml.getBytes(StandardCharsets.UTF_8), "قطره‌ای");
  }

  @Test
  void svg() throws IOException {
    String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype("svg")
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\">"
        + "<text x=\"10\" y=\"20\">خرما &passwd; &remote;</text></svg>";
    assertNeitherReadNorFetched("entities.svg", svg.getBytes(StandardCharsets.UTF_8), "خرما");
  }

  /**
   * A real DOCX of the sample library with a DOCTYPE and entity references added to its main part;
   * POI refuses such a part. The untouched file is read, so the refusal is the DOCTYPE's.
   */
  @Test
  void docx() throws Exception {
    Path sample = Path.of("content-samples/items/date-harvest.fa.docx");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(sample)); ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals("word/document.xml")) {
          String xml = new String(data, StandardCharsets.UTF_8);
          int declEnd = xml.indexOf("?>") + 2;
          int bodyEnd = xml.indexOf('>', xml.indexOf("<w:body")) + 1;
          xml = xml.substring(0, declEnd) + "\n" + doctype("w:document") + xml.substring(declEnd, bodyEnd)
              + "<w:p><w:r><w:t>&passwd; &remote;</w:t></w:r></w:p>" + xml.substring(bodyEnd);
          data = xml.getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(data);
        out.closeEntry();
      }
    }
    assertNeitherReadNorFetched("entities.docx", bytes.toByteArray(), "خرما");
    assertTrue(HostileFilesTest.EXTRACTOR.extract(sample).text().contains("خرما"));
  }

  @Test
  void odt() throws IOException {
    String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype("office:document-content")
        + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
        + "<office:body><office:text><text:p>النخيل &passwd; &remote;</text:p></office:text></office:body>"
        + "</office:document-content>";
    byte[] odt = zip(
        "mimetype", "application/vnd.oasis.opendocument.text",
        "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
            + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
            + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
            + "</manifest:manifest>",
        "content.xml", content);
    assertNeitherReadNorFetched("entities.odt", odt, "النخيل");
  }

  /** A zip of name/content pairs; the first entry is stored, as ODF wants its mimetype. */
  private static byte[] zip( String... namesAndContents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        byte[] data = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
        ZipEntry entry = new ZipEntry(namesAndContents[i]);
        if (i == 0) {
          CRC32 crc = new CRC32();
          crc.update(data);
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(data.length);
          entry.setCompressedSize(data.length);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
