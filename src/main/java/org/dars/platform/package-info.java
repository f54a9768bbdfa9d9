/**
 * What every feature stands on: configuration, database migration, the REST application, the
 * problem-detail (RFC 9457) error contract and health checks. Features throw {@link
 * org.dars.platform.DarsException} subclasses; the mappers here turn them, and anything
 * unexpected, into {@code application/problem+json}.
 */
package org.dars.platform;
