package io.groupdeal.interfaces.problem;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import io.groupdeal.domain.shared.InvalidValue;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A domain rule broken by a value the client sent: a validation problem naming the field. */
@Provider
public class InvalidValueMapper implements ExceptionMapper<InvalidValue> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(InvalidValue invalid) {
        return ProblemMapper.document(
                        new InvalidInput(List.of(new FieldError(invalid.field(), invalid.rule(), invalid.args()))),
                        ProblemDocument.language(headers))
                .toResponse();
    }
}
