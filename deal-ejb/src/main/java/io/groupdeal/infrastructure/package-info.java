/** Technical services under the application: database and migrations, clock, health, demo data. */
package io.groupdeal.infrastructure;
