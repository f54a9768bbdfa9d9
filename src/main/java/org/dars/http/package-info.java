/**
 * What every HTTP exchange passes through, whoever is signed in: the security headers of every
 * response (one Content-Security-Policy, nosniff, Referrer-Policy, HSTS over TLS), the CSRF check
 * of unsafe API requests that ride on a session cookie, and the size and nesting limits of JSON
 * request bodies. See docs/decisions/0030-http-hardening.md.
 */
package org.dars.http;
