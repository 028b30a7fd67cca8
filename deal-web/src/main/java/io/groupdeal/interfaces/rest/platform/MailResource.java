package io.groupdeal.interfaces.rest.platform;

import io.groupdeal.application.mail.MailOperations;
import io.groupdeal.domain.mail.MailStatus;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.interfaces.problem.ProblemWords;
import io.groupdeal.interfaces.rest.PageDto;
import io.groupdeal.interfaces.rest.Paging;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The operator's outbox: {@code GET ?status=FAILED}, send one failed mail again, or all of them; reasons follow {@code Accept-Language}. */
@ApplicationScoped
@Path("v1/platform/mails")
@Produces(MediaType.APPLICATION_JSON)
public class MailResource {

    @EJB
    private MailOperations mails;

    @GET
    public PageDto<MailDto> mails(
            @QueryParam("status") MailStatus status,
            @BeanParam Paging paging,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        Language language = ProblemWords.language(acceptLanguage);
        return PageDto.of(mails.mails(status, paging.request()), mail -> MailDto.of(mail, language));
    }

    @POST
    @Path("{id}/retry")
    public MailDto retry(@PathParam("id") String id, @HeaderParam("Accept-Language") String acceptLanguage) {
        return MailDto.of(mails.retry(id), ProblemWords.language(acceptLanguage));
    }

    /** Every FAILED mail back to PENDING: {@code {"retried": n}}. */
    @POST
    @Path("retry")
    public Retried retryFailed() {
        return new Retried(mails.retryFailed());
    }

    public record Retried(int retried) {}
}
