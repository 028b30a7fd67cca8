/** The one clock of the application, so that time is injected rather than read from the system everywhere. */
package io.groupdeal.infrastructure.time;
