package io.groupdeal.domain.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void everyControlCharacterBreaksALine() {
        for (char c = 0; c < 0x20; c++) {
            assertFalse(PlainText.isSingleLine("a" + c + "b"), "C0 " + (int) c);
        }
        for (char c = 0x7f; c <= 0x9f; c++) {
            assertFalse(PlainText.isSingleLine("a" + c + "b"), "DEL or C1 " + (int) c);
            assertFalse(PlainText.isMultiLine("a" + c + "b"), "DEL or C1 " + (int) c);
        }
        assertFalse(PlainText.isSingleLine("a\u2028b"));
    }

    @Test
    void linesMayHoldBreaksAndTabsButNoOtherControlCharacter() {
        assertTrue(PlainText.isMultiLine("First\r\nSecond\tthird\n"));
        assertFalse(PlainText.isMultiLine("Nul\u0000"));
        assertFalse(PlainText.isMultiLine("Bell\u0007"));
        assertFalse(PlainText.isSingleLine("Two\nlines"));
        assertFalse(PlainText.isSingleLine("Tab\tbed"));
    }

    @Test
    void surrogatesMustBePairs() {
        assertTrue(PlainText.isSingleLine("Noodles 🍜 für zwei, naïve café"));
        assertFalse(PlainText.isSingleLine("a\ud800b"));
        assertFalse(PlainText.isSingleLine("a\udc00"));
        assertFalse(PlainText.isSingleLine("end\ud83c"));
        assertTrue(PlainText.isSingleLine(null));
    }
}
