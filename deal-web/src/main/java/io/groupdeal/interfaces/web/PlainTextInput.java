package io.groupdeal.interfaces.web;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.domain.shared.Language;
import io.groupdeal.domain.shared.PlainText;
import io.groupdeal.interfaces.problem.ProblemWords;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.html.HtmlInputTextarea;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import java.util.List;

/**
 * The pages' side of {@link PlainText}: a default validator of every input (see faces-config.xml), so that a form
 * field takes one line without control characters, and a text area several lines. Text areas that a page reads
 * from the raw form (a review, a reply) are checked with {@link #requireMultiLine}.
 */
@FacesValidator(PlainTextInput.ID)
public class PlainTextInput implements Validator<Object> {

    public static final String ID = "io.groupdeal.PlainText";

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (value instanceof String text) {
            boolean multiLine = component instanceof HtmlInputTextarea;
            if (!(multiLine ? PlainText.isMultiLine(text) : PlainText.isSingleLine(text))) {
                Language language = ProblemWords.language(context.getViewRoot().getLocale());
                throw new ValidatorException(new FacesMessage(
                        FacesMessage.SEVERITY_ERROR,
                        ProblemWords.words(
                                "sentence.plain-text",
                                language,
                                ProblemWords.rule(PlainText.rule(multiLine), List.of(), language)),
                        null));
            }
        }
    }

    /** For a text area read from the raw form: a validation problem naming the field unless the text is plain lines. */
    static String requireMultiLine(String text, String field) {
        if (!PlainText.isMultiLine(text)) {
            throw new InvalidInput(field, PlainText.rule(true));
        }
        return text;
    }
}
