package io.groupdeal.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final Set<String> PROXIES = ClientAddress.parse(" 10.0.0.5, 10.0.0.6 ,not-an-address");

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("198.51.100.9", ClientAddress.resolve("198.51.100.9", List.of("203.0.113.7"), Set.of()));
        assertEquals("198.51.100.9", ClientAddress.resolve("198.51.100.9", List.of("203.0.113.7"), PROXIES));
    }

    @Test
    void behindATrustedProxyTheLastUntrustedHopIsTheClient() {
        assertEquals("203.0.113.7", ClientAddress.resolve("10.0.0.5", List.of("203.0.113.7"), PROXIES));
        // The client made up the first entry itself; the proxies appended what they saw.
        assertEquals(
                "203.0.113.7", ClientAddress.resolve("10.0.0.5", List.of("1.2.3.4, 203.0.113.7, 10.0.0.6"), PROXIES));
        assertEquals(
                "203.0.113.7", ClientAddress.resolve("10.0.0.5", List.of("1.2.3.4", "203.0.113.7,10.0.0.6"), PROXIES));
    }

    @Test
    void aTrustedProxyWithoutHeaderOrWithGarbageIsTheClient() {
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", List.of(), PROXIES));
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", List.of("evil.example.com"), PROXIES));
        assertEquals("10.0.0.6", ClientAddress.resolve("10.0.0.5", List.of("1.2.3.4, unknown, 10.0.0.6"), PROXIES));
    }

    @Test
    void addressesAreComparedInTheirCanonicalForm() {
        Set<String> v6 = ClientAddress.parse("::1");
        assertEquals("2001:db8:0:0:0:0:0:1", ClientAddress.resolve("0:0:0:0:0:0:0:1", List.of("[2001:db8::1]"), v6));
        assertEquals(Set.of("10.0.0.5", "10.0.0.6"), PROXIES, "entries that are no address are left out");
    }
}
