/** The application's data source and the Flyway migrations that own the schema. */
package io.groupdeal.infrastructure.database;
