/** Every failure becomes one application/problem+json answer (RFC 9457); nothing internal ever leaks. */
package io.groupdeal.interfaces.rest.problem;
