package org.dars.sharing;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.dars.platform.Actor;
import org.dars.platform.DarsException;

/**
 * {@code POST /api/v1/imports}: a package as the request body ({@code application/zip} or
 * {@code application/octet-stream}), or {@code {"path": "..."}} naming a file in the import folder
 * (a USB stick's content copied there). Answers the import report; a refused package is a 422
 * problem whose type names the reason.
 */
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
  @Inject ImportService imports;
  @Inject Actor actor;

  @Allowed(Role.ADMIN)
  @POST
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  public ImportReport upload(InputStream body) {
    return imports.importUpload(body, actor.name());
  }

  @Allowed(Role.ADMIN)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public ImportReport fromFolder(String body) {
    JsonObject o = org.dars.platform.JsonBodies.object(body);
    if (!(o.get("path") instanceof JsonString path)) {
      throw DarsException.invalid("invalid-field",
          "'path' is required: the package's file name inside the import folder, such as \"khuzestan-1.1.zip\".");
    }
    return imports.importFromFolder(path.getString(), actor.name());
  }
}
