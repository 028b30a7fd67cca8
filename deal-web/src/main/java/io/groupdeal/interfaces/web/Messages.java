package io.groupdeal.interfaces.web;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.domain.shared.InvalidValue;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.interfaces.problem.ProblemWords;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.ArrayList;
import java.util.List;

/** Shows what went wrong in words a person understands, beside the form that caused it. */
final class Messages {

    private Messages() {}

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String text) {
        error((String) null, text);
    }

    /** An error shown beside one form ({@code clientId} the form's id) or, for null, at the top of the page. */
    private static void error(String clientId, String text) {
        FacesContext.getCurrentInstance()
                .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    static void error(RuntimeException failure) {
        error(null, failure);
    }

    private static void error(String clientId, RuntimeException failure) {
        Language language = language();
        if (failure instanceof Problem problem && !problem.errors().isEmpty()) {
            if (!(failure instanceof InvalidInput)) {
                error(clientId, ProblemWords.detail(problem.reason(), language));
            }
            problem.errors()
                    .forEach(e -> error(
                            clientId, ProblemWords.sentence(e.field(), ProblemWords.rule(e, language), language)));
        } else if (failure instanceof InvalidValue invalid) {
            error(
                    clientId,
                    ProblemWords.sentence(
                            invalid.field(), ProblemWords.rule(invalid.rule(), invalid.args(), language), language));
        } else if (failure instanceof Problem problem) {
            error(clientId, ProblemWords.detail(problem.reason(), language));
        } else {
            throw failure;
        }
    }

    /** What a problem says on a page, in the view's language: its detail. */
    static String words(Problem problem) {
        return ProblemWords.detail(problem.reason(), language());
    }

    /** A problem's title on a page, in the view's language. */
    static String title(Problem problem) {
        return ProblemWords.title(problem.type(), language());
    }

    /** The language of the page being rendered (the view's locale). */
    static Language language() {
        return ProblemWords.language(
                FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** Runs a page action; a refusal from the application becomes a message at the top of the page. */
    static boolean attempt(Runnable action) {
        return attemptIn(null, action);
    }

    /**
     * Runs a form's action; a refusal becomes a message of that form ({@link #of}), shown beside it and nowhere else.
     */
    static boolean attemptIn(String formId, Runnable action) {
        try {
            action.run();
            return true;
        } catch (Problem | InvalidValue failure) {
            error(formId, failure);
            return false;
        }
    }

    /**
     * The messages of one form: its own and its inputs' (a required field left empty). A page with several forms
     * shows each form's messages beside it, and the page's own (global) ones once at the top (the layout's
     * {@code globalOnly} list), so that no message shows twice.
     */
    static List<FacesMessage> of(String formId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        List<FacesMessage> messages = new ArrayList<>();
        faces.getClientIdsWithMessages().forEachRemaining(clientId -> {
            if (clientId != null && (clientId.equals(formId) || clientId.startsWith(formId + ":"))) {
                faces.getMessages(clientId).forEachRemaining(messages::add);
            }
        });
        return messages;
    }

    /** Answers the page request with 404, as for a page that does not exist: used for another tenant's ids too. */
    static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, "Not found");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** The outcome that shows the current page again by a redirect, keeping the messages for it. */
    static String reloadPage() {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        return faces.getViewRoot().getViewId() + "?faces-redirect=true";
    }
}
