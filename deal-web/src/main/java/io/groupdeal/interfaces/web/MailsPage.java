package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.mail.MailOperations;
import io.groupdeal.domain.mail.ListedMail;
import io.groupdeal.domain.mail.MailStatus;
import io.groupdeal.interfaces.problem.ProblemWords;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The operator's outbox (/platform/mails.xhtml): the mails that failed for good by default, or those waiting, sent,
 * or all; each failed one can be sent again, or all of them at once. Recipient, subject and reason only: never the
 * body, which holds coupon codes.
 */
@Named
@ViewScoped
public class MailsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FacesContext faces;

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Inject
    private MailOperations operations;

    private String status = MailStatus.FAILED.name();
    private List<ListedMail> mails = List.of();
    private long total;

    public void load() {
        MailStatus filter = "ALL".equals(status) ? null : parse(status);
        var page = operations.mails(filter, new PageRequest(0, PageRequest.MAX_SIZE));
        mails = page.items();
        total = page.total();
    }

    public String retry(ListedMail mail) {
        if (Messages.attempt(() -> operations.retry(mail.id()))) {
            Messages.info(Words.of("page.mails.retried", mail.recipient()));
            return reload();
        }
        return null;
    }

    public String retryAll() {
        int[] retried = new int[1];
        if (Messages.attempt(() -> retried[0] = operations.retryFailed())) {
            Messages.info(Words.of(
                    retried[0] == 0
                            ? "page.mails.retriedNone"
                            : retried[0] == 1 ? "page.mails.retriedOne" : "page.mails.retriedMany",
                    retried[0]));
            return reload();
        }
        return null;
    }

    /** Why a mail failed last, in the page's words ({@code lastError} is a key, or an old English sentence). */
    public String failure(ListedMail mail) {
        return ProblemWords.mailFailure(mail.lastError(), Messages.language());
    }

    /** UTC, to the minute, as the server log writes it. */
    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant) + " UTC";
    }

    private String reload() {
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return faces.getViewRoot().getViewId() + "?faces-redirect=true&status=" + status;
    }

    private static MailStatus parse(String text) {
        for (MailStatus candidate : MailStatus.values()) {
            if (candidate.name().equals(text)) {
                return candidate;
            }
        }
        return MailStatus.FAILED;
    }

    public String getStatus() {
        return status;
    }

    /** FAILED (the default), PENDING, SENT or ALL; anything else shows the failed ones. */
    public void setStatus(String status) {
        this.status = status == null || status.isBlank()
                ? MailStatus.FAILED.name()
                : "ALL".equals(status) ? "ALL" : parse(status).name();
    }

    public List<ListedMail> getMails() {
        return mails;
    }

    public long getTotal() {
        return total;
    }
}
