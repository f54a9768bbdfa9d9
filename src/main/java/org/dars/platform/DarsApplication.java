package org.dars.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The REST API, versioned in its path. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Dars",
            version = "1",
            description =
                "Learning content repository for curricula shared between Khuzestan and Maysan.",
            license = @License(name = "Apache-2.0")))
public class DarsApplication extends Application {}
