package org.dars.sharing;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.dars.curriculum.CurriculumId;
import org.dars.curriculum.ReleaseVersion;
import org.dars.platform.ByteRanges;

/**
 * {@code GET /api/v1/curricula/{id}/releases/{version}/package[?since=]}: the release package as
 * a zip, with a strong ETag and single-range support (206), so a broken download resumes. Partner
 * instances (partner-sync tokens) get the curricula shared with them; people those they may read.
 */
@Path("/curricula/{id}/releases/{version}/package")
public class PackageResource {

  @Inject PackageService packages;
  @Inject org.dars.curriculum.CurriculumService curricula;
  @Inject org.dars.security.Access access;

  @Allowed({Role.PARTNER_SYNC, Role.AUTHOR, Role.ADMIN})
  @GET
  @Produces("application/zip")
  public Response get(@PathParam("id") String id, @PathParam("version") String version, @QueryParam("since") String since,
      @HeaderParam("Range") String range,
      @HeaderParam("If-Range") String ifRange) {
    curricula.checkExportable(CurriculumId.parse(id));
    PackageService.Built built = access.asSystem(() -> packages.build(CurriculumId.parse(id), ReleaseVersion.parse(version),
        Optional.ofNullable(since).filter(s -> !s.isBlank()).map(ReleaseVersion::parse)));
    String etag = "\"" + built.etag() + "\"";
    long size = built.size();
    long start = 0;
    long end = size - 1;
    boolean partial = false;
    if (range != null && (ifRange == null || ifRange.strip().equals(etag))) {
      Optional<long[]> span = ByteRanges.parse(range, size, "the package");
      if (span.isPresent()) {
        start = span.get()[0];
        end = span.get()[1];
        partial = true;
      }
    }
    long from = start;
    long length = end - start + 1;
    StreamingOutput body = out -> {
      try (FileChannel ch = FileChannel.open(built.file(), StandardOpenOption.READ)) {
        ch.position(from);
        InputStream in = Channels.newInputStream(ch);
        byte[] buf = new byte[1 << 16];
        long remaining = length;
        while (remaining > 0) {
          int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
          if (n == -1) {
            throw new IOException("Package file " + built.file() + " is shorter than expected");
          }
          out.write(buf, 0, n);
          remaining -= n;
        }
      }
    };
    Response.ResponseBuilder r = partial
        ? Response.status(206).header("Content-Range", "bytes " + start + "-" + end + "/" + size)
        : Response.ok();
    return r.entity(body).type("application/zip").header("Content-Length", length).header("ETag", etag)
        .header("Accept-Ranges", "bytes")
        .header("Content-Disposition", "attachment; filename=\"" + built.fileName() + "\"").build();
  }
}
