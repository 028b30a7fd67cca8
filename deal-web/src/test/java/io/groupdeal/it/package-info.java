/**
 * Integration tests: the real WAR on Payara Micro against a real MariaDB, driven over HTTP and in Chromium like a
 * client would. Each test makes its own tenants, so the classes run in any order.
 */
package io.groupdeal.it;
