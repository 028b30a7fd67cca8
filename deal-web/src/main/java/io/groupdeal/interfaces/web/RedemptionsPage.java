package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.counter.CounterService;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.settings.SettingsService;
import io.groupdeal.domain.redemption.Redemption;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.LocalFormats;
import io.groupdeal.domain.store.Store;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The merchant's redemption history by store and date range, newest first, undone ones with who undid them and why.
 * A redemption happens at a store, so its times read in the store's time zone, as on the counter; when the stores are
 * in different zones each time names its zone. The filter is a plain GET form, so a view can be bookmarked.
 */
@Named
@RequestScoped
public class RedemptionsPage extends PeriodPage {

    private static final int SHOWN = PageRequest.MAX_SIZE;

    /** A line of the history; {@code zone} names the time zone of its times where the stores' zones differ, else empty. */
    public record Line(
            String when,
            String zone,
            String storeName,
            String code,
            String dealTitle,
            String staffName,
            String status) {}

    @EJB
    private CounterService counter;

    @EJB
    private SettingsService settings;

    private String storeId;
    private List<Line> lines;
    private long total;
    private String daysZone;

    /** Reads the filter (default: the last 7 days at every store) and the history. */
    public void load() {
        String store = storeId == null || storeId.isBlank() ? null : storeId;
        lines = List.of();
        try {
            ZoneId days = counter.historyZone(store);
            LocalDate today = LocalDate.now(days);
            LocalDate start = day(from, today.minusDays(6));
            LocalDate end = day(to, today);
            if (end.isBefore(start)) {
                Messages.error(Words.of("page.redemptions.endBeforeStart"));
                end = start;
            }
            from = start.toString();
            to = end.toString();
            Map<String, ZoneId> zones =
                    counter.stores().stream().collect(Collectors.toMap(Store::id, s -> ZoneId.of(s.timeZone())));
            boolean mixed = zones.values().stream().distinct().count() > 1;
            daysZone = mixed ? days.getId() : null;
            ZoneId business = settings.get().timeZone();
            var page = counter.history(store, start, end, new PageRequest(0, SHOWN));
            total = page.total();
            // An archived store is no longer listed: its times read in the business's zone, named.
            lines = page.items().stream()
                    .map(r -> zones.containsKey(r.storeId())
                            ? line(r, zones.get(r.storeId()), mixed)
                            : line(r, business, true))
                    .toList();
        } catch (Problem refused) {
            Messages.error(refused);
        }
    }

    public List<Store> getStores() {
        return counter.stores();
    }

    /** A line with its times in {@code zone}, which it names when {@code named}. */
    private static Line line(Redemption r, ZoneId zone, boolean named) {
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
                named ? zone.getId() : "",
                r.storeName(),
                r.code(),
                r.dealTitle(),
                r.staffName(),
                status);
    }

    /** The zone of the filter's days where the stores' zones differ (see {@code CounterService#historyZone}), else null. */
    public String getDaysZone() {
        return daysZone;
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
