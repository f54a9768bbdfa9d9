package org.dars.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What an account may do. An account holds any number of roles. */
public enum Role {
  /** Users, organisations, partners, imports, index rebuilds, fixity and the audit log. */
  ADMIN,
  /** Creates and edits its own organisation's items and curricula, publishes releases. */
  AUTHOR,
  /** Approves or returns its organisation's items and releases when the organisation requires review. */
  REVIEWER,
  /** Searches, views, downloads and registers course links. */
  INSTRUCTOR,
  /** A partner instance pulling release packages; nothing else. */
  PARTNER_SYNC;

  /** The roles that read content: everyone but the package-pulling machine. */
  public static final Set<Role> READERS = EnumSet.of(ADMIN, AUTHOR, REVIEWER, INSTRUCTOR);

  /** The name used in the API, the database and the container: {@code partner-sync}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Role> of(String id) {
    return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
  }

  static EnumSet<Role> parseList(String csv) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    if (csv != null) {
      for (String part : csv.split(",")) {
        of(part.strip()).ifPresent(roles::add);
      }
    }
    return roles;
  }

  static String toList(Set<Role> roles) {
    return roles.stream().sorted().map(Role::id).collect(Collectors.joining(","));
  }
}
