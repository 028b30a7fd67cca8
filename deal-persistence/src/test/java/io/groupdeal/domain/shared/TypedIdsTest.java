package io.groupdeal.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A typed id always holds an id, and ids of two kinds are never equal, whatever their text. */
class TypedIdsTest {

    @Test
    void aTypedIdIsNeverMissingOrBlank() {
        for (String missing : new String[] {null, "", "  "}) {
            assertThrows(IllegalArgumentException.class, () -> new TenantId(missing));
            assertThrows(IllegalArgumentException.class, () -> new AccountId(missing));
            assertThrows(IllegalArgumentException.class, () -> new RequestKey(new AccountId("account-1"), missing));
        }
        assertThrows(NullPointerException.class, () -> new RequestKey(null, "key-1"));
    }

    @Test
    void idsOfTwoKindsWithTheSameTextAreNotTheSame() {
        String id = Ids.newId();
        assertEquals(new TenantId(id), new TenantId(id));
        assertNotEquals(new TenantId(id), new AccountId(id));
        assertEquals(new RequestKey(new AccountId(id), "k"), new RequestKey(new AccountId(id), "k"));
        assertNotEquals(new RequestKey(new AccountId(id), "k"), new RequestKey(new AccountId(Ids.newId()), "k"));
    }
}
