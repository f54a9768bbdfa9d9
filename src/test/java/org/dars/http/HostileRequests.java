package org.dars.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The hostile material of {@link HostileRequestsIT}: bodies, query values, path segments and
 * header values that are malformed on purpose. Every choice comes from the caller's seeded
 * {@link Random}, so a seed reproduces a run.
 */
final class HostileRequests {
  static final List<String> QUERY_JUNK = List.of(
      "' OR '1'='1", "1; DROP TABLE item; --", "\" OR 1=1 --", "1 UNION SELECT password FROM users",
      "*:*", "title:*", "*", "?", "a~999", "/.*/", "/[a-z]{1,100000}/", "[* TO *]", "{a TO z]", "((((((((((((((((",
      "))))", "\\", "+-&&||!(){}[]^\"~*?:\\/", "name:(a OR b)^1000000", "خرما AND (نخل OR", "\"الري بالتنقيط",
      "NOT NOT NOT", "OR", "-", "--", "\"\"", "%", "%%", "%00", "\u0000", "\u202Eخرما\u202C", "\uFEFF", "\u200C\u200C\u200C",
      "ي".repeat(5000), "ً".repeat(3000), "😀".repeat(500), "١٢٣", "۱۲۳", "-1", "0", "99999999999999999999", "1e309",
      "NaN", "true", "null", "../../../../etc/passwd", "..%2f..%2f", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1:1/a}",
      "#{7*7}", "%{7*7}", "{{7*7}}", "\r\nX-Injected: 1", "a".repeat(20_000));

  static final List<String> PATH_JUNK = List.of(
      "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5c..%5cwindows", "%252e%252e%252f",
      "%c0%ae%c0%ae%c0%af", "..;", "%00", "%ED%A0%80", "%FF%FE", "%E2%80%AE", "~root", "%2F", "%5C", "%3Cscript%3E",
      "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "-1", "0", "1.0.0", "99999999999999999999",
      "%DB%B1%DB%B2", "%D8%AE%D8%B1%D9%85%D8%A7", "a".repeat(3000), "1e3", "1%20OR%201%3D1", "%27%3B--", "*");

  static final List<String> RANGES = List.of(
      "bytes=-", "bytes=--1", "bytes=5-1", "bytes=999999999999999999999999-", "bytes=-999999999999999999999999",
      "bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6,7-7", "items=0-1", "bytes=a-b", "bytes=0-" + "9".repeat(100), "bytes= 0 - 1 ",
      "bytes=-0", "bytes=0--1", "bytes", "=", "bytes=\u0661-\u0662", "bytes=1-2;", "bytes=" + "0-1,".repeat(2000));

  static final List<String> CONTENT_TYPES = List.of(
      "application/json", "application/merge-patch+json", "multipart/form-data", "multipart/form-data; boundary=",
      "multipart/form-data; boundary=\"unterminated", "application/zip", "application/octet-stream", "text/plain",
      "application/xml", "text/html", "a/b;;;;=", "application/json; charset=utf-7", "application/json; charset=nonsense",
      "*/*", "", "application/x-www-form-urlencoded", "image/svg+xml");

  private HostileRequests() {}

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  static byte[] randomBytes(Random random, int max) {
    byte[] b = new byte[random.nextInt(max + 1)];
    random.nextBytes(b);
    return b;
  }

  /** Broken JSON of many kinds, among them bombs of depth and size. */
  static byte[] json(Random random) {
    String s = switch (random.nextInt(16)) {
      case 0 -> "[".repeat(100_000);
      case 1 -> "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000);
      case 2 -> "{\"title\": {\"fa\": \"" + "خ".repeat(random.nextInt(3) == 0 ? 2_500_000 : 50_000) + "\"}}";
      case 3 -> "{\"operations\": [" + "{\"op\": \"addModule\", \"title\": \"ماژول\"},".repeat(6000) + "{}]}";
      case 4 -> "{\"title\": \"برداشت خرما\"";
      case 5 -> "{\"version\": 1e999999, \"notes\": NaN}";
      case 6 -> "{\"title\": null, \"language\": [[[[\"fa\"]]]], \"subjects\": {\"$ne\": 1}}";
      case 7 -> "{\"operations\": \"" + "x".repeat(1000) + "\"}";
      case 8 -> "{\"path\": \"../../../../etc/passwd\"}";
      case 9 -> "{\"path\": \"/etc/passwd\", \"url\": \"file:///etc/passwd\"}";
      case 10 -> "{\"url\": \"javascript:alert(document.cookie)\", \"title\": \"" + "\u202E".repeat(100) + "\"}";
      case 11 -> "\uFEFF{\"reason\": \"\\ud800\\udc00\\ud800\"";
      case 12 -> "{" + "\"title\": 1,".repeat(100_000) + "\"title\": 2}";
      case 13 -> "{\"instanceId\": \"' OR 1=1 --\", \"publicKey\": \"" + "A".repeat(5000) + "\", \"baseUrl\": \"file:///etc\"}";
      case 14 -> "null";
      default -> "{\"a\": \"\\u0000\", \"b\": \"\\x41\", 'c': 1, d: 2,}";
    };
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A multipart body broken in one of several ways. */
  static Body brokenMultipart(Random random) {
    String boundary = "dars-" + random.nextInt(1_000_000);
    // Each body is malformed or lacks its file, so that no case can store anything.
    String good = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"درس.txt\"\r\n\r\nمتن درس\r\n";
    String body = switch (random.nextInt(9)) {
      case 0 -> good; // no closing boundary
      case 1 -> "--" + boundary + "\r\nContent-Disposition: form-data\r\n\r\nبدون نام\r\n--" + boundary + "--\r\n";
      case 2 -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../../etc/passwd\"\r\n\r\nx\r\n--"
          + boundary;
      case 3 -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + "[".repeat(100_000) + "\r\n" + good
          + "--" + boundary + "--\r\n";
      case 4 -> "--" + boundary + "\r\nX-Junk: " + "h".repeat(100_000) + "\r\n\r\nx\r\n--" + boundary + "--\r\n";
      case 5 -> "--other\r\n\r\n--other--\r\n";
      case 6 -> "--" + boundary + "--\r\n";
      case 7 -> good + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\u0000.txt\"\r\n\r\nدو";
      default -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Length: -1\r\n\r\n"
          + new String(randomBytes(random, 4000), StandardCharsets.ISO_8859_1);
    };
    String type = random.nextInt(4) == 0 ? "multipart/form-data; boundary=wrong-" + boundary : "multipart/form-data; boundary=" + boundary;
    return new Body(type, body.getBytes(StandardCharsets.UTF_8));
  }

  /** An XML body with external entities, in case anything parses what it is sent. */
  static byte[] xxe() {
    return ("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\"><!ENTITY y SYSTEM \"http://127.0.0.1:1/\">]>"
        + "<d>&x;&y;</d>").getBytes(StandardCharsets.UTF_8);
  }

  /** A small zip whose single entry has a path that leaves any folder. */
  static byte[] traversalZip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("../../../../tmp/dars-fuzz-escape.txt"));
      zip.write("خارج".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new java.util.zip.ZipEntry("manifest.json"));
      zip.write("[".repeat(10_000).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  record Body(String contentType, byte[] bytes) {}
}
