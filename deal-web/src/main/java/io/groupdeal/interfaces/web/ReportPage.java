package io.groupdeal.interfaces.web;

import io.groupdeal.application.deal.DealService;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealReport;
import io.groupdeal.interfaces.csv.ReportCsv;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** A deal's report: sold, revenue, redeemed, refunded, redemption rate, by store and by day; also as CSV. */
@Named
@RequestScoped
public class ReportPage {

    @EJB
    private DealService deals;

    private String id;
    private Deal deal;
    private DealReport report;

    public void load() {
        try {
            deal = deals.get(id).deal();
            report = deals.report(id);
        } catch (io.groupdeal.application.problem.NotFound notFound) {
            Messages.notFound();
        }
    }

    public void downloadCsv() {
        load();
        Downloads.csv("deal-" + id + "-report.csv", ReportCsv.of(report, deal.currency(), Messages.language()));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Deal getDeal() {
        return deal;
    }

    public DealReport getReport() {
        return report;
    }
}
