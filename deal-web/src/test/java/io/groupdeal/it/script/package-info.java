/**
 * What the driver programs under {@code .ci} share ({@code .ci/Cluster.java}, {@code .ci/Faults.java}): their checks,
 * their HTTP and JDBC calls and the merchant, deals and buyers they set up. The scripts run those programs as JDK 17
 * single-file sources with only the MySQL driver and these test classes on the class path, so a helper they share
 * lives here, and uses the JDK and JDBC only (as {@link io.groupdeal.it.LedgerCheck}, which they use too).
 */
package io.groupdeal.it.script;
