/**
 * Who is asking, and what they may see and do. People sign in with a form (a session), API clients
 * send HTTP Basic or a Bearer API token; one Jakarta Security mechanism ({@link
 * DarsAuthenticationMechanism}) turns each into a {@link Caller}: an account, its organisation and
 * its roles. Resource methods declare who may call them with {@link Allowed}; services ask {@link
 * Access} whether the caller may read or change one item or curriculum, by its owner organisation,
 * {@link Visibility} and review state. Security-relevant events go to the {@link AuditLog}.
 */
package org.dars.security;
