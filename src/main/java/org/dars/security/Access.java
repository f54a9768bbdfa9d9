package org.dars.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.dars.platform.DarsConfig;
import org.dars.platform.DarsException;

/**
 * The one place that decides whether the current caller may read, change or review a piece of
 * content. Web requests get their caller from {@link CallerFilter}, which holds it for the request's
 * thread; work that runs outside a web request (start-up, indexing, scheduled sync) acts as the
 * system. A thread-bound caller rather than a request-scoped bean, because indexing and sync run on
 * executor threads where no request context is active.
 *
 * <p>Content a caller may not read answers exactly like content that does not exist (404), so ids
 * reveal nothing; only an anonymous visitor is told to sign in (401), because the link they
 * followed may well be meant for them once they do.
 */
@ApplicationScoped
public class Access {
  private static final Set<Role> EDITORS = EnumSet.of(Role.AUTHOR, Role.REVIEWER, Role.ADMIN);

  @Inject DarsConfig config;

  private static final ThreadLocal<Caller> CALLER = new ThreadLocal<>();

  public Caller caller() {
    Caller c = CALLER.get();
    return c == null ? Caller.SYSTEM : c;
  }

  /** Binds the caller to this thread; returns the one bound before (null if none). */
  static Caller set(Caller caller) {
    Caller before = CALLER.get();
    CALLER.set(caller);
    return before;
  }

  static void restore(Caller before) {
    if (before == null) {
      CALLER.remove();
    } else {
      CALLER.set(before);
    }
  }

  /**
   * Runs work that was authorised as a whole (a package export, once the caller may export it) with
   * the system's rights, so its parts are not checked one by one against a caller who reads none.
   */
  public <T> T asSystem(java.util.function.Supplier<T> work) {
    Caller before = set(Caller.SYSTEM);
    try {
      return work.get();
    } finally {
      restore(before);
    }
  }

  /** 401 for anonymous callers, 403 for callers without any of the roles. */
  public void require(Set<Role> any) {
    Caller c = caller();
    if (c.system() || c.hasAny(any)) {
      return;
    }
    if (c.isAnonymous()) {
      throw signInRequired();
    }
    throw forbidden("This needs the role " + names(any) + "; you have " + (c.roles().isEmpty() ? "none" : names(c.roles())) + ".");
  }

  public void require(Role role) {
    require(EnumSet.of(role));
  }

  public boolean canRead(OrganisationId owner, Visibility visibility, ReviewState state) {
    Caller c = caller();
    if (c.system()) {
      return true;
    }
    boolean published = state == ReviewState.PUBLISHED;
    if (c.isReader() && owner != null && owner.equals(c.organisation())) {
      return published || c.hasAny(EDITORS);
    }
    if (!published) {
      return false;
    }
    return switch (visibility) {
      case PUBLIC -> c.isReader() || (c.isAnonymous() && config.anonymousRead());
      case PARTNERS -> c.isReader() && c.partnerOrganisation();
      case ORGANISATION -> false;
    };
  }

  /** Throws the caller's answer for unreadable content: sign in, or the same 404 as for nothing. */
  public void checkRead(OrganisationId owner, Visibility visibility, ReviewState state, Supplier<DarsException> notFound) {
    if (!canRead(owner, visibility, state)) {
      throw caller().isAnonymous() ? signInRequired() : notFound.get();
    }
  }

  /** Authors change their own organisation's content; anything else readable is 403, the rest 404. */
  public void checkEdit(OrganisationId owner, Visibility visibility, ReviewState state, Supplier<DarsException> notFound) {
    checkRead(owner, visibility, state, notFound);
    Caller c = caller();
    if (c.system()) {
      return;
    }
    if (!c.has(Role.AUTHOR)) {
      throw forbidden("Changing content needs the role author; you have " + names(c.roles()) + ".");
    }
    if (!owner.equals(c.organisation())) {
      throw forbidden("This belongs to the organisation '" + owner + "'; authors change only their own organisation's content.");
    }
  }

  /** Reviewers approve or return their own organisation's content; anything else readable is 403, the rest 404. */
  public void checkReview(OrganisationId owner, Visibility visibility, ReviewState state, Supplier<DarsException> notFound) {
    checkRead(owner, visibility, state, notFound);
    Caller c = caller();
    if (c.system()) {
      return;
    }
    if (!c.has(Role.REVIEWER)) {
      throw forbidden("Approving or returning needs the role reviewer.");
    }
    if (!owner.equals(c.organisation())) {
      throw forbidden("This belongs to the organisation '" + owner + "'; reviewers review only their own organisation's content.");
    }
  }

  /** The organisation new content of this caller belongs to. */
  public Optional<OrganisationId> owner() {
    return caller().organisationId();
  }

  public ReadScope readScope() {
    Caller c = caller();
    if (c.system()) {
      return new ReadScope(true, Optional.empty(), true, true, true);
    }
    boolean reader = c.isReader();
    return new ReadScope(false, reader ? c.organisationId() : Optional.empty(), reader && c.hasAny(EDITORS),
        reader && c.partnerOrganisation(), reader || (c.isAnonymous() && config.anonymousRead()));
  }

  public static DarsException signInRequired() {
    return new DarsException(401, "sign-in-required", "Unauthorized",
        "Sign in first: with the login page, HTTP Basic, or 'Authorization: Bearer <token>' using an API token.");
  }

  static DarsException forbidden(String detail) {
    return new DarsException(403, "forbidden", "Forbidden", detail);
  }

  private static String names(Set<Role> roles) {
    return String.join(" or ", roles.stream().sorted().map(Role::id).toList());
  }
}
