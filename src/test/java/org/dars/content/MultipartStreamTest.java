package org.dars.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartStreamTest {
  private static final String TYPE = "multipart/form-data; boundary=\"dars-7Qk\"";
  private static final String METADATA = "{\"title\": \"آموزش جوشکاری — تدريب اللحام\"}";

  private static byte[] body(byte[] file, String fileName) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("preamble to ignore\r\n--dars-7Qk\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + METADATA + "\r\n--dars-7Qk\r\n"
        + "Content-Disposition: form-data; name=\"file\";\r\n filename=\"" + fileName + "\"\r\n"
        + "Repr-Digest: sha-256=:abc=:\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes("\r\n--dars-7Qk--\r\nepilogue".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Hands out a few bytes per read, as a network stream does, so delimiters straddle reads. */
  private static InputStream trickle(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  @Test
  void readsMetadataAndAFileWithNearMissDelimitersAcrossBufferEdges() throws IOException {
    byte[] file = new byte[300_000];
    new Random(7).nextBytes(file);
    byte[] nearMiss = "\r\n--dars-7Q".getBytes(StandardCharsets.US_ASCII);
    for (int at = 65_530; at < file.length - nearMiss.length; at += 65_536) {
      System.arraycopy(nearMiss, 0, file, at, nearMiss.length);
    }
    for (int chunk : new int[] {1, 7, 8192, 1 << 20}) {
      MultipartStream parts = new MultipartStream(trickle(body(file, "کتاب درسی.pdf"), chunk), TYPE);
      MultipartStream.Part metadata = parts.next().orElseThrow();
      assertEquals("metadata", metadata.name());
      assertEquals(METADATA, new String(metadata.readAllBytes(), StandardCharsets.UTF_8));
      MultipartStream.Part part = parts.next().orElseThrow();
      assertEquals("file", part.name());
      assertEquals("کتاب درسی.pdf", part.fileName().orElseThrow());
      assertEquals("sha-256=:abc=:", part.header("repr-digest").orElseThrow());
      assertArrayEquals(file, part.readAllBytes(), "chunk " + chunk);
      assertFalse(parts.next().isPresent());
    }
  }

  @Test
  void skipsAPartLeftUnread() throws IOException {
    MultipartStream parts = new MultipartStream(trickle(body(new byte[100], "ملف.txt"), 3), TYPE);
    parts.next().orElseThrow();
    assertEquals("file", parts.next().orElseThrow().name());
  }

  @Test
  void aBodyThatStopsInsideAPartIsAnEndOfFile() throws IOException {
    byte[] whole = body(new byte[5000], "نیمه.bin");
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 40);
    MultipartStream parts = new MultipartStream(new ByteArrayInputStream(cut), TYPE);
    parts.next().orElseThrow().readAllBytes();
    MultipartStream.Part part = parts.next().orElseThrow();
    assertThrows(EOFException.class, part::readAllBytes);
  }

  @Test
  void refusesBrokenStructure() {
    assertThrows(MultipartStream.MalformedException.class, () -> new MultipartStream(InputStream.nullInputStream(), "multipart/form-data"));
    assertThrows(MultipartStream.MalformedException.class,
        () -> new MultipartStream(new ByteArrayInputStream("نه بخش دارد".getBytes(StandardCharsets.UTF_8)), TYPE).next());
    assertThrows(MultipartStream.MalformedException.class, () -> new MultipartStream(
        new ByteArrayInputStream("--dars-7Qk\r\nContent-Type: text/plain\r\n\r\nنص\r\n--dars-7Qk--".getBytes(StandardCharsets.UTF_8)), TYPE)
        .next().orElseThrow().name());
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= MultipartStream.MAX_PARTS; i++) {
      many.append("--dars-7Qk\r\nContent-Disposition: form-data; name=\"p").append(i).append("\"\r\n\r\nمتن\r\n");
    }
    assertThrows(MultipartStream.MalformedException.class, () -> {
      MultipartStream parts = new MultipartStream(new ByteArrayInputStream(many.toString().getBytes(StandardCharsets.UTF_8)), TYPE);
      while (parts.next().isPresent()) {
        // read them all
      }
    });
  }
}
