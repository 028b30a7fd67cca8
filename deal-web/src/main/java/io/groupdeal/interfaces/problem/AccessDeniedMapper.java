package io.groupdeal.interfaces.problem;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A boundary refused the caller's role: 401 when nobody is logged in, 403 when the role is wrong. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Inject
    private SecurityContext security;

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(EJBAccessException exception) {
        if (security.getCallerPrincipal() == null) {
            return ProblemDocument.of(401, "unauthorized", ProblemDocument.language(headers))
                    .toResponse();
        }
        return ProblemDocument.of(403, "forbidden", ProblemDocument.language(headers))
                .toResponse();
    }
}
