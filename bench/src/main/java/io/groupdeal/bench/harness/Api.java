package io.groupdeal.bench.harness;

import java.io.IOException;
import java.util.Locale;
import java.util.Random;

/** The product's API calls that several benches make while setting up. */
public final class Api {

    /** The password of every account a bench makes. */
    public static final String PASSWORD = "correct-horse-battery";
    /** The platform operator bench/lib/product.sh has the product create at startup (DEAL_ADMIN_EMAIL, ..._PASSWORD). */
    public static final String OPERATOR_EMAIL = "operator@bench.groupdeal.io";

    public static final String OPERATOR_PASSWORD = "bench-operator-password";

    private Api() {}

    /** A bearer token for the account (POST /api/v1/auth/tokens, 201). */
    public static String login(Http http, String email, String password) throws IOException {
        return http.send(
                        "POST",
                        "/api/v1/auth/tokens",
                        null,
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .expect(201, "login of " + email)
                .json()
                .getString("token");
    }

    /**
     * A new business signed up with {@link #PASSWORD} (POST /api/v1/merchants, 201) and let publish unmoderated
     * ({@link #unmoderated}); answers its tenant's id.
     */
    public static String merchant(Http http, String businessName, String email) throws IOException {
        String tenantId = http.send(
                        "POST",
                        "/api/v1/merchants",
                        null,
                        "{\"businessName\":\"" + businessName + "\",\"email\":\"" + email + "\",\"password\":\""
                                + PASSWORD + "\"}")
                .expect(201, "merchant sign-up")
                .json()
                .getString("tenantId");
        unmoderated(http, tenantId);
        return tenantId;
    }

    /** A new buyer signed up with {@link #PASSWORD} (POST /api/v1/buyers, 201); answers the account's id. */
    public static String buyer(Http http, String email, String name) throws IOException {
        return http.send(
                        "POST",
                        "/api/v1/buyers",
                        null,
                        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"" + name + "\"}")
                .expect(201, "buyer sign-up")
                .json()
                .getString("id");
    }

    /**
     * A store of the merchant somewhere in Berlin: a random street number, within about 10 km of the centre (POST
     * /api/v1/stores, 201); answers its id.
     */
    public static String store(Http http, String token, String name, Random random) throws IOException {
        String body = String.format(
                Locale.ROOT,
                "{\"name\":\"%s\",\"address\":\"Benchstr. %d, 10115 Berlin\",\"latitude\":%.6f,"
                        + "\"longitude\":%.6f,\"timeZone\":\"Europe/Berlin\"}",
                name,
                1 + random.nextInt(200),
                52.52 + (random.nextDouble() - 0.5) * 0.2,
                13.405 + (random.nextDouble() - 0.5) * 0.3);
        return http.send("POST", "/api/v1/stores", token, body)
                .expect(201, "store")
                .json()
                .getString("id");
    }

    /**
     * New businesses are moderated (their deals wait for review when published): the platform operator lets the bench's
     * business publish straight away, as the ITs' fixtures do.
     */
    public static void unmoderated(Http http, String tenantId) throws IOException {
        String operator = login(http, OPERATOR_EMAIL, OPERATOR_PASSWORD);
        http.send("PUT", "/api/v1/platform/tenants/" + tenantId, operator, "{\"moderated\":false}")
                .expect(200, "moderation off");
    }

    /**
     * What a bench's main does: runs it, prints ABORTED (and the stack trace on stderr) and exits 3 when it throws,
     * else exits with its status.
     */
    public static void exit(java.util.concurrent.Callable<Integer> bench) {
        int status;
        try {
            status = bench.call();
        } catch (Exception e) {
            System.out.println("ABORTED: " + e);
            e.printStackTrace(); // on stderr: where it broke off
            status = 3;
        }
        System.exit(status);
    }
}
