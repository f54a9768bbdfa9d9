package org.dars.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a REST resource method: any of these roles, or, with {@code anonymous}, anyone at
 * all (the service then decides per item or curriculum what the caller may see). Every resource
 * method must say; a method without it stops the deployment ({@link AccessFeature}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {
  Role[] value() default {};

  /** Open to every caller, signed in or not (if the instance allows anonymous reading). */
  boolean anonymous() default false;
}
