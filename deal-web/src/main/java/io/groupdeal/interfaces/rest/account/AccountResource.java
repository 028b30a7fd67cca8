package io.groupdeal.interfaces.rest.account;

import io.groupdeal.application.account.AccountService;
import io.groupdeal.application.account.BuyerSignup;
import io.groupdeal.application.account.MerchantSignup;
import io.groupdeal.domain.account.Account;
import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.interfaces.rest.Created;
import io.groupdeal.interfaces.rest.RequestBodies;
import io.groupdeal.interfaces.rest.account.AccountDtos.BuyerDto;
import io.groupdeal.interfaces.rest.account.AccountDtos.BuyerSignupRequest;
import io.groupdeal.interfaces.rest.account.AccountDtos.MerchantDto;
import io.groupdeal.interfaces.rest.account.AccountDtos.MerchantSignupRequest;
import io.groupdeal.interfaces.security.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Anyone may sign up as a merchant (which creates the tenant and its admin) or as a buyer. */
@ApplicationScoped
@Path("v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @EJB
    private AccountService accounts;

    @Inject
    private RequestBodies bodies;

    @Inject
    private ClientAddress clientAddress;

    @POST
    @Path("merchants")
    public Response signUpMerchant(MerchantSignupRequest body, @Context HttpServletRequest request) {
        bodies.valid(body);
        Tenant tenant = accounts.signUpMerchant(
                new MerchantSignup(body.businessName(), body.email(), body.password()), clientAddress.of(request));
        return Created.unaddressed(MerchantDto.of(tenant));
    }

    @POST
    @Path("buyers")
    public Response signUpBuyer(BuyerSignupRequest body, @Context HttpServletRequest request) {
        bodies.valid(body);
        Account buyer = accounts.signUpBuyer(
                new BuyerSignup(body.email(), body.password(), body.name()), clientAddress.of(request));
        return Created.unaddressed(BuyerDto.of(buyer));
    }
}
