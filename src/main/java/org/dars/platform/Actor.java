package org.dars.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.security.Principal;

/** Who is making the current request, as recorded in histories. */
@RequestScoped
public class Actor {
  public static final String ANONYMOUS = "anonymous";
  public static final String SYSTEM = "system";

  @Inject Principal principal;

  public String name() {
    String name = principal == null ? null : principal.getName();
    return name == null || name.isBlank() ? ANONYMOUS : name;
  }
}
