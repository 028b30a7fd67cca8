package io.groupdeal.infrastructure.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DatabaseMigrationTest {

    @Test
    void theLogNamesHostAndPortButNeverCredentials() {
        assertEquals("db.internal:3306", DatabaseMigration.address("jdbc:mysql://db.internal:3306/deal?useSSL=true"));
        assertEquals("db:3306", DatabaseMigration.address("jdbc:mysql://deal:secret@db:3306/deal"));
        assertEquals("127.0.0.1:3307", DatabaseMigration.address("jdbc:mysql://127.0.0.1:3307"));
        assertEquals("(DEAL_DB_URL not set)", DatabaseMigration.address(""));
    }
}
