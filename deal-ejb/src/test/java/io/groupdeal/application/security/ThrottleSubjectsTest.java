package io.groupdeal.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThrottleSubjectsTest {

    @Test
    void anEmailCountsAsOneSubjectWhateverItsCaseAndSpaces() {
        assertEquals(Throttle.emailSubject("Ann@Example.com"), Throttle.emailSubject("  ann@example.COM "));
        assertNotEquals(Throttle.emailSubject("ann@example.com"), Throttle.emailSubject("bob@example.com"));
        assertTrue(Throttle.emailSubject("ann@example.com").matches("login:[0-9a-f]{64}"), "only a hash is stored");
        assertTrue(Throttle.emailSubject(null).startsWith("login:"));
        assertTrue(Throttle.emailSubject("x".repeat(10_000)).length() <= 100, "fits the column whatever is sent");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        assertEquals("address:20010db8000000aa::/64", Throttle.addressSubject("2001:db8:0:aa::1"));
        assertEquals(Throttle.addressSubject("2001:db8:0:aa::1"), Throttle.addressSubject("2001:db8:0:aa:ffff:1:2:3"));
        assertNotEquals(Throttle.addressSubject("2001:db8:0:aa::1"), Throttle.addressSubject("2001:db8:0:ab::1"));
        assertEquals(
                "address:203.0.113.7", Throttle.addressSubject("::ffff:203.0.113.7"), "an IPv4 address in IPv6 form");
    }

    @Test
    void anIpv4ClientCountsByItsAddress() {
        assertEquals("address:203.0.113.7", Throttle.addressSubject("203.0.113.7"));
        assertNotEquals(Throttle.addressSubject("203.0.113.7"), Throttle.addressSubject("203.0.113.8"));
    }

    @Test
    void anythingElseIsBoundedAscii() {
        String subject = Throttle.addressSubject("höst name " + "y".repeat(500));
        assertTrue(subject.length() <= 100, subject);
        assertTrue(subject.chars().allMatch(c -> c > 0x20 && c < 0x7f), subject);
    }
}
