package io.groupdeal.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which percent escapes RequestLimits takes: two hex digits each, decoding as UTF-8, hiding no dot segment. */
class RequestLimitsTest {

    @Test
    void wellFormedEscapesPass() {
        for (String raw :
                new String[] {null, "", "/api/v1/deals", "q=Caf%C3%A9%20Lunch", "/a%2Fb", "q=%e2%82%ac", "a=1&b=%25"}) {
            assertTrue(RequestLimits.wellEscaped(raw), raw);
        }
    }

    @Test
    void malformedEscapesAreCaught() {
        for (String raw :
                new String[] {"%", "q=%", "q=%2", "q=%zz", "/a%g1", "q=%FF", "/%C0%AF", "q=%C3", "q=%ED%A0%80"}) {
            assertFalse(RequestLimits.wellEscaped(raw), raw);
        }
    }

    @Test
    void pathsNamingControlCharactersAreCaught() {
        for (String raw :
                new String[] {"/api/v1/stores/%00", "/api/v1/stores/01ABC%00", "/a%0Ab", "/a%1f", "/a%7F", "/a%zz"}) {
            assertFalse(RequestLimits.acceptablePath(raw), raw);
        }
        for (String raw : new String[] {"/api/v1/stores/01ABC", "/a%20b", "/a%2Fb", "/caf%C3%A9", "/a%2500"}) {
            assertTrue(RequestLimits.acceptablePath(raw), raw);
        }
    }

    @Test
    void dotSegmentsWrittenWithEscapesAreCaught() {
        for (String raw : new String[] {
            "/merchant%2F..%2Flogin.xhtml",
            "/%2F..",
            "/a/%2E%2E/login.xhtml",
            "/a/.%2E/b",
            "/a/..%2Fb",
            "/a/..%5Cb",
            "/api/v1/%2E/deals",
            "/a%2F.%2Fb"
        }) {
            assertFalse(RequestLimits.acceptablePath(raw), raw);
        }
        for (String raw :
                new String[] {"/a%2F...%2Fb", "/a%2F..b", "/deal%2Exhtml", "/a%2Fb/..c", "/files/%2E%2E%2E"}) {
            assertTrue(RequestLimits.acceptablePath(raw), raw);
        }
    }
}
