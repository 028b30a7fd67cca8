package io.groupdeal.interfaces.web;

import io.groupdeal.application.deal.DealService;
import io.groupdeal.interfaces.rest.deal.DealDto;
import io.groupdeal.interfaces.rest.deal.ReportDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A deal's report: sold, revenue, redeemed, refunded, redemption rate, by store and by day; also as CSV. */
@Named
@RequestScoped
public class ReportPage {

    @Inject
    private DealService deals;

    private String id;
    private DealDto deal;
    private ReportDto report;

    public void load() {
        try {
            deal = DealDto.of(deals.get(id));
            report = ReportDto.of(deals.report(id), deal.currency());
        } catch (io.groupdeal.application.problem.NotFound notFound) {
            Messages.notFound();
        }
    }

    public void downloadCsv() {
        load();
        Downloads.csv("deal-" + id + "-report.csv", report.csv(Messages.language()));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public DealDto getDeal() {
        return deal;
    }

    public ReportDto getReport() {
        return report;
    }
}
