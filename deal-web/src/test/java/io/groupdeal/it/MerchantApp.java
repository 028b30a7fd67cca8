package io.groupdeal.it;

import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the integration tests whose every test sells as a merchant of its own: before each test, after
 * {@link DeployedApp} has connected, a fresh merchant whose deals go live when published ({@link Fixtures#merchant})
 * with one store in Berlin named "&lt;businessName&gt; Mitte", as {@link Fixtures#merchantWithStore} makes it, and
 * that store's id.
 */
abstract class MerchantApp extends DeployedApp {

    private final String businessName;

    /** This test's merchant. */
    protected Fixtures.Merchant merchant;

    /** The id of {@link #merchant}'s one store. */
    protected String storeId;

    protected MerchantApp(String businessName) {
        this.businessName = businessName;
    }

    @BeforeEach
    void merchantWithStore() {
        merchant = fixtures.merchant(businessName);
        storeId = fixtures.newStore(merchant.token(), businessName + " Mitte").getString("id");
    }
}
