/**
 * Every failure becomes one application/problem+json answer (RFC 9457); nothing internal ever leaks. Shared by every
 * interface: the REST API's exception mappers, the filters and the authentication that answer before JAX-RS, and the
 * pages (their JSON endpoints, and the messages a form shows, worded by {@link ProblemWords}).
 */
package io.groupdeal.interfaces.problem;
