package io.groupdeal.interfaces.web;

import io.groupdeal.application.deal.DealService;
import io.groupdeal.interfaces.rest.deal.DealDto;
import io.groupdeal.interfaces.rest.deal.ReportDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"deal-" + id + "-report.csv\"");
        try {
            external.getResponseOutputStream().write(report.csv().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public DealDto getDeal() { return deal; }
    public ReportDto getReport() { return report; }
}
