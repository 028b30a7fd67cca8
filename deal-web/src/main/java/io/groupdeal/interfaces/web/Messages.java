package io.groupdeal.interfaces.web;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.domain.shared.InvalidValue;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Shows what went wrong in words a person understands, beside the form that caused it. */
final class Messages {

    private Messages() {
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    static void error(RuntimeException failure) {
        if (failure instanceof Problem problem && !problem.errors().isEmpty()) {
            if (!(failure instanceof InvalidInput)) {
                error(problem.detail());
            }
            problem.errors().forEach(e -> error(Labels.field(e.field()) + " " + e.message() + "."));
        } else if (failure instanceof InvalidValue invalid) {
            error(Labels.field(invalid.field()) + " " + invalid.getMessage() + ".");
        } else if (failure instanceof Problem problem) {
            error(problem.detail());
        } else {
            throw failure;
        }
    }

    /** Runs a page action; a refusal from the application becomes a message instead of an error page. */
    static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (Problem | InvalidValue failure) {
            error(failure);
            return false;
        }
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

    private static final class Labels {
        static String field(String field) {
            return switch (field) {
                case "storeIds" -> "Stores";
                case "timeZone" -> "Time zone";
                case "businessName" -> "Business name";
                case "finePrint" -> "Fine print";
                case "originalValue" -> "Original value";
                case "minBuyers" -> "Buyers needed";
                case "maxQuantity" -> "Coupons available";
                case "perBuyerLimit" -> "Limit per buyer";
                case "salesStart" -> "Sales start";
                case "salesEnd" -> "Sales end";
                case "couponValidUntil" -> "Coupons valid until";
                default -> Character.toUpperCase(field.charAt(0)) + field.substring(1);
            };
        }
    }
}
