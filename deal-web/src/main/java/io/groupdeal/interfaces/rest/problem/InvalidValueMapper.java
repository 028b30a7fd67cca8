package io.groupdeal.interfaces.rest.problem;

import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.domain.shared.InvalidValue;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A domain rule broken by a value the client sent: a validation problem naming the field. */
@Provider
public class InvalidValueMapper implements ExceptionMapper<InvalidValue> {

    @Override
    public Response toResponse(InvalidValue invalid) {
        return ProblemMapper.document(new InvalidInput(invalid.field(), invalid.getMessage())).toResponse();
    }
}
