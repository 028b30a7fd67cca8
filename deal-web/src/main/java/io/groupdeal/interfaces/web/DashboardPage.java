package io.groupdeal.interfaces.web;

import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.report.DashboardService;
import io.groupdeal.domain.report.Dashboard;
import io.groupdeal.interfaces.csv.DashboardCsv;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.LocalDate;

/**
 * The merchant's landing page: KPIs of a period (default the last 30 days up to today in the business's time zone)
 * and charts drawn by Chart.js from the same figures as {@code /dashboard}, handed over as JSON in a data attribute;
 * CSV of the same (the API's file).
 */
@Named
@RequestScoped
public class DashboardPage extends PeriodPage {

    static final int DEFAULT_DAYS = 30;

    @EJB
    private DashboardService dashboards;

    private Dashboard dashboard;

    public void load() {
        LocalDate today = dashboards.today();
        LocalDate end = day(to, today);
        LocalDate start = day(from, end.minusDays(DEFAULT_DAYS - 1L));
        from = start.toString();
        to = end.toString();
        try {
            dashboard = dashboards.of(start, end);
        } catch (Problem refused) {
            Messages.error(refused);
        }
    }

    public void downloadCsv() {
        load();
        if (dashboard != null) {
            Downloads.csv("dashboard-" + from + "-" + to + ".csv", DashboardCsv.of(dashboard, Messages.language()));
        }
    }

    /** The link of a preset period: the last {@code days} days up to today. */
    public String last(int days) {
        LocalDate today = dashboards.today();
        return "?from=" + today.minusDays(days - 1L) + "&to=" + today;
    }

    /**
     * The figures the charts draw (dashboard.js), as JSON: {@code byDay} [{date, sold, redeemed}], {@code byStore}
     * [{storeName, redeemed}] and {@code topDeals} [{title, sold, redeemed}]. The page escapes it into an attribute;
     * the script parses it.
     */
    public String getChartData() {
        if (dashboard == null) {
            return "{}";
        }
        JsonArrayBuilder days = Json.createArrayBuilder();
        dashboard
                .byDay()
                .forEach(d -> days.add(Json.createObjectBuilder()
                        .add("date", d.date().toString())
                        .add("sold", d.sold())
                        .add("redeemed", d.redeemed())));
        JsonArrayBuilder stores = Json.createArrayBuilder();
        dashboard
                .byStore()
                .forEach(s -> stores.add(Json.createObjectBuilder()
                        .add("storeName", s.storeName())
                        .add("redeemed", s.redeemed())));
        JsonArrayBuilder deals = Json.createArrayBuilder();
        dashboard
                .topDeals()
                .forEach(t -> deals.add(Json.createObjectBuilder()
                        .add("title", t.title())
                        .add("sold", t.sold())
                        .add("redeemed", t.redeemed())));
        return Json.createObjectBuilder()
                .add("byDay", days)
                .add("byStore", stores)
                .add("topDeals", deals)
                .build()
                .toString();
    }

    public Dashboard getDashboard() {
        return dashboard;
    }
}
