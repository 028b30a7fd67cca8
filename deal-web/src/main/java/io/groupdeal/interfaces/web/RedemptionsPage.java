package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.counter.CounterService;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.settings.SettingsService;
import io.groupdeal.domain.redemption.Redemption;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.LocalFormats;
import io.groupdeal.domain.store.Store;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The merchant's redemption history by store and date range (the business's days), newest first, undone ones with
 * who undid them and why. The filter is a plain GET form, so a view can be bookmarked.
 */
@Named
@RequestScoped
public class RedemptionsPage extends PeriodPage {

    private static final int SHOWN = PageRequest.MAX_SIZE;

    /** A line of the history. */
    public record Line(String when, String storeName, String code, String dealTitle, String staffName, String status) {}

    @Inject
    private CounterService counter;

    @Inject
    private SettingsService settings;

    private String storeId;
    private List<Line> lines;
    private long total;

    /** Reads the filter (default: the last 7 days at every store) and the history. */
    public void load() {
        ZoneId zone = settings.get().timeZone();
        LocalDate today = LocalDate.now(zone);
        LocalDate start = day(from, today.minusDays(6));
        LocalDate end = day(to, today);
        if (end.isBefore(start)) {
            Messages.error(Words.of("page.redemptions.endBeforeStart"));
            end = start;
        }
        from = start.toString();
        to = end.toString();
        String store = storeId == null || storeId.isBlank() ? null : storeId;
        lines = List.of();
        try {
            var page = counter.history(store, start, end, new PageRequest(0, SHOWN));
            total = page.total();
            lines = page.items().stream().map(r -> line(r, zone)).toList();
        } catch (Problem refused) {
            Messages.error(refused);
        }
    }

    public List<Store> getStores() {
        return counter.stores();
    }

    private static Line line(Redemption r, ZoneId zone) {
        Language language = Words.language();
        String status = r.undone()
                ? Words.of(
                        "page.redemptions.undone",
                        LocalFormats.dateTime(r.undoneAt(), zone, language),
                        r.undoneByName(),
                        r.undoReason())
                : Words.of("page.redemptions.redeemed");
        return new Line(
                LocalFormats.dateTime(r.redeemedAt(), zone, language),
                r.storeName(),
                r.code(),
                r.dealTitle(),
                r.staffName(),
                status);
    }

    public List<Line> getLines() {
        return lines;
    }

    public long getTotal() {
        return total;
    }

    public int getShown() {
        return SHOWN;
    }

    public String getStoreId() {
        return storeId;
    }

    public void setStoreId(String storeId) {
        this.storeId = storeId;
    }
}
