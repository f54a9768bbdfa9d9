package org.dars.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is making a request: an account with its organisation and effective roles (a token's scopes
 * already applied), an anonymous visitor, or the system itself (start-up, scheduled sync).
 */
public record Caller(UUID account, String name, OrganisationId organisation, Set<Role> roles,
    boolean partnerOrganisation, boolean system) {
  public static final Caller ANONYMOUS = new Caller(null, "anonymous", null, Set.of(), false, false);
  public static final Caller SYSTEM = new Caller(null, "system", null, EnumSet.allOf(Role.class), false, true);

  public Caller {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean isAnonymous() {
    return account == null && !system;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean hasAny(Set<Role> any) {
    return any.stream().anyMatch(roles::contains);
  }

  public Optional<OrganisationId> organisationId() {
    return Optional.ofNullable(organisation);
  }

  /** Reads content at all (partner-sync machines and anonymous visitors do not, beyond public content). */
  public boolean isReader() {
    return system || hasAny(Role.READERS);
  }
}
