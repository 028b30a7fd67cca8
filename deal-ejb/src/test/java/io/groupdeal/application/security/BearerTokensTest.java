package io.groupdeal.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerTokensTest {

    @Test
    void tokensCarry256RandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = BearerTokens.newToken();
            assertEquals(32, Base64.getUrlDecoder().decode(token).length);
            assertTrue(BearerTokens.isWellFormed(token));
            assertTrue(seen.add(token));
        }
    }

    @Test
    void onlyTheHashIsKeptAndItIsStable() {
        String token = BearerTokens.newToken();
        String hash = BearerTokens.hash(token);
        assertEquals(64, hash.length());
        assertEquals(hash, BearerTokens.hash(token));
        assertNotEquals(hash, BearerTokens.hash(BearerTokens.newToken()));
        assertFalse(hash.contains(token));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", BearerTokens.hash(""));
    }

    @Test
    void malformedTokensAreNotLookedUp() {
        assertFalse(BearerTokens.isWellFormed(null));
        assertFalse(BearerTokens.isWellFormed(""));
        assertFalse(BearerTokens.isWellFormed("x".repeat(42)));
        assertFalse(BearerTokens.isWellFormed("x".repeat(42) + "="));
        assertFalse(BearerTokens.isWellFormed("x".repeat(42) + "/"));
    }
}
