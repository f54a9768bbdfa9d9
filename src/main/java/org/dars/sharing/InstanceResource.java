package org.dars.sharing;

import org.dars.security.Allowed;
import org.dars.security.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** This instance's identity, for a partner's administrator to register it. */
@Path("/instance")
@Produces(MediaType.APPLICATION_JSON)
public class InstanceResource {
  @Inject InstanceIdentity identity;

  public record InstanceView(String instanceId, String organisation, String publicKey, String publicKeyPem) {}

  @Allowed(anonymous = true)
  @GET
  public InstanceView get() {
    return identity.view();
  }
}
