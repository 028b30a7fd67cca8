package io.groupdeal.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The API lives under /api; version 1 of the contract under /api/v1. */
@ApplicationPath("api")
@DeclareRoles({"PLATFORM_ADMIN", "MERCHANT_ADMIN", "STAFF", "BUYER"})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "GroupDeal API",
                        version = "1",
                        description =
                                "Group-buying deals: merchants, buyers, counter staff and the platform operator."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class RestApplication extends Application {}
