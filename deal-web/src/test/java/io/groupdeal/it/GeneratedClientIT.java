package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.groupdeal.it.client.ApiClient;
import io.groupdeal.it.client.api.AccountsApi;
import io.groupdeal.it.client.api.CouponsApi;
import io.groupdeal.it.client.api.DealsApi;
import io.groupdeal.it.client.api.OrdersApi;
import io.groupdeal.it.client.api.PlatformApi;
import io.groupdeal.it.client.api.StoresApi;
import io.groupdeal.it.client.model.BuyerAccount;
import io.groupdeal.it.client.model.BuyerSignup;
import io.groupdeal.it.client.model.Commission;
import io.groupdeal.it.client.model.Coupon;
import io.groupdeal.it.client.model.Credentials;
import io.groupdeal.it.client.model.Deal;
import io.groupdeal.it.client.model.DealView;
import io.groupdeal.it.client.model.MerchantAccount;
import io.groupdeal.it.client.model.MerchantSignup;
import io.groupdeal.it.client.model.Order;
import io.groupdeal.it.client.model.OrderRequest;
import io.groupdeal.it.client.model.Role;
import io.groupdeal.it.client.model.Store;
import io.groupdeal.it.client.model.StoreView;
import io.groupdeal.it.client.model.Token;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The OpenAPI document is complete enough for a real client: the build generates a Java client from it
 * (openapi-generator, {@code io.groupdeal.it.client}), and a merchant signs up, adds a store, creates and publishes a
 * deal, and a buyer signs up, logs in and buys a coupon through that client alone, with no hand-written HTTP or JSON.
 */
// Alongside other test classes (see deal-web's POM); its own tests one after another.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("GeneratedClientIT")
class GeneratedClientIT extends DeployedApp {

    @Test
    void aBuyerBuysACouponThroughTheClientGeneratedFromTheDocument() throws Exception {
        AccountsApi accounts = new AccountsApi(client(null));
        String merchantEmail = Fixtures.uniqueEmail("generated-merchant");
        MerchantAccount business = accounts.signUpMerchant(new MerchantSignup()
                .businessName("Generated Noodles")
                .email(merchantEmail)
                .password(Fixtures.PASSWORD));
        assertEquals(MerchantAccount.StatusEnum.ACTIVE, business.getStatus());
        Token merchant = accounts.logIn(new Credentials().email(merchantEmail).password(Fixtures.PASSWORD));
        assertEquals(Role.MERCHANT_ADMIN, merchant.getRole());
        assertEquals(business.getTenantId(), merchant.getTenantId());
        // a new business is moderated; the operator lets this one publish straight away, through the client as well
        Token operator =
                accounts.logIn(new Credentials().email(Fixtures.DEMO_OPERATOR).password(Fixtures.DEMO_PASSWORD));
        assertEquals(
                Boolean.FALSE,
                new PlatformApi(client(operator.getToken()))
                        .setCommissionRate(business.getTenantId(), new Commission().moderated(false))
                        .getModerated());

        StoreView store = new StoresApi(client(merchant.getToken()))
                .createStore(new Store()
                        .name("Generated Noodles Mitte")
                        .address("Teststr. 1, 10115 Berlin")
                        .latitude(new BigDecimal("52.52"))
                        .longitude(new BigDecimal("13.405"))
                        .timeZone("Europe/Berlin"));
        assertNotNull(store.getId());

        DealsApi deals = new DealsApi(client(merchant.getToken()));
        Instant start = Instant.now().minus(1, ChronoUnit.MINUTES);
        Instant end = start.plus(Duration.ofDays(7));
        DealView draft = deals.createDeal(new Deal()
                .title("Generated ramen for two")
                .description("Two bowls of ramen")
                .finePrint("Valid for two people.")
                .currency("EUR")
                .price("19.90")
                .originalValue("34.00")
                .minBuyers(1)
                .maxQuantity(50)
                .perBuyerLimit(4)
                .salesStart(start.toString())
                .salesEnd(end.toString())
                .couponValidUntil(end.plus(Duration.ofDays(30)).toString())
                .storeIds(List.of(store.getId()))
                .refundPolicy("ANYTIME"));
        assertEquals(DealView.StatusEnum.DRAFT, draft.getStatus());
        DealView onSale = deals.publishDeal(draft.getId());
        assertEquals(DealView.StatusEnum.ON_SALE, onSale.getStatus());

        String buyerEmail = Fixtures.uniqueEmail("generated-buyer");
        BuyerAccount buyerAccount = accounts.signUpBuyer(
                new BuyerSignup().email(buyerEmail).password(Fixtures.PASSWORD).name("Gene Rated"));
        assertEquals(buyerEmail, buyerAccount.getEmail());
        Token buyer = accounts.logIn(new Credentials().email(buyerEmail).password(Fixtures.PASSWORD));
        assertEquals(Role.BUYER, buyer.getRole());

        Order order = new OrdersApi(client(buyer.getToken()))
                .placeOrder(
                        UUID.randomUUID().toString(),
                        new OrderRequest().dealId(onSale.getId()).quantity(1).paymentToken("tok_ok"));
        assertEquals(Order.StatusEnum.CONFIRMED, order.getStatus(), order::toString);
        assertEquals("19.90", order.getAmount());
        assertEquals(1, order.getCoupons().size());
        Coupon bought = order.getCoupons().get(0);
        assertEquals(Coupon.StatusEnum.ACTIVE, bought.getStatus());

        Coupon held = new CouponsApi(client(buyer.getToken())).getCoupon(bought.getCode());
        assertEquals(onSale.getId(), held.getDealId());
        assertEquals("Generated ramen for two", held.getDealTitle());
        assertNotNull(held.getValidUntil());
        assertTrue(held.getValidUntil().isAfter(end.atOffset(java.time.ZoneOffset.UTC)), held::toString);
    }

    /** The generated client on the deployment, sending the bearer token when there is one. */
    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(http.base().toString().replaceAll("/$", ""));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
