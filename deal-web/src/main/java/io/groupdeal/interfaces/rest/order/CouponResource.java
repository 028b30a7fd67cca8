package io.groupdeal.interfaces.rest.order;

import io.groupdeal.application.coupon.CouponService;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.interfaces.rest.PageDto;
import io.groupdeal.interfaces.rest.Paging;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@ApplicationScoped
@Path("v1/coupons")
@Produces(MediaType.APPLICATION_JSON)
public class CouponResource {

    @EJB
    private CouponService coupons;

    @GET
    public PageDto<CouponDto> list(@BeanParam Paging paging, @QueryParam("status") CouponStatus status) {
        return PageDto.of(coupons.list(paging.request(), status), CouponDto::of);
    }

    @GET
    @Path("{code}")
    public CouponDto get(@PathParam("code") String code) {
        return CouponDto.of(coupons.get(code));
    }

    /** The code as a QR image; it is the coupon, so no cache keeps it (not even the browser's: a shared computer). */
    @GET
    @Path("{code}/qr")
    @Produces("image/png")
    public Response qr(@PathParam("code") String code) {
        CacheControl cache = new CacheControl();
        cache.setNoStore(true);
        cache.setNoTransform(false);
        return Response.ok(coupons.qrPng(code), "image/png").cacheControl(cache).build();
    }

    @POST
    @Path("{code}/refund")
    public CouponDto refund(@PathParam("code") String code) {
        return CouponDto.of(coupons.refund(code));
    }
}
