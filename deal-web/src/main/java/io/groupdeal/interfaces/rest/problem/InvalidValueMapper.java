package io.groupdeal.interfaces.rest.problem;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.domain.shared.InvalidValue;
import io.groupdeal.application.problem.InvalidInput.FieldError;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A domain rule broken by a value the client sent: a validation problem naming the field. */
@Provider
public class InvalidValueMapper implements ExceptionMapper<InvalidValue> {

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(InvalidValue invalid) {
        return ProblemMapper.document(new InvalidInput(List.of(new FieldError(invalid.field(), invalid.rule(), invalid.args()))),
                ProblemDocument.language(headers)).toResponse();
    }
}
