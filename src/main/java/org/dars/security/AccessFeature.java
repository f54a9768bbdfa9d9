package org.dars.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Set;
import org.dars.platform.DarsConfig;

/**
 * Puts the {@link Allowed} check in front of every resource method. A method that declares no
 * access rule fails the deployment: there is no endpoint whose access nobody decided.
 */
@Provider
public class AccessFeature implements DynamicFeature {
  @Override
  public void configure(ResourceInfo info, FeatureContext context) {
    Method method = info.getResourceMethod();
    Allowed allowed = method.getAnnotation(Allowed.class);
    if (allowed == null) {
      allowed = info.getResourceClass().getAnnotation(Allowed.class);
    }
    if (allowed == null) {
      throw new IllegalStateException(info.getResourceClass().getName() + "." + method.getName()
          + " declares no @Allowed access rule; every Dars endpoint must say who may call it.");
    }
    Set<Role> roles = allowed.value().length == 0 ? Set.of() : EnumSet.of(allowed.value()[0], allowed.value());
    context.register(new Check(roles, allowed.anonymous()));
  }

  @Priority(Priorities.AUTHORIZATION)
  static final class Check implements ContainerRequestFilter {
    private final Set<Role> roles;
    private final boolean anonymous;

    Check(Set<Role> roles, boolean anonymous) {
      this.roles = roles;
      this.anonymous = anonymous;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      Access access = CDI.current().select(Access.class).get();
      if (anonymous) {
        if (access.caller().isAnonymous() && !CDI.current().select(DarsConfig.class).get().anonymousRead()) {
          throw Access.signInRequired();
        }
        return;
      }
      access.require(roles);
    }
  }
}
