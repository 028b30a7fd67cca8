package io.groupdeal.application.team;

import io.groupdeal.domain.deal.SaleOption;
import io.groupdeal.domain.deal.TeamTerms;
import java.util.List;

/**
 * The team buy (拼团) a deal on sale offers to anyone: its terms ({@link TeamTerms#NONE}: none), its currency, and the
 * options a team may buy (every member buys the starter's choice at the team price).
 */
public record TeamOffer(TeamTerms terms, String currency, List<SaleOption> options) {

    public static final TeamOffer NONE = new TeamOffer(TeamTerms.NONE, null, List.of());

    public boolean offered() {
        return terms.offered();
    }
}
