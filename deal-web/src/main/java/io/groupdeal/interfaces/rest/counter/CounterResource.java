package io.groupdeal.interfaces.rest.counter;

import io.groupdeal.application.PageOf;
import io.groupdeal.application.counter.CounterService;
import io.groupdeal.application.counter.OfflineCounter;
import io.groupdeal.application.counter.RedeemableList;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.redemption.Redemption;
import io.groupdeal.infrastructure.database.TransactionConflict;
import io.groupdeal.interfaces.problem.ProblemWords;
import io.groupdeal.interfaces.rest.Created;
import io.groupdeal.interfaces.rest.PageDto;
import io.groupdeal.interfaces.rest.Paging;
import io.groupdeal.interfaces.rest.PeriodQuery;
import io.groupdeal.interfaces.rest.RequestBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The counter's API. One instance for all requests: it holds only proxies (the boundary, the body reader, the caller
 * of the current request), so no resource object and no injection per request.
 */
@ApplicationScoped
@Path("v1/counter")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CounterResource {

    @EJB
    private CounterService counter;

    @EJB
    private OfflineCounter offline;

    @Inject
    private RequestBodies bodies;

    @Inject
    private Caller caller;

    /** What the code is at the store; nothing changes. A coupon that cannot be redeemed says why. */
    @GET
    @Path("coupons/{code}")
    public CounterCouponDto lookup(
            @PathParam("code") String code,
            @QueryParam("storeId") String storeId,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        return CounterCouponDto.of(counter.lookup(code, storeId), ProblemWords.language(acceptLanguage));
    }

    /**
     * 201 with the redemption; the same Idempotency-Key and body again answer the same redemption. With {@code
     * redeemedOfflineAt}, a phone sends a redemption it made offline (the key is then required: its client id): when
     * the coupon can no longer be redeemed, 409 {@code double-use}, recorded for the merchant.
     */
    @POST
    @Path("redemptions")
    public Response redeem(
            @HeaderParam("Idempotency-Key") String idempotencyKey, RedeemRequest body, @Context UriInfo uri) {
        bodies.valid(body);
        Redemption redemption;
        if (body.redeemedOfflineAt() == null) {
            redemption = TransactionConflict.retried(() -> counter.redeem(idempotencyKey, body.code(), body.storeId()));
        } else {
            OfflineCounter.Synced synced = TransactionConflict.retried(
                    () -> offline.sync(idempotencyKey, body.code(), body.storeId(), instant(body.redeemedOfflineAt())));
            if (synced.doubleUse() != null) {
                throw OfflineCounter.problem(synced.doubleUse());
            }
            redemption = synced.redemption();
        }
        return Created.at(uri, redemption.id(), RedemptionDto.of(redemption, undoWindow()));
    }

    /**
     * Undoes a redemption within the undo window, with the reason in the body: the documented route, since some
     * clients and proxies drop or refuse a body on DELETE.
     */
    @POST
    @Path("redemptions/{id}/undo")
    public Response undo(@PathParam("id") String id, UndoRequest body) {
        TransactionConflict.retried(() -> counter.undo(id, body == null ? null : body.reason()));
        return Response.noContent().build();
    }

    /** The same undo for the clients that already use DELETE; the reason comes in the body or as {@code ?reason=}. */
    @DELETE
    @Path("redemptions/{id}")
    public Response undoByDelete(
            @PathParam("id") String id, @QueryParam("reason") String reasonParam, UndoRequest body) {
        String reason = body != null && body.reason() != null ? body.reason() : reasonParam;
        TransactionConflict.retried(() -> counter.undo(id, reason));
        return Response.noContent().build();
    }

    /**
     * The store's redemptions on a day of its calendar (today by default), newest first, undone ones included: one
     * call of the boundary, each row's undo deadline from the one undo window of the business.
     */
    @GET
    @Path("redemptions")
    public PageDto<RedemptionDto> list(
            @QueryParam("storeId") String storeId, @QueryParam("date") LocalDate date, @BeanParam Paging paging) {
        PageOf<Redemption> found = counter.atStore(storeId, date, paging.request());
        Duration window = undoWindow();
        return PageDto.of(found, r -> RedemptionDto.of(r, window));
    }

    /**
     * The hashes of the codes redeemable at the store now (never the codes), for a phone's offline counter: it asks
     * every minute while online and trusts the last list until its {@code expiresAt}.
     */
    @GET
    @Path("stores/{storeId}/redeemable")
    public RedeemableList redeemable(@PathParam("storeId") String storeId) {
        return offline.redeemable(storeId); // its fields are the API's list as is (api.md), no copy needed
    }

    /** The business's double uses (merchant admin): coupons handed over offline that had been used elsewhere. */
    @GET
    @Path("double-uses")
    public PageDto<DoubleUseDto> doubleUses(
            @QueryParam("storeId") String storeId, @BeanParam PeriodQuery period, @BeanParam Paging paging) {
        return PageDto.of(offline.doubleUses(storeId, period.from(), period.to(), paging.request()), DoubleUseDto::of);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("redeemedOfflineAt", "instant-such-as", "2026-11-30T14:05:00Z");
        }
    }

    /** The business's undo window, read with the caller's token (the boundary let the caller in already). */
    private Duration undoWindow() {
        return caller.account()
                .map(CallerAccount::undoWindow)
                .orElseThrow(() -> new IllegalStateException("no caller"));
    }
}
