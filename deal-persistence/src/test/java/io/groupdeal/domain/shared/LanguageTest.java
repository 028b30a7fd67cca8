package io.groupdeal.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void anyChineseIsSimplifiedChineseAndUnknownLanguagesAreNone() {
        assertEquals(Optional.of(Language.ZH_CN), Language.ofTag("zh"));
        assertEquals(Optional.of(Language.ZH_CN), Language.ofTag("zh-Hans-CN"));
        assertEquals(Optional.of(Language.ZH_CN), Language.ofTag("ZH_CN"));
        assertEquals(Optional.of(Language.EN), Language.ofTag("en-GB"));
        assertEquals(Optional.empty(), Language.ofTag("fr"));
        assertEquals(Optional.empty(), Language.ofTag(""));
        assertEquals("zh-CN", Language.ZH_CN.tag());
    }

    @Test
    void theFirstSpokenLanguageOfAPreferenceListWins() {
        assertEquals(
                Optional.of(Language.ZH_CN),
                Language.firstOf(List.of(Locale.FRENCH, Locale.forLanguageTag("zh-TW"), Locale.ENGLISH)));
        assertEquals(Optional.empty(), Language.firstOf(List.of(Locale.GERMAN)));
    }
}
