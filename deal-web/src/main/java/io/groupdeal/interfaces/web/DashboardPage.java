package io.groupdeal.interfaces.web;

import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.report.DashboardService;
import io.groupdeal.interfaces.rest.report.DashboardDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.LocalDate;

/**
 * The merchant's landing page: KPIs of a period (default the last 30 days up to today in the business's time zone)
 * and charts drawn by Chart.js from the same figures as {@code /dashboard}, handed over as JSON in a data attribute;
 * CSV of the same.
 */
@Named
@RequestScoped
public class DashboardPage extends PeriodPage {

    static final int DEFAULT_DAYS = 30;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    private DashboardService dashboards;

    private DashboardDto dashboard;

    public void load() {
        LocalDate today = dashboards.today();
        LocalDate end = day(to, today);
        LocalDate start = day(from, end.minusDays(DEFAULT_DAYS - 1L));
        from = start.toString();
        to = end.toString();
        try {
            dashboard = DashboardDto.of(dashboards.of(start, end));
        } catch (Problem refused) {
            Messages.error(refused);
        }
    }

    public void downloadCsv() {
        load();
        if (dashboard != null) {
            Downloads.csv("dashboard-" + from + "-" + to + ".csv", dashboard.csv(Messages.language()));
        }
    }

    /** The link of a preset period: the last {@code days} days up to today. */
    public String last(int days) {
        LocalDate today = dashboards.today();
        return "?from=" + today.minusDays(days - 1L) + "&to=" + today;
    }

    /** The figures for the charts, as JSON (the page escapes it into an attribute; the script parses it). */
    public String getChartData() {
        return dashboard == null ? "{}" : JSON.toJson(dashboard);
    }

    /** A rate such as "0.4167" as "41.7 %"; a dash when there was nothing to divide. */
    public String percent(String rate) {
        return rate == null
                ? "–"
                : new java.math.BigDecimal(rate).movePointRight(2).setScale(1, java.math.RoundingMode.HALF_EVEN) + " %";
    }

    public DashboardDto getDashboard() {
        return dashboard;
    }
}
