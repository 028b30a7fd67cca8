package io.groupdeal.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void normalisesCaseAndSpaces() {
        assertEquals("mia@noodle.example", new EmailAddress("  Mia@Noodle.EXAMPLE ").value());
        assertEquals(new EmailAddress("a@b.io"), new EmailAddress("A@B.IO"));
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        for (String text : new String[] {
            null,
            "",
            " ",
            "mia",
            "mia@",
            "@noodle.example",
            "mia@noodle",
            "mia@@noodle.example",
            "mia noodle@example.com",
            "mia@noodle..example",
            "x".repeat(250) + "@b.io"
        }) {
            InvalidValue invalid = assertThrows(InvalidValue.class, () -> new EmailAddress(text), String.valueOf(text));
            assertEquals("email", invalid.field());
            assertFalse(EmailAddress.isValid(text));
        }
        assertTrue(EmailAddress.isValid("first.last+deals@sub.example.co.uk"));
    }
}
