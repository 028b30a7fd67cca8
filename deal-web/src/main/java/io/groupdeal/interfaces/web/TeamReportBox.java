package io.groupdeal.interfaces.web;

import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.team.TeamService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The deal report's teams (拼团): how many were formed, completed and failed, and the newest ones. */
@Named
@RequestScoped
public class TeamReportBox {

    @Inject
    private FacesContext faces;

    @EJB
    private TeamService teams;

    private TeamCard.Report report;

    public TeamCard.Report getReport() {
        if (report == null) {
            String id = faces.getExternalContext().getRequestParameterMap().get("id");
            try {
                report = TeamCard.Report.of(teams.ofDeal(id));
            } catch (NotFound notFound) {
                report = new TeamCard.Report(java.util.List.of(), 0, 0, 0);
            }
        }
        return report;
    }
}
