package io.groupdeal.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreWellFormedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Ids.newId();
            assertEquals(Ids.LENGTH, id.length());
            assertTrue(Ids.isWellFormed(id), id);
            assertTrue(seen.add(id), "duplicate " + id);
        }
    }

    @Test
    void idsSortByCreationTime() throws InterruptedException {
        String first = Ids.newId();
        Thread.sleep(2);
        String second = Ids.newId();
        assertTrue(first.substring(0, 10).compareTo(second.substring(0, 10)) < 0);
    }

    @Test
    void anythingElseIsNotAnId() {
        for (String text : new String[] {
            null,
            "",
            "abc",
            "01AAAAAAAAAAAAAAAAAAAAAAA",
            "01AAAAAAAAAAAAAAAAAAAAAAAAA",
            "01aaaaaaaaaaaaaaaaaaaaaaaa",
            "01AAAAAAAAAAAAAAAAAAAAAAAU",
            "01AAAAAAAAAAAAAAAAAAAAAA'1",
            "../../etc/passwd"
        }) {
            assertFalse(Ids.isWellFormed(text), String.valueOf(text));
        }
    }
}
