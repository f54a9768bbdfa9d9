package org.dars.content;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.dars.extraction.Extractor;
import org.dars.platform.ByteRanges;
import org.dars.storage.BlobStore;

/**
 * Serves a version's bytes the way browsers and download tools expect: a strong ETag (the
 * SHA-256), 304 for a matching If-None-Match, 206 for a single byte range so audio and video can
 * seek, the original UTF-8 file name (RFC 6266), and never inline for content a browser would run.
 */
final class ContentResponses {
  private static final int BUFFER = 1 << 16;

  private ContentResponses() {}

  static Response serve(BlobStore blobs, ItemVersion version, String ifNoneMatch, String range, String ifRange) {
    EntityTag etag = new EntityTag(version.sha256().hex());
    String quoted = "\"" + version.sha256().hex() + "\"";
    if (ifNoneMatch != null && (ifNoneMatch.contains(quoted) || ifNoneMatch.trim().equals("*"))) {
      return Response.notModified(etag).build();
    }
    long size = version.size();
    Response.ResponseBuilder response;
    boolean rangeApplies = range != null && (ifRange == null || ifRange.contains(quoted));
    if (rangeApplies) {
      Optional<long[]> found = ByteRanges.parse(range, size, "the file");
      if (found.isEmpty()) {
        response = Response.ok(stream(blobs, version, 0, size));
      } else {
        long[] span = found.get();
        long start = span[0];
        long end = span[1];
        response = Response.status(206)
            .entity(stream(blobs, version, start, end - start + 1))
            .header("Content-Range", "bytes " + start + "-" + end + "/" + size)
            .header("Content-Length", end - start + 1);
      }
    } else {
      response = Response.ok(stream(blobs, version, 0, size)).header("Content-Length", size);
    }
    boolean active = Extractor.isActiveContent(version.mediaType());
    return response
        .type(active ? "application/octet-stream" : version.mediaType())
        .tag(etag)
        .header("Accept-Ranges", "bytes")
        .header("Cache-Control", "private, max-age=0, must-revalidate")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'; media-src 'self'; img-src 'self'")
        .header("Content-Disposition", disposition(active ? "attachment" : "inline", version.fileName()))
        .build();
  }

  /** RFC 6266: an ASCII fallback plus the exact UTF-8 name in {@code filename*}. */
  static String disposition(String type, String fileName) {
    StringBuilder ascii = new StringBuilder();
    for (char c : fileName.toCharArray()) {
      ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
    }
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  private static StreamingOutput stream(BlobStore blobs, ItemVersion version, long offset, long length) {
    boolean whole = offset == 0 && length == version.size();
    return out -> {
      try (InputStream in = whole ? blobs.open(version.sha256()) : blobs.openRange(version.sha256(), offset)) {
        if (whole) {
          copyVerified(in, out);
        } else {
          copyRange(in, out, length);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /**
   * Holds the last chunk back until the verifying stream has checked the digest at its end, so a
   * corrupt blob never reaches the client as a complete response.
   */
  private static void copyVerified(InputStream in, java.io.OutputStream out) throws IOException {
    byte[] buf = new byte[BUFFER];
    byte[] held = new byte[BUFFER];
    int heldLength = 0;
    int n;
    while ((n = in.read(buf)) != -1) {
      if (heldLength > 0) {
        out.write(held, 0, heldLength);
      }
      byte[] swap = held;
      held = buf;
      buf = swap;
      heldLength = n;
    }
    out.write(held, 0, heldLength);
  }

  private static void copyRange(InputStream in, java.io.OutputStream out, long length) throws IOException {
    byte[] buf = new byte[BUFFER];
    long remaining = length;
    while (remaining > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
      if (n == -1) {
        break;
      }
      out.write(buf, 0, n);
      remaining -= n;
    }
  }
}
