package org.dars.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.dars.http.HostileRequestsIT.Sent;

/**
 * Requests no HTTP client library will send: broken request lines, lying lengths, bad chunking,
 * smuggling attempts, a URL of a hundred kilobytes. Written to a socket byte by byte; most are
 * answered by the server's HTTP layer before Dars sees them, and none may cost a 5xx.
 */
final class RawRequests {
  private RawRequests() {}

  static List<Sent> send(String host, int port, Random random, int count) {
    List<String> templates = List.of(
        "GET /api/v1/items HTTP/9.9\r\nHost: h\r\n\r\n",
        "GARBAGE\r\n\r\n",
        "GET /../../../../etc/passwd HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /api/v1/search?q=%zz%G0% HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /api/v1/items/%c0%ae%c0%ae/content HTTP/1.1\r\nHost: h\r\n\r\n",
        "POST /api/v1/curricula HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"title\":",
        "POST /api/v1/curricula HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n{}",
        "POST /api/v1/curricula HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 9\r\n\r\n{}",
        "POST /api/v1/curricula HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        "POST /api/v1/items HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/v1/admin/index HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /api/v1/items HTTP/1.1\r\nHost: h\r\nNoColonHere\r\n\r\n",
        "GET /api/v1/items HTTP/1.1\r\nHost: h\r\nX-Nul: a\u0000b\r\n\r\n",
        "GET /api/v1/search?q=" + "%D8%AE".repeat(20_000) + " HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /api/v1/items HTTP/1.1\r\n" + "X-Fold: a\r\n  folded\r\n".repeat(3) + "Host: h\r\n\r\n",
        "DELETE /api/v1/items/%00 HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /p/items/..%2f..%2f..%2fWEB-INF%2fweb.xml HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /WEB-INF/web.xml HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /jakarta.faces.resource/..%2fWEB-INF%2fweb.xml.xhtml HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /jakarta.faces.resource/../../WEB-INF/web.xml.xhtml?ln=.. HTTP/1.1\r\nHost: h\r\n\r\n");
    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String request = templates.get(random.nextInt(templates.size()));
      sent.add(exchange(host, port, request));
    }
    return sent;
  }

  private static Sent exchange(String host, int port, String request) {
    String line = request.substring(0, Math.max(0, request.indexOf("\r\n")));
    String[] parts = line.split(" ");
    String method = parts.length > 0 ? parts[0] : "";
    String path = parts.length > 1 ? parts[1] : "";
    try (Socket s = new Socket(host, port)) {
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      s.shutdownOutput();
      InputStream in = s.getInputStream();
      String head = new String(in.readNBytes(8192), StandardCharsets.ISO_8859_1);
      int status = 0;
      String type = null;
      if (head.startsWith("HTTP/1.1 ") && head.length() >= 12) {
        status = Integer.parseInt(head.substring(9, 12));
        for (String h : head.split("\r\n")) {
          if (h.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
            type = h.substring(13).trim();
            break;
          }
        }
      }
      return new Sent(null, "raw", method, path, status, type, head);
    } catch (IOException e) {
      return new Sent(null, "raw", method, path, 0, null, e.toString());
    }
  }
}
