package io.groupdeal.domain.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.domain.shared.Violation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamTermsTest {

    private static final BigDecimal PRICE = new BigDecimal("19.90");

    private static List<String> fields(TeamTerms team) {
        return team.violations(PRICE, 2).stream().map(Violation::field).toList();
    }

    @Test
    void noTeamBuyIsValid() {
        assertTrue(TeamTerms.NONE.violations(PRICE, 2).isEmpty());
        assertTrue(TeamTerms.NONE.violations(null, 2).isEmpty());
    }

    @Test
    void aTeamOfTwoToTenBelowThePriceWithinAWeekIsValid() {
        assertTrue(
                new TeamTerms(2, new BigDecimal("9.90"), 5).violations(PRICE, 2).isEmpty());
        assertTrue(new TeamTerms(10, new BigDecimal("19.89"), 7 * 24 * 60)
                .violations(PRICE, 2)
                .isEmpty());
    }

    @Test
    void theSizeLiesBetweenTwoAndTen() {
        assertEquals(List.of("teamSize"), fields(new TeamTerms(1, new BigDecimal("9.90"), 60)));
        assertEquals(List.of("teamSize"), fields(new TeamTerms(11, new BigDecimal("9.90"), 60)));
    }

    @Test
    void theTeamPriceIsMoreThanZeroAndLessThanThePrice() {
        assertEquals(List.of("teamPrice"), fields(new TeamTerms(3, new BigDecimal("19.90"), 60)));
        assertEquals(List.of("teamPrice"), fields(new TeamTerms(3, new BigDecimal("25"), 60)));
        assertEquals(List.of("teamPrice"), fields(new TeamTerms(3, BigDecimal.ZERO, 60)));
        assertEquals(
                List.of("teamPrice"), fields(new TeamTerms(3, new BigDecimal("9.999"), 60)), "the currency's decimals");
        assertEquals(
                List.of("teamPrice"),
                new TeamTerms(3, new BigDecimal("9.90"), 60)
                        .violations(null, 2).stream().map(Violation::field).toList(),
                "a team price needs the deal's price");
    }

    @Test
    void theWindowIsFiveMinutesToAWeekAndEveryPartIsNeeded() {
        assertEquals(List.of("teamWindowMinutes"), fields(new TeamTerms(3, new BigDecimal("9.90"), 4)));
        assertEquals(List.of("teamWindowMinutes"), fields(new TeamTerms(3, new BigDecimal("9.90"), 7 * 24 * 60 + 1)));
        assertEquals(List.of("teamPrice", "teamWindowMinutes"), fields(new TeamTerms(3, null, null)));
    }

    @Test
    void firstNamesAreTheFirstWordOfTheName() {
        assertEquals("Mei", io.groupdeal.domain.team.TeamMember.firstName("  Mei Lin "));
        assertEquals("王芳", io.groupdeal.domain.team.TeamMember.firstName("王芳"));
        assertEquals("", io.groupdeal.domain.team.TeamMember.firstName(null));
    }
}
