/**
 * Throttling: how many attempts a subject (an email's logins, a client address, an account at the counter) may make
 * within a window, decided from one row per subject that every server instance shares through the database.
 */
package io.groupdeal.domain.throttle;
