package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.counter.OfflineCounter;
import io.groupdeal.application.settings.SettingsService;
import io.groupdeal.domain.redemption.DoubleUse;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The merchant's double uses of the last {@value OfflineCounter#RECENT_DAYS} days, for the fragment that the
 * redemptions page and the dashboard include (WEB-INF/includes/double-uses.xhtml): coupons handed over offline at a
 * counter that had been used elsewhere meanwhile. Never hidden: a double use costs the merchant a service.
 */
@Named
@RequestScoped
public class DoubleUsesView {

    private static final int SHOWN = PageRequest.MAX_SIZE;

    /** A line of the list, in the page's words and the business's time zone. */
    public record Line(String code, String dealTitle, String offline, String what) {}

    @EJB
    private OfflineCounter offline;

    @EJB
    private SettingsService settings;

    private List<Line> lines;
    private long total;

    public List<Line> getLines() {
        if (lines == null) {
            ZoneId zone = settings.get().timeZone();
            var page = offline.doubleUses(null, null, null, new PageRequest(0, SHOWN));
            total = page.total();
            lines = page.items().stream().map(u -> line(u, zone)).toList();
        }
        return lines;
    }

    public long getTotal() {
        getLines();
        return total;
    }

    private Line line(DoubleUse u, ZoneId zone) {
        String what = "already-redeemed".equals(u.reason()) && u.otherRedeemedAt() != null
                ? words(
                        "counter.doubleUses.reason.already-redeemed",
                        u.otherStoreName() == null ? words("counter.refusal.removedStore") : u.otherStoreName(),
                        moment(u.otherRedeemedAt(), zone))
                : words("counter.doubleUses.reason." + u.reason());
        return new Line(
                u.code(),
                u.dealTitle(),
                words("counter.doubleUses.offline", moment(u.redeemedOfflineAt(), zone), u.storeName(), u.staffName()),
                what);
    }

    /** A reason the bundle does not name yet shows as its last word rather than as its key. */
    private String words(String key, Object... arguments) {
        String worded = Words.of(key, arguments);
        return worded.equals(key) ? key.substring(key.lastIndexOf('.') + 1) : worded;
    }

    private String moment(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Words.locale())
                .format(instant.atZone(zone));
    }
}
