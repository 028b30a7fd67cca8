package io.groupdeal.bench;

import io.groupdeal.bench.harness.Api;
import io.groupdeal.bench.harness.Clients;
import io.groupdeal.bench.harness.Db;
import io.groupdeal.bench.harness.Http;
import io.groupdeal.bench.harness.Http.Reply;
import io.groupdeal.bench.harness.Json;
import io.groupdeal.bench.harness.Latencies;
import io.groupdeal.bench.harness.Options;
import io.groupdeal.bench.harness.Procs;
import io.groupdeal.bench.harness.Text;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the merchant dashboard and settlement statements of a tenant with a year of history, against a plain
 * count over the same table in the same run.
 *
 * <p>Sets up through the API one merchant with 5 stores and 20 published deals, and a second merchant (the noise:
 * other tenants' rows in the same indexes) with 2 stores and 5 deals; then loads straight into MariaDB over JDBC
 * (batched multi-row inserts) a year of history: 20,000 buyer accounts; for the merchant 1,000,000 coupons in about
 * 714,000 orders (1-3 coupons each) over the last 365 days, about 30% of them redeemed at one of its stores (with
 * their redemption events), 3% refunded, 0.5% void (cancelled orders), the rest active or expired by their validity
 * (90 days), and 20,000 reviews of redeemed coupons; for the second merchant a fifth of that. ANALYZE TABLE after.
 *
 * <p>Then marks the loaded hours stale, as the product does for every change of a coupon, and waits until the job has
 * summarised every closed hour (V16). Checks that the dashboard and the statement count what the loader wrote (COUNT
 * queries over JDBC and the loader's own tallies per day); changes old coupons through the API (bought, moved weeks
 * back and summarised, then refunded, redeemed and a redemption undone) and checks again at once (their hours read
 * from the coupons) and after the job built them again. Then prints the EXPLAIN of every statement of a dashboard and a statement, and times
 * with the same number of client threads for every kind, in rounds that alternate the order of the kinds:
 * GET /health (HTTP baseline), the plain COUNT over JDBC for 30-day windows (the baseline) and for the year, GET
 * /dashboard for 30-day windows spread over the year and for the whole year, the dashboard's live statements before
 * V16 over JDBC for the same 30-day windows (the same-run baseline of what the summaries replace), GET /settlements for calendar months and for the year.
 *
 * <p>Run by bench/dashboard.sh; by hand against a running product with an empty database:
 * {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.groupdeal.bench.DashboardBench
 * --http-port 18480 --db-port 13480} (after the script built the module).
 */
public final class DashboardBench {

    static final int DAYS = 365;
    static final int VALID_DAYS = 90;
    static final double REDEEMED_SHARE = 0.30;
    static final double REFUNDED_SHARE = 0.03;
    static final double VOID_ORDER_SHARE = 0.005;
    /** Issue 14: p95 of a 30-day dashboard at 4 at once. */
    static final double TARGET_MS = 300;

    static final int CHUNK_COUPONS = 4000;

    // ---- the SQL of io.groupdeal.domain.report.DashboardRepository and SettlementRepository, copied ----------------

    static final String PAID = "status IN ('ACTIVE', 'REDEEMED', 'EXPIRED')";
    /** QuarterHours.Moment.within: a range of the quarter-hour column (the index), then the exact times; see Window.quarters. */
    static final String SOLD_WITHIN =
            "created_quarter >= ? AND created_quarter < ? AND created_at >= ? AND created_at < ?";

    static final String REDEEMED_WITHIN =
            "redeemed_quarter >= ? AND redeemed_quarter < ? AND redeemed_at >= ? AND redeemed_at < ?";
    static final String SQL_SALES = "SELECT created_quarter, currency, COUNT(*), SUM(status = 'REFUNDED'),"
            + " SUM(status = 'REDEEMED'), COALESCE(SUM(CASE WHEN " + PAID + " THEN price END), 0) FROM coupon"
            + " WHERE tenant_id = ? AND " + SOLD_WITHIN + " AND status <> 'VOID' GROUP BY created_quarter, currency";
    static final String SQL_REDEMPTIONS =
            "SELECT redeemed_quarter, redeemed_store_id, COUNT(*) FROM coupon" + " WHERE tenant_id = ? AND "
                    + REDEEMED_WITHIN + " AND status = 'REDEEMED' GROUP BY redeemed_quarter, redeemed_store_id";
    static final String SQL_REVIEWS = "SELECT COUNT(*), COALESCE(SUM(rating), 0) FROM review"
            + " WHERE tenant_id = ? AND created_at >= ? AND created_at < ?";
    static final String SQL_DEALS = "SELECT COALESCE(SUM(status = 'ON_SALE'), 0), COALESCE(SUM(status = 'ON_SALE'"
            + " AND tipped_at IS NULL), 0) FROM deal WHERE tenant_id = ?";
    static final String SQL_STORES = "SELECT id, name FROM store WHERE tenant_id = ? ORDER BY name, id";
    static final String SQL_TOP_DEALS = "SELECT c.deal_id, d.title, d.currency, c.sold, c.revenue FROM (SELECT deal_id,"
            + " COUNT(*) sold, COALESCE(SUM(CASE WHEN " + PAID + " THEN price END), 0) revenue FROM coupon FORCE INDEX"
            + " (ix_coupon_sales) WHERE tenant_id = ? AND " + SOLD_WITHIN
            + " AND status <> 'VOID' GROUP BY deal_id ORDER BY"
            + " sold DESC, revenue DESC, deal_id LIMIT 5) c JOIN deal d ON d.tenant_id = ? AND d.id = c.deal_id"
            + " ORDER BY c.sold DESC, c.revenue DESC, c.deal_id";
    static final String SQL_TOP_REDEEMED = "SELECT deal_id, COUNT(*) FROM coupon WHERE tenant_id = ? AND "
            + REDEEMED_WITHIN + " AND status = 'REDEEMED' AND deal_id IN (?, ?, ?, ?, ?) GROUP BY deal_id";
    static final String SQL_SETTLEMENT = "SELECT currency, COUNT(*), SUM(price) FROM coupon WHERE tenant_id = ? AND "
            + REDEEMED_WITHIN + " AND status = 'REDEEMED' GROUP BY currency ORDER BY currency";
    /** Issue 14 (V16): the closed hours of a period come from summaries built by a job; these are its reads. */
    static final String SQL_SUMMARY_HOURS =
            "SELECT hour, currency, SUM(sold), SUM(refunded), SUM(redeemed_of_sold), SUM(revenue),"
                    + " SUM(redeemed) FROM dashboard_hour WHERE tenant_id = ? AND hour >= ? AND hour < ? GROUP BY hour, currency";

    static final String SQL_SUMMARY_STORES =
            "SELECT store_id, SUM(redeemed) FROM dashboard_hour_store WHERE tenant_id = ?"
                    + " AND hour >= ? AND hour < ? GROUP BY store_id";
    static final String SQL_SUMMARY_DEALS = "SELECT deal_id, SUM(sold), SUM(revenue), SUM(redeemed) FROM dashboard_hour"
            + " WHERE tenant_id = ? AND hour >= ? AND hour < ? GROUP BY deal_id";
    /**
     * V27: the figures by hour and currency from the hours' sums, the totals by store and deal from the whole UTC days'
     * sums (the bench's merchant keeps UTC: every day of a period is a whole UTC day). These are the dashboard's reads.
     */
    static final String SQL_DAY_HOURS = "SELECT hour, currency, sold, refunded, redeemed_of_sold, revenue, redeemed"
            + " FROM dashboard_hour_sales WHERE tenant_id = ? AND hour >= ? AND hour < ?";

    static final String SQL_DAY_STORES = "SELECT store_id, SUM(redeemed) FROM dashboard_day_store WHERE tenant_id = ?"
            + " AND ((day >= ? AND day < ?)) GROUP BY store_id";
    static final String SQL_DAY_DEALS = "SELECT deal_id, SUM(sold), SUM(revenue), SUM(redeemed) FROM dashboard_day"
            + " WHERE tenant_id = ? AND ((day >= ? AND day < ?)) GROUP BY deal_id";
    /** The baseline: a plain count over the same table and the same range of the same index as the sales statement. */
    static final String SQL_COUNT = "SELECT COUNT(*) FROM coupon WHERE tenant_id = ? AND " + SOLD_WITHIN;

    // ---- options ---------------------------------------------------------------------------------------------------

    int httpPort = 18480;
    int dbPort = 13480;
    int coupons = 1_000_000;
    int noiseCoupons = -1;
    int reviews = -1;
    int buyers = 20_000;
    int threads = 4;
    int requests = 200;
    int yearRequests = 16;
    int warmup = 40;
    int yearWarmup = 4;
    int rounds = 2;
    int maxSeconds = 150;
    int loaders = 2;
    long seed = 20261123L;
    boolean strictTarget = false;

    public static void main(String[] args) {
        Api.exit(new DashboardBench().parse(args)::run);
    }

    /** Reads the options; throws IllegalArgumentException for an unknown one or a value out of bounds. */
    DashboardBench parse(String[] args) {
        Options o = new Options(args);
        httpPort = o.integer("--http-port", httpPort);
        dbPort = o.integer("--db-port", dbPort);
        coupons = o.integer("--coupons", coupons);
        noiseCoupons = o.integer("--noise-coupons", noiseCoupons);
        reviews = o.integer("--reviews", reviews);
        buyers = o.integer("--buyers", buyers);
        threads = o.integer("--threads", threads);
        requests = o.integer("--requests", requests);
        yearRequests = o.integer("--year-requests", yearRequests);
        warmup = o.integer("--warmup", warmup);
        yearWarmup = o.integer("--year-warmup", yearWarmup);
        rounds = o.integer("--rounds", rounds);
        maxSeconds = o.integer("--max-seconds", maxSeconds);
        loaders = o.integer("--loaders", loaders);
        seed = o.number("--seed", seed);
        strictTarget = o.flag("--strict-target");
        o.requireKnown();
        if (noiseCoupons < 0) {
            noiseCoupons = coupons / 5;
        }
        if (reviews < 0) {
            reviews = coupons / 50;
        }
        if (coupons < 1000
                || coupons > 20_000_000
                || noiseCoupons > 20_000_000
                || reviews > coupons * REDEEMED_SHARE / 2
                || buyers < 10
                || buyers > 1_000_000
                || threads < 1
                || threads > 64
                || requests < 1
                || requests > 100_000
                || yearRequests < 1
                || yearRequests > 100_000
                || warmup < 0
                || warmup > 10_000
                || yearWarmup < 0
                || yearWarmup > 10_000
                || rounds < 1
                || rounds > 20
                || maxSeconds < 1
                || maxSeconds > 3600
                || loaders < 1
                || loaders > 8) {
            throw new IllegalArgumentException(
                    "out of bounds: coupons 1000..20000000, noise-coupons ..20000000, reviews at most"
                            + " 15% of coupons, buyers 10..1000000, threads 1..64, requests and year-requests 1..100000, warmups 0..10000,"
                            + " rounds 1..20, max-seconds 1..3600, loaders 1..8");
        }
        return this;
    }

    // ---- what the setup made ---------------------------------------------------------------------------------------

    /** A merchant: made through the API, then given a year of history over JDBC. */
    static final class Merchant {
        final String name;
        final int coupons;
        String tenantId;
        String email;
        String token;
        String accountId;
        final List<String> stores = new ArrayList<>();
        final List<String> deals = new ArrayList<>();
        final List<BigDecimal> prices = new ArrayList<>();
        /** What the loader wrote, per UTC day since the first day: sold (not void), redeemed, refunded; milli-units. */
        long[] sold;

        long[] redeemed;
        long[] redeemedValue;
        long[] refunded;

        Merchant(String name, int coupons) {
            this.name = name;
            this.coupons = coupons;
        }
    }

    /** The driver's settings beyond Db.url: UTF-8, and the session in UTC as the product's. */
    static final String SETTINGS = "&characterEncoding=UTF-8&forceConnectionTimeZoneToSession=true";
    /** One client for all threads: the JDK's pool keeps a keep-alive connection per request in flight. */
    Http http;

    Merchant main;
    Merchant noise;
    LocalDateTime now;
    LocalDateTime start;
    LocalDate firstDay;
    LocalDate today;

    int run() throws Exception {
        http = new Http(httpPort, Duration.ofSeconds(120));
        main = new Merchant("Bench Dashboard Merchant", coupons);
        noise = new Merchant("Bench Noise Merchant", noiseCoupons);
        System.out.printf(
                Locale.ROOT,
                "dashboard bench: merchant with %,d coupons over %d days (about %,d redeemed), another"
                        + " merchant with %,d; %,d reviews; %,d buyers; %d client threads, %d rounds; seed %d%n",
                coupons,
                DAYS,
                Math.round(coupons * REDEEMED_SHARE),
                noiseCoupons,
                reviews,
                buyers,
                threads,
                rounds,
                seed);
        long t0 = System.nanoTime();
        setUp();
        System.out.printf(Locale.ROOT, "set-up through the API: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        load();
        System.out.printf(Locale.ROOT, "loading and ANALYZE TABLE: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        summarise();
        System.out.printf(
                Locale.ROOT, "the job summarised the year of both merchants: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        int exit = 0;
        if (!check("loaded history, closed hours from their summaries")) {
            exit = 2;
        }
        changeOldCoupons();
        if (!check(
                "after refunds, redemptions and undos of old coupons, their hours marked stale and read from the coupons")) {
            exit = 2;
        }
        t0 = System.nanoTime();
        awaitSummarised();
        System.out.printf(
                Locale.ROOT, "the job built the changed hours again: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (!check("after refunds, redemptions and undos of old coupons, their hours built again")) {
            exit = 2;
        }
        explain();
        Map<String, Stats> stats = measure();
        int verdict = report(stats);
        if (exit == 0) {
            exit = verdict;
        }
        return exit;
    }

    // ---- set-up through the API ------------------------------------------------------------------------------------

    void setUp() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Random random = new Random(seed);
        {
            for (Merchant m : List.of(main, noise)) {
                boolean isMain = m == main;
                m.email = (isMain ? "bench-dashboard-" : "bench-noise-") + run + "@bench.groupdeal.io";
                m.tenantId = Api.merchant(http, m.name, m.email);
                m.token = Api.login(http, m.email, Api.PASSWORD);
                m.accountId = Json.string(
                        Json.parse(expect(http.send("GET", "/api/v1/me", m.token, null), 200, "me")
                                .body()),
                        "id");
                int stores = isMain ? 5 : 2;
                for (int s = 0; s < stores; s++) {
                    m.stores.add(
                            Api.store(http, m.token, (isMain ? "Dashboard" : "Noise") + " store " + (s + 1), random));
                }
                int deals = isMain ? 20 : 5;
                for (int d = 0; d < deals; d++) {
                    String price = String.format(Locale.ROOT, "%d.90", 9 + random.nextInt(70));
                    String body = String.format(
                            Locale.ROOT,
                            "{\"title\":\"%s deal %d\",\"description\":\"A bench deal\","
                                    + "\"finePrint\":\"Valid for one person.\",\"currency\":\"EUR\",\"price\":\"%s\","
                                    + "\"originalValue\":\"99.00\",\"minBuyers\":1,\"salesStart\":\"%s\",\"salesEnd\":\"%s\","
                                    + "\"couponValidUntil\":\"%s\",\"storeIds\":[],\"refundPolicy\":\"ANYTIME\"}",
                            isMain ? "Dashboard" : "Noise",
                            d + 1,
                            price,
                            at.minus(1, ChronoUnit.HOURS),
                            at.plus(60, ChronoUnit.DAYS),
                            at.plus(60 + VALID_DAYS, ChronoUnit.DAYS));
                    String id = Json.string(
                            Json.parse(expect(http.send("POST", "/api/v1/deals", m.token, body), 201, "deal")
                                    .body()),
                            "id");
                    Map<String, Object> published = Json.parse(
                            expect(http.send("POST", "/api/v1/deals/" + id + "/publish", m.token, null), 200, "publish")
                                    .body());
                    if (!"ON_SALE".equals(published.get("status"))) {
                        throw new IllegalStateException("deal not ON_SALE after publishing: " + published);
                    }
                    m.deals.add(id);
                    m.prices.add(new BigDecimal(price));
                }
            }
        }
    }

    // ---- loading over JDBC -----------------------------------------------------------------------------------------

    /** The rows of a few thousand coupons with their orders, redemption events and reviews: one transaction. */
    static final class Chunk {
        final List<Object[]> orders = new ArrayList<>();
        final List<Object[]> coupons = new ArrayList<>();
        final List<Object[]> events = new ArrayList<>();
        final List<Object[]> reviews = new ArrayList<>();
    }

    static final Chunk END = new Chunk();

    static final String LOAD_ORDERS =
            "LOAD DATA LOCAL INFILE 'purchase_order.tsv' INTO TABLE purchase_order CHARACTER SET"
                    + " utf8mb4 (tenant_id, id, deal_id, buyer_id, quantity, unit_price, amount, currency, status, payment_ref, created_at,"
                    + " captured_at, closed_at)";
    static final String LOAD_COUPONS =
            "LOAD DATA LOCAL INFILE 'coupon.tsv' INTO TABLE coupon CHARACTER SET utf8mb4 (tenant_id,"
                    + " id, deal_id, order_id, buyer_id, code, status, price, currency, valid_until, created_at, redeemed_at,"
                    + " redeemed_store_id, refunded_at, reminded_at)";
    static final String LOAD_EVENTS =
            "LOAD DATA LOCAL INFILE 'redemption_event.tsv' INTO TABLE redemption_event CHARACTER SET"
                    + " utf8mb4 (tenant_id, id, kind, redemption_id, coupon_id, store_id, account_id, occurred_at, reason)";
    static final String LOAD_REVIEWS =
            "LOAD DATA LOCAL INFILE 'review.tsv' INTO TABLE review CHARACTER SET utf8mb4 (tenant_id,"
                    + " id, coupon_id, deal_id, buyer_id, rating, comment, created_at, reply, replied_at)";

    void load() throws Exception {
        now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        start = now.minusDays(DAYS);
        firstDay = start.toLocalDate();
        today = now.toLocalDate();
        int span = (int) ChronoUnit.DAYS.between(firstDay, today) + 1;
        for (Merchant m : List.of(main, noise)) {
            m.sold = new long[span];
            m.redeemed = new long[span];
            m.redeemedValue = new long[span];
            m.refunded = new long[span];
        }
        String load = SETTINGS + "&rewriteBatchedStatements=true&allowLoadLocalInfile=true";
        Random random = new Random(seed * 7 + 1);
        Ids ids = new Ids(random);

        // Buyers: platform accounts (the orders' foreign key); nobody logs in as them.
        String[] buyerIds = new String[buyers];
        try (Connection db = Db.connect(dbPort, load);
                PreparedStatement p = db.prepareStatement(
                        "INSERT INTO account (id, email, name, password_hash, role, tenant_id,"
                                + " created_at, version) VALUES (?, ?, ?, 'not-a-hash: no login', 'BUYER', NULL, ?, 0)")) {
            db.setAutoCommit(false);
            for (int b = 0; b < buyers; b++) {
                buyerIds[b] = ids.at(start.minusDays(30));
                p.setString(1, buyerIds[b]);
                p.setString(2, "bench-buyer-" + b + "@bench.groupdeal.io");
                p.setString(3, "Bench Buyer " + b);
                p.setObject(4, start.minusDays(30));
                p.addBatch();
                if (b % 5000 == 4999) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
            db.commit();
        }

        // The coupon table's secondary indexes are dropped for the load and built again after it, as SHOW CREATE TABLE
        // gives them and in its order: rows appended in primary key order, then one sorted build per index, instead of
        // writes at random places of the indexes on code and buyer for every row.
        String couponTable;
        List<String> deferred = new ArrayList<>();
        try (Connection db = Db.connect(dbPort, SETTINGS);
                Statement st = db.createStatement()) {
            couponTable = showCreate(db, "coupon");
            List<String> names = new ArrayList<>();
            for (String line : couponTable.split("\n")) {
                Matcher key = Pattern.compile("^\\s*((?:UNIQUE )?KEY `([^`]+)` .*?),?$")
                        .matcher(line);
                if (key.matches()) {
                    deferred.add(key.group(1));
                    names.add(key.group(2));
                }
            }
            if (!names.isEmpty()) {
                st.execute("ALTER TABLE coupon "
                        + String.join(
                                ", ",
                                names.stream().map(n -> "DROP KEY `" + n + "`").toList()));
            }
        }

        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(2 * loaders);
        List<Thread> writers = new ArrayList<>();
        List<Exception> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean failed = new AtomicBoolean();
        long[] written = new long[1];
        long began = System.nanoTime();
        for (int w = 0; w < loaders; w++) {
            Thread t = new Thread(
                    () -> {
                        try (Connection db = Db.connect(dbPort, load);
                                Statement st = db.createStatement()) {
                            // Bulk load of rows made consistent here: no per-row checks of unique and foreign keys.
                            st.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
                            db.setAutoCommit(false);
                            for (Chunk c = queue.take(); c != END; c = queue.take()) {
                                loadData(st, LOAD_ORDERS, c.orders);
                                loadData(st, LOAD_COUPONS, c.coupons);
                                loadData(st, LOAD_EVENTS, c.events);
                                loadData(st, LOAD_REVIEWS, c.reviews);
                                db.commit();
                                long done;
                                synchronized (written) {
                                    done = written[0] += c.coupons.size();
                                }
                                if (done / 200_000 != (done - c.coupons.size()) / 200_000) {
                                    double s = (System.nanoTime() - began) / 1e9;
                                    System.out.printf(
                                            Locale.ROOT,
                                            "  loaded %,d coupons in %.0f s (%,.0f/s)%n",
                                            done,
                                            s,
                                            done / s);
                                }
                            }
                        } catch (Exception e) {
                            errors.add(e);
                            failed.set(true);
                            queue.clear();
                        }
                    },
                    "bench-loader-" + w);
            t.start();
            writers.add(t);
        }

        // One pass over the days: both merchants' orders of each day, in time order (ids carry their time, as the
        // product's do, so the primary keys grow as they would).
        // The same share of redeemed coupons is reviewed at both merchants.
        double reviewChance = reviews / (main.coupons * REDEEMED_SHARE);
        long codeCounter = random.nextInt(1 << 20);
        long codeMask = random.nextLong() & ((1L << 60) - 1);
        int[] mainPerDay = perDay(main.coupons, new Random(seed + 11));
        int[] noisePerDay = perDay(noise.coupons, new Random(seed + 12));
        Chunk chunk = new Chunk();
        for (int day = 0; day < DAYS && !failed.get(); day++) {
            for (Merchant m : List.of(main, noise)) {
                int quota = m == main ? mainPerDay[day] : noisePerDay[day];
                double reviewP = reviewChance;
                List<Integer> sizes = new ArrayList<>();
                for (int left = quota; left > 0; ) {
                    double u = random.nextDouble();
                    int q = Math.min(left, u < 0.70 ? 1 : u < 0.90 ? 2 : 3);
                    sizes.add(q);
                    left -= q;
                }
                long[] seconds = new long[sizes.size()];
                long dayStart = start.plusDays(day).toEpochSecond(ZoneOffset.UTC);
                long dayEnd = Math.min(dayStart + 86_400, now.toEpochSecond(ZoneOffset.UTC) - 60);
                for (int i = 0; i < seconds.length; i++) {
                    seconds[i] = dayStart + (long) (random.nextDouble() * (dayEnd - dayStart));
                }
                Arrays.sort(seconds);
                for (int o = 0; o < sizes.size(); o++) {
                    int q = sizes.get(o);
                    LocalDateTime created =
                            LocalDateTime.ofEpochSecond(seconds[o], random.nextInt(1000) * 1_000_000, ZoneOffset.UTC);
                    int deal = popularDeal(m.deals.size(), random);
                    String dealId = m.deals.get(deal);
                    BigDecimal price = m.prices.get(deal);
                    String buyer = buyerIds[random.nextInt(buyers)];
                    String orderId = ids.at(created);
                    boolean voided = random.nextDouble() < VOID_ORDER_SHARE;
                    int refundedHere = 0;
                    LocalDateTime validUntil = created.plusDays(VALID_DAYS);
                    for (int c = 0; c < q; c++) {
                        String couponId = ids.at(created);
                        long value = ((++codeCounter) * 0x9E3779B97F4A7C15L ^ codeMask) & ((1L << 60) - 1);
                        String code = code(value);
                        String status;
                        LocalDateTime redeemedAt = null;
                        String store = null;
                        LocalDateTime refundedAt = null;
                        LocalDateTime reminded = null;
                        int dayIndex = (int) ChronoUnit.DAYS.between(firstDay, created.toLocalDate());
                        double u = random.nextDouble();
                        if (voided) {
                            status = "VOID";
                        } else if (u < REFUNDED_SHARE) {
                            refundedAt = later(created, 3, random);
                            status = refundedAt == null ? "ACTIVE" : "REFUNDED";
                            refundedHere += refundedAt == null ? 0 : 1;
                        } else if (u < REFUNDED_SHARE + REDEEMED_SHARE / (1 - VOID_ORDER_SHARE)) {
                            redeemedAt = later(created, 6, random);
                            status = redeemedAt == null ? "ACTIVE" : "REDEEMED";
                        } else {
                            status = "ACTIVE";
                        }
                        if ("ACTIVE".equals(status) && !validUntil.isAfter(now)) {
                            status = "EXPIRED";
                        }
                        if (("ACTIVE".equals(status) || "EXPIRED".equals(status))
                                && validUntil.minusDays(4).isBefore(now)) {
                            reminded =
                                    min(validUntil.minusDays(3), now); // reminded already: no reminder mails in the run
                        }
                        if (!voided) {
                            m.sold[dayIndex]++;
                        }
                        if ("REFUNDED".equals(status)) {
                            m.refunded[dayIndex]++;
                        }
                        if (redeemedAt != null) {
                            store = m.stores.get(weightedStore(m.stores.size(), random));
                            int r = (int) ChronoUnit.DAYS.between(firstDay, redeemedAt.toLocalDate());
                            m.redeemed[r]++;
                            m.redeemedValue[r] += price.movePointRight(3).longValueExact();
                            chunk.events.add(new Object[] {
                                m.tenantId,
                                ids.at(redeemedAt),
                                "REDEEM",
                                ids.at(redeemedAt),
                                couponId,
                                store,
                                m.accountId,
                                redeemedAt,
                                null
                            });
                            if (random.nextDouble() < reviewP) {
                                LocalDateTime reviewed = later(redeemedAt, 2, random);
                                if (reviewed != null) {
                                    int rating = rating(random);
                                    chunk.reviews.add(new Object[] {
                                        m.tenantId,
                                        ids.at(reviewed),
                                        couponId,
                                        dealId,
                                        buyer,
                                        rating,
                                        rating >= 4
                                                ? "Great value, would buy again."
                                                : rating == 3 ? "It was fine." : "Not what I expected.",
                                        reviewed,
                                        null,
                                        null
                                    });
                                }
                            }
                        }
                        chunk.coupons.add(new Object[] {
                            m.tenantId,
                            couponId,
                            dealId,
                            orderId,
                            buyer,
                            code,
                            status,
                            price,
                            "EUR",
                            validUntil,
                            created,
                            redeemedAt,
                            store,
                            refundedAt,
                            reminded
                        });
                    }
                    String orderStatus = voided
                            ? "CANCELLED"
                            : refundedHere == q ? "REFUNDED" : refundedHere > 0 ? "PARTIALLY_REFUNDED" : "CONFIRMED";
                    LocalDateTime closed = voided ? min(created.plusHours(1), now) : null;
                    chunk.orders.add(new Object[] {
                        m.tenantId,
                        orderId,
                        dealId,
                        buyer,
                        q,
                        price,
                        price.multiply(BigDecimal.valueOf(q)),
                        "EUR",
                        orderStatus,
                        "sbx_" + ids.at(created),
                        created,
                        voided ? null : created,
                        closed
                    });
                    if (chunk.coupons.size() >= CHUNK_COUPONS) {
                        put(queue, chunk, failed);
                        chunk = new Chunk();
                    }
                }
            }
        }
        put(queue, chunk, failed);
        for (int w = 0; w < loaders; w++) {
            put(queue, END, failed);
        }
        for (Thread t : writers) {
            t.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("loading failed: " + errors.get(0), errors.get(0));
        }
        double s = (System.nanoTime() - began) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "loaded %,d coupons in %.1f s (%,.0f/s) with their orders, redemption events and reviews%n",
                written[0],
                s,
                written[0] / s);

        try (Connection db = Db.connect(dbPort, SETTINGS);
                Statement st = db.createStatement()) {
            if (!deferred.isEmpty()) {
                long a = System.nanoTime();
                st.execute("ALTER TABLE coupon "
                        + deferred.stream().map(k -> "ADD " + k).collect(java.util.stream.Collectors.joining(", ")));
                if (!showCreate(db, "coupon").equals(couponTable)) {
                    throw new IllegalStateException(
                            "the coupon table is not as before the load: " + showCreate(db, "coupon"));
                }
                System.out.printf(
                        Locale.ROOT,
                        "built the coupon indexes %s again: %.1f s%n",
                        deferred.stream()
                                .map(k -> k.replaceAll(".*KEY `([^`]*)`.*", "$1"))
                                .toList(),
                        (System.nanoTime() - a) / 1e9);
            }
            // The deals as their history says: on sale since before the first coupon, tipped with it, sold = coupons.
            try (PreparedStatement p = db.prepareStatement("UPDATE deal d JOIN (SELECT tenant_id, deal_id, COUNT(*) n,"
                    + " MIN(created_at) first FROM coupon WHERE tenant_id IN (?, ?) AND status <> 'VOID' GROUP BY tenant_id, deal_id) c"
                    + " ON c.tenant_id = d.tenant_id AND c.deal_id = d.id SET d.sold = c.n, d.tipped_at = c.first,"
                    + " d.created_at = ?, d.published_at = ?, d.sales_start = ?")) {
                p.setString(1, main.tenantId);
                p.setString(2, noise.tenantId);
                p.setObject(3, start.minusDays(2));
                p.setObject(4, start.minusDays(1));
                p.setObject(5, start.minusDays(1));
                p.executeUpdate();
            }
            st.executeUpdate(
                    "INSERT INTO deal_rating (tenant_id, deal_id, reviews, rating_total) SELECT tenant_id, deal_id,"
                            + " COUNT(*), SUM(rating) FROM review GROUP BY tenant_id, deal_id");
            long a = System.nanoTime();
            for (String table : List.of(
                    "coupon", "purchase_order", "redemption_event", "review", "deal", "deal_rating", "account")) {
                Db.query(db, "ANALYZE TABLE " + table, false);
            }
            System.out.printf(Locale.ROOT, "ANALYZE TABLE: %.1f s%n", (System.nanoTime() - a) / 1e9);
            for (Merchant m : List.of(main, noise)) {
                System.out.printf(
                        Locale.ROOT,
                        "  %s: %,d coupons (%,d REDEEMED, %,d REFUNDED, %,d VOID, %,d ACTIVE, %,d EXPIRED),"
                                + " %,d orders, %,d redemption events, %,d reviews%n",
                        m.name,
                        Db.count(db, "SELECT COUNT(*) FROM coupon WHERE tenant_id = ?", m.tenantId),
                        Db.count(
                                db,
                                "SELECT COUNT(*) FROM coupon WHERE tenant_id = ? AND status = 'REDEEMED'",
                                m.tenantId),
                        Db.count(
                                db,
                                "SELECT COUNT(*) FROM coupon WHERE tenant_id = ? AND status = 'REFUNDED'",
                                m.tenantId),
                        Db.count(db, "SELECT COUNT(*) FROM coupon WHERE tenant_id = ? AND status = 'VOID'", m.tenantId),
                        Db.count(
                                db,
                                "SELECT COUNT(*) FROM coupon WHERE tenant_id = ? AND status = 'ACTIVE'",
                                m.tenantId),
                        Db.count(
                                db,
                                "SELECT COUNT(*) FROM coupon WHERE tenant_id = ? AND status = 'EXPIRED'",
                                m.tenantId),
                        Db.count(db, "SELECT COUNT(*) FROM purchase_order WHERE tenant_id = ?", m.tenantId),
                        Db.count(db, "SELECT COUNT(*) FROM redemption_event WHERE tenant_id = ?", m.tenantId),
                        Db.count(db, "SELECT COUNT(*) FROM review WHERE tenant_id = ?", m.tenantId));
            }
            List<Map<String, String>> size = Db.query(
                    db,
                    "SELECT ROUND(data_length / 1048576) data_mb, ROUND(index_length / 1048576)"
                            + " index_mb FROM information_schema.tables WHERE table_schema = 'deal' AND table_name = 'coupon'",
                    false);
            List<Map<String, String>> pool = Db.query(db, "SELECT @@innodb_buffer_pool_size / 1048576 pool_mb", false);
            System.out.printf(
                    Locale.ROOT,
                    "  coupon table: %s MB of rows, %s MB of indexes; InnoDB buffer pool %s MB%n",
                    size.get(0).get("data_mb"),
                    size.get(0).get("index_mb"),
                    pool.get(0).get("pool_mb"));
        }
    }

    static String showCreate(Connection db, String table) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SHOW CREATE TABLE " + table)) {
            r.next();
            return r.getString(2);
        }
    }

    static final java.time.format.DateTimeFormatter DATETIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** LOAD DATA LOCAL INFILE of rows given as tab-separated text from memory (the driver's stream, no file). */
    static void loadData(Statement st, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object v = row[i];
                if (v == null) {
                    text.append("\\N");
                } else if (v instanceof LocalDateTime t) {
                    text.append(DATETIME.format(t));
                } else if (v instanceof BigDecimal d) {
                    text.append(d.toPlainString());
                } else {
                    String value = v.toString();
                    for (int c = 0; c < value.length(); c++) {
                        char x = value.charAt(c);
                        if (x == '\t' || x == '\n' || x == '\\') {
                            text.append('\\');
                        }
                        text.append(x);
                    }
                }
            }
            text.append('\n');
        }
        st.unwrap(com.mysql.cj.jdbc.JdbcStatement.class)
                .setLocalInfileInputStream(
                        new java.io.ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        int loaded = st.executeUpdate(sql);
        if (loaded != rows.size()) {
            throw new SQLException("LOAD DATA wrote " + loaded + " of " + rows.size() + " rows: " + sql);
        }
    }

    static void put(BlockingQueue<Chunk> queue, Chunk chunk, AtomicBoolean failed) throws InterruptedException {
        while (!failed.get() && !queue.offer(chunk, 1, java.util.concurrent.TimeUnit.SECONDS)) {
            // a writer is busy; wait for room unless loading failed
        }
    }

    /**
     * Coupons per day over the year: a business that grew (from 0.6 to 1.4 times the average), busier at the end of
     * the week; the counts add up to {@code total} exactly.
     */
    int[] perDay(int total, Random random) {
        double[] weight = new double[DAYS];
        double sum = 0;
        for (int d = 0; d < DAYS; d++) {
            int weekday = start.plusDays(d).getDayOfWeek().getValue();
            weight[d] = (0.6 + 0.8 * d / (DAYS - 1)) * (weekday >= 5 ? 1.3 : 0.9) * (0.9 + 0.2 * random.nextDouble());
            sum += weight[d];
        }
        int[] out = new int[DAYS];
        double cumulative = 0;
        int given = 0;
        for (int d = 0; d < DAYS; d++) {
            cumulative += weight[d] / sum * total;
            int upTo = d == DAYS - 1 ? total : (int) Math.round(cumulative);
            out[d] = upTo - given;
            given = upTo;
        }
        return out;
    }

    /** Deals sell unevenly: the first ones most (weights 1/(rank+1)^0.8). */
    static int popularDeal(int deals, Random random) {
        double sum = 0;
        for (int i = 0; i < deals; i++) {
            sum += Math.pow(i + 1, -0.8);
        }
        double u = random.nextDouble() * sum;
        for (int i = 0; i < deals; i++) {
            u -= Math.pow(i + 1, -0.8);
            if (u <= 0) {
                return i;
            }
        }
        return deals - 1;
    }

    static int weightedStore(int stores, Random random) {
        // the first store takes the most redemptions: weights stores, stores-1, ..., 1
        int total = stores * (stores + 1) / 2;
        int u = random.nextInt(total);
        for (int s = 0; s < stores; s++) {
            u -= stores - s;
            if (u < 0) {
                return s;
            }
        }
        return stores - 1;
    }

    static int rating(Random random) {
        double u = random.nextDouble();
        return u < 0.45 ? 5 : u < 0.75 ? 4 : u < 0.87 ? 3 : u < 0.94 ? 2 : 1;
    }

    /**
     * A moment after {@code from}: exponentially distributed with the mean in days (at least 10 minutes), before the
     * validity ends and before now; drawn again inside what is left when it would fall later; null when there is no room.
     */
    LocalDateTime later(LocalDateTime from, double meanDays, Random random) {
        long base = from.toEpochSecond(ZoneOffset.UTC);
        long limit = Math.min(base + VALID_DAYS * 86_400L - 3600, now.toEpochSecond(ZoneOffset.UTC) - 60);
        if (limit - base < 1200) {
            return null;
        }
        long delay = 600 + (long) (-Math.log(1 - random.nextDouble()) * meanDays * 86_400);
        if (base + delay >= limit) {
            delay = 600 + (long) (random.nextDouble() * (limit - base - 600));
        }
        return LocalDateTime.ofEpochSecond(base + delay, random.nextInt(1000) * 1_000_000, ZoneOffset.UTC);
    }

    static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final String CHECK_SYMBOLS = SYMBOLS + "*~$=U";

    /** As io.groupdeal.domain.coupon.CouponCode: 12 Crockford base32 characters of 60 bits and the mod-37 check symbol. */
    static String code(long value) {
        char[] data = new char[12];
        long rest = value;
        for (int i = 11; i >= 0; i--) {
            data[i] = SYMBOLS.charAt((int) (rest & 31));
            rest >>>= 5;
        }
        return new String(data) + CHECK_SYMBOLS.charAt((int) (value % 37));
    }

    /** As io.groupdeal.domain.shared.Ids.newId: 26 Crockford base32 characters, 48 bits of time (given), 80 random bits. */
    static final class Ids {
        final Random random;

        Ids(Random random) {
            this.random = random;
        }

        String at(LocalDateTime time) {
            char[] out = new char[26];
            long t = time.toInstant(ZoneOffset.UTC).toEpochMilli();
            for (int i = 9; i >= 0; i--) {
                out[i] = SYMBOLS.charAt((int) (t & 31));
                t >>>= 5;
            }
            long high = random.nextLong();
            long low = random.nextLong();
            for (int i = 17; i >= 10; i--) {
                out[i] = SYMBOLS.charAt((int) (high & 31));
                high >>>= 5;
            }
            for (int i = 25; i >= 18; i--) {
                out[i] = SYMBOLS.charAt((int) (low & 31));
                low >>>= 5;
            }
            return new String(out);
        }
    }

    // ---- periods ---------------------------------------------------------------------------------------------------

    record Window(LocalDate from, LocalDate to) {
        /** As the product: from the start of {@code from} to the start of the day after {@code to} (UTC, the default zone). */
        LocalDateTime begin() {
            return from.atStartOfDay();
        }

        LocalDateTime end() {
            return to.plusDays(1).atStartOfDay();
        }

        /** The parameters of SOLD_WITHIN and REDEEMED_WITHIN, as QuarterHours.bounds gives them (days start on a quarter). */
        Object[] quarters() {
            return new Object[] {
                begin().toEpochSecond(ZoneOffset.UTC) / 900, end().toEpochSecond(ZoneOffset.UTC) / 900, begin(), end()
            };
        }

        String query() {
            return "?from=" + from + "&to=" + to;
        }

        /** The UTC days of the period, {@code [from, to)} (day: hour DIV 24). */
        Object[] days() {
            return new Object[] {
                begin().toEpochSecond(ZoneOffset.UTC) / 86_400, end().toEpochSecond(ZoneOffset.UTC) / 86_400
            };
        }

        /** The UTC hours of the period, {@code [from, to)}. */
        Object[] hours() {
            return new Object[] {
                begin().toEpochSecond(ZoneOffset.UTC) / 3600, end().toEpochSecond(ZoneOffset.UTC) / 3600
            };
        }
    }

    /** 30-day windows inside the year of history, in a shuffled order: the same sequence for every 30-day kind. */
    List<Window> thirtyDayWindows() {
        List<Window> out = new ArrayList<>();
        for (LocalDate to = today; !to.minusDays(29).isBefore(firstDay.plusDays(1)); to = to.minusDays(1)) {
            out.add(new Window(to.minusDays(29), to));
        }
        Collections.shuffle(out, new Random(seed + 30));
        return out;
    }

    /** The calendar months wholly inside the history, shuffled. */
    List<Window> months() {
        List<Window> out = new ArrayList<>();
        for (LocalDate first = firstDay.plusMonths(1).withDayOfMonth(1);
                !first.plusMonths(1).minusDays(1).isAfter(today);
                first = first.plusMonths(1)) {
            out.add(new Window(first, first.plusMonths(1).minusDays(1)));
        }
        Collections.shuffle(out, new Random(seed + 31));
        return out;
    }

    Window year() {
        return new Window(today.minusDays(DAYS - 1), today);
    }

    // ---- correctness, once -----------------------------------------------------------------------------------------

    boolean check(String what) throws Exception {
        System.out.printf(Locale.ROOT, "%ncorrectness, %s (the merchant's time zone is UTC, the default):%n", what);
        boolean ok = true;
        List<Window> windows = new ArrayList<>(List.of(new Window(today.minusDays(30), today.minusDays(1)), year()));
        windows.add(thirtyDayWindows().get(0));
        for (LocalDate changed : changedDays.stream().distinct().toList()) {
            windows.add(new Window(changed.minusDays(10), changed.plusDays(19)));
        }
        Window month = months().get(0);
        try (Connection db = Db.connect(dbPort, SETTINGS)) {
            for (Window w : windows) {
                Map<String, Object> d = Json.parse(
                        expect(http.send("GET", "/api/v1/dashboard" + w.query(), main.token, null), 200, "dashboard")
                                .body());
                long sold = Json.number(d, "sold");
                long redeemed = Json.number(d, "redeemed");
                long refunded = Json.number(d, "refunded");
                long jdbcSold = Db.count(
                        db,
                        "SELECT COUNT(*) FROM coupon WHERE tenant_id = ? AND created_at >= ? AND created_at < ?"
                                + " AND status <> 'VOID'",
                        main.tenantId,
                        w.begin(),
                        w.end());
                long jdbcRedeemed = Db.count(
                        db,
                        "SELECT COUNT(*) FROM coupon WHERE tenant_id = ? AND redeemed_at >= ?"
                                + " AND redeemed_at < ? AND status = 'REDEEMED'",
                        main.tenantId,
                        w.begin(),
                        w.end());
                long jdbcRefunded = Db.count(
                        db,
                        "SELECT COUNT(*) FROM coupon WHERE tenant_id = ? AND created_at >= ?"
                                + " AND created_at < ? AND status = 'REFUNDED'",
                        main.tenantId,
                        w.begin(),
                        w.end());
                long plain = Db.count(db, SQL_COUNT, main.tenantId, w.quarters());
                long loadedSold = sum(main.sold, w);
                long loadedRedeemed = sum(main.redeemed, w);
                long loadedRefunded = sum(main.refunded, w);
                boolean totals = sold == jdbcSold
                        && sold == loadedSold
                        && redeemed == jdbcRedeemed
                        && redeemed == loadedRedeemed
                        && refunded == jdbcRefunded
                        && refunded == loadedRefunded;
                int badDays = 0;
                @SuppressWarnings("unchecked")
                List<Object> byDay = (List<Object>) d.get("byDay");
                for (Object o : byDay) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> day = (Map<String, Object>) o;
                    LocalDate date = LocalDate.parse((String) day.get("date"));
                    int i = (int) ChronoUnit.DAYS.between(firstDay, date);
                    long s = i >= 0 && i < main.sold.length ? main.sold[i] : 0;
                    long r = i >= 0 && i < main.redeemed.length ? main.redeemed[i] : 0;
                    if (Json.number(day, "sold") != s || Json.number(day, "redeemed") != r) {
                        badDays++;
                    }
                }
                boolean days = badDays == 0 && byDay.size() == ChronoUnit.DAYS.between(w.from, w.to) + 1;
                ok &= totals && days;
                System.out.printf(
                        Locale.ROOT,
                        "  dashboard %s..%s: sold %,d (JDBC %,d, loaded %,d), redeemed %,d (JDBC %,d,"
                                + " loaded %,d), refunded %,d (JDBC %,d, loaded %,d); %d days, %d differ from the loaded ones;"
                                + " plain COUNT(*) of the window %,d (void coupons included): %s%n",
                        w.from,
                        w.to,
                        sold,
                        jdbcSold,
                        loadedSold,
                        redeemed,
                        jdbcRedeemed,
                        loadedRedeemed,
                        refunded,
                        jdbcRefunded,
                        loadedRefunded,
                        byDay.size(),
                        badDays,
                        plain,
                        totals && days ? "OK" : "MISMATCH");
            }
            for (Window w : List.of(month, year())) {
                Map<String, Object> s = Json.parse(
                        expect(http.send("GET", "/api/v1/settlements" + w.query(), main.token, null), 200, "settlement")
                                .body());
                @SuppressWarnings("unchecked")
                List<Object> lines = (List<Object>) s.get("lines");
                @SuppressWarnings("unchecked")
                Map<String, Object> line = lines.isEmpty() ? Map.of() : (Map<String, Object>) lines.get(0);
                long count = line.isEmpty() ? 0 : Json.number(line, "redeemedCount");
                BigDecimal gross = line.isEmpty()
                        ? BigDecimal.ZERO
                        : new BigDecimal(line.get("grossValue").toString());
                Object[] jdbc = Db.one(
                        db,
                        "SELECT COUNT(*), COALESCE(SUM(price), 0) FROM coupon WHERE tenant_id = ? AND redeemed_at >= ?"
                                + " AND redeemed_at < ? AND status = 'REDEEMED'",
                        main.tenantId,
                        w.begin(),
                        w.end());
                long loadedCount = sum(main.redeemed, w);
                BigDecimal loadedGross = BigDecimal.valueOf(sum(main.redeemedValue, w), 3);
                boolean good = lines.size() == 1
                        && count == ((Number) jdbc[0]).longValue()
                        && count == loadedCount
                        && gross.compareTo((BigDecimal) jdbc[1]) == 0
                        && gross.compareTo(loadedGross) == 0;
                ok &= good;
                System.out.printf(
                        Locale.ROOT,
                        "  settlement %s..%s: %d line(s), redeemed %,d (JDBC %,d, loaded %,d), gross %s"
                                + " (JDBC %s, loaded %s): %s%n",
                        w.from,
                        w.to,
                        lines.size(),
                        count,
                        ((Number) jdbc[0]).longValue(),
                        loadedCount,
                        gross.toPlainString(),
                        ((BigDecimal) jdbc[1])
                                .setScale(2, RoundingMode.UNNECESSARY)
                                .toPlainString(),
                        loadedGross.setScale(2, RoundingMode.UNNECESSARY).toPlainString(),
                        good ? "OK" : "MISMATCH");
            }
        }
        if (!ok) {
            System.out.println("FAIL: the dashboard or the statement does not count what was loaded");
        }
        return ok;
    }

    // ---- summaries and changes of old coupons -----------------------------------------------------------------------

    /** The days (UTC) whose coupons changeOldCoupons changed. */
    final List<LocalDate> changedDays = new ArrayList<>();

    /**
     * The loader wrote a year of history behind the product's back; as the product does for every change of a
     * coupon, it marks the hours the coupons count in as stale (one mark per tenant and hour), and the job builds
     * them. Then waits until every closed hour of both merchants is summarised.
     */
    void summarise() throws Exception {
        try (Connection db = Db.connect(dbPort, SETTINGS)) {
            int marked = Db.update(
                    db,
                    "INSERT INTO dashboard_stale_hour (tenant_id, hour, id) SELECT tenant_id, hour, '" + "BENCHLOAD"
                            + "0".repeat(17) + "'"
                            + " FROM (SELECT DISTINCT tenant_id, created_quarter DIV 4 hour FROM coupon WHERE tenant_id IN (?, ?)"
                            + " UNION SELECT DISTINCT tenant_id, redeemed_quarter DIV 4 FROM coupon WHERE tenant_id IN (?, ?)"
                            + " AND redeemed_quarter IS NOT NULL) h",
                    main.tenantId,
                    noise.tenantId,
                    main.tenantId,
                    noise.tenantId);
            System.out.printf(Locale.ROOT, "marked %,d loaded hours stale for the summary job%n", marked);
        }
        awaitSummarised();
    }

    /** Waits until both merchants' closed hours are summarised and none is marked stale (at most 15 minutes). */
    void awaitSummarised() throws Exception {
        long deadline = System.nanoTime() + 900_000_000_000L;
        String state = "";
        try (Connection db = Db.connect(dbPort, SETTINGS)) {
            while (System.nanoTime() < deadline) {
                long closed = Instant.now().minusSeconds(60).getEpochSecond() / 3600;
                List<Object[]> rows = Db.rows(
                        db,
                        "SELECT s.tenant_id, s.summarised_until, (SELECT COUNT(*) FROM dashboard_stale_hour m"
                                + " WHERE m.tenant_id = s.tenant_id AND m.hour < s.summarised_until)"
                                // a redemption marks its coupon's own row (V28)
                                + " + (SELECT COUNT(*) FROM coupon c WHERE c.tenant_id = s.tenant_id AND c.summary_mark IS NOT NULL"
                                + " AND (c.created_quarter < s.summarised_until * 4 OR c.redeemed_quarter < s.summarised_until * 4))"
                                + " FROM dashboard_summary s"
                                + " WHERE s.tenant_id IN (?, ?)",
                        main.tenantId,
                        noise.tenantId);
                boolean done = rows.size() == 2
                        && rows.stream()
                                .allMatch(
                                        r -> ((Number) r[1]).longValue() >= closed && ((Number) r[2]).longValue() == 0);
                if (done) {
                    return;
                }
                state = rows.stream()
                        .map(r -> r[0] + " until " + r[1] + ", " + r[2] + " stale")
                        .toList()
                        .toString();
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the summary job did not catch up within 15 minutes: " + state);
    }

    /**
     * Old coupons change after their hours were summarised, through the API: a buyer buys 6 coupons, which are moved
     * to 20, 45 and 100 days ago (with the marks the product writes), the job summarises them, then 2 are refunded by
     * the buyer, 3 redeemed at the counter (today) and 1 of these redemptions undone. The tallies of the loaded
     * history follow, so that the next check compares against them.
     */
    void changeOldCoupons() throws Exception {
        String email = "bench-dashboard-buyer-" + Long.toString(System.currentTimeMillis(), 36) + "@bench.groupdeal.io";
        List<String> codes = new ArrayList<>();
        try (Connection db = Db.connect(dbPort, SETTINGS)) {
            Api.buyer(http, email, "Bench Dashboard Buyer");
            String buyer = Api.login(http, email, Api.PASSWORD);
            int[] daysAgo = {20, 20, 45, 45, 100, 100};
            for (int i = 0; i < daysAgo.length; i++) {
                Reply order = expect(
                        http.send(
                                "POST",
                                "/api/v1/orders",
                                buyer,
                                "{\"dealId\":\"" + main.deals.get(0) + "\",\"quantity\":1,\"paymentToken\":\"tok_ok\"}",
                                "Idempotency-Key",
                                java.util.UUID.randomUUID().toString()),
                        201,
                        "order");
                List<JsonObject> coupons = order.json().getJsonArray("coupons").getValuesAs(JsonObject.class);
                if (coupons.isEmpty()) {
                    throw new IllegalStateException("no coupon in " + abbreviate(order.body()));
                }
                String c = coupons.get(0).getString("code").replace("-", "");
                codes.add(c);
                LocalDateTime at = today.minusDays(daysAgo[i]).atTime(10, 7 * i, 0);
                db.setAutoCommit(false);
                String where = " WHERE tenant_id = ? AND code = ?";
                String mark =
                        "INSERT INTO dashboard_stale_hour (tenant_id, hour, id) SELECT tenant_id, created_quarter DIV 4, ? FROM coupon"
                                + where;
                Db.update(db, mark, "BENCHMOVE" + i + "A0000000000000000".substring(0, 16), main.tenantId, c);
                Db.update(db, "UPDATE coupon SET created_at = ?" + where, at, main.tenantId, c);
                Db.update(db, mark, "BENCHMOVE" + i + "B0000000000000000".substring(0, 16), main.tenantId, c);
                db.commit();
                db.setAutoCommit(true);
                int d = (int) ChronoUnit.DAYS.between(firstDay, at.toLocalDate());
                main.sold[d]++;
                changedDays.add(at.toLocalDate());
            }
            awaitSummarised();
            int t = (int) ChronoUnit.DAYS.between(firstDay, LocalDate.now(ZoneOffset.UTC));
            for (int i : new int[] {0, 2}) {
                expect(http.send("POST", "/api/v1/coupons/" + codes.get(i) + "/refund", buyer, null), 200, "refund");
                main.refunded[(int) ChronoUnit.DAYS.between(firstDay, changedDays.get(i))]++;
            }
            List<String> redemptions = new ArrayList<>();
            for (int i : new int[] {1, 3, 4}) {
                Reply r = expect(
                        http.send(
                                "POST",
                                "/api/v1/counter/redemptions",
                                main.token,
                                "{\"code\":\"" + codes.get(i) + "\",\"storeId\":\"" + main.stores.get(0) + "\"}"),
                        201,
                        "redemption");
                redemptions.add(Json.string(Json.parse(r.body()), "id"));
                main.redeemed[t]++;
                main.redeemedValue[t] += main.prices.get(0).movePointRight(3).longValueExact();
            }
            expect(
                    http.send(
                            "POST",
                            "/api/v1/counter/redemptions/" + redemptions.get(1) + "/undo",
                            main.token,
                            "{\"reason\":\"Bench: wrong coupon\"}"),
                    204,
                    "undo");
            main.redeemed[t]--;
            main.redeemedValue[t] -= main.prices.get(0).movePointRight(3).longValueExact();
        }
        System.out.printf(
                Locale.ROOT,
                "%nchanged old coupons through the API: 6 bought and moved to %s, summarised; 2 refunded,"
                        + " 3 redeemed today, 1 redemption undone%n",
                changedDays.stream().distinct().toList());
    }

    long sum(long[] perDay, Window w) {
        long total = 0;
        for (LocalDate d = w.from; !d.isAfter(w.to); d = d.plusDays(1)) {
            int i = (int) ChronoUnit.DAYS.between(firstDay, d);
            if (i >= 0 && i < perDay.length) {
                total += perDay[i];
            }
        }
        return total;
    }

    // ---- plans -----------------------------------------------------------------------------------------------------

    void explain() throws SQLException {
        Window thirty = new Window(today.minusDays(30), today.minusDays(1));
        try (Connection db = Db.connect(dbPort, SETTINGS)) {
            List<String> top = new ArrayList<>();
            for (Object[] r : Db.rows(db, SQL_TOP_DEALS, main.tenantId, thirty.quarters(), main.tenantId)) {
                top.add((String) r[0]);
            }
            while (top.size() < 5) {
                top.add("none");
            }
            for (Window w : List.of(thirty, year())) {
                System.out.printf(
                        Locale.ROOT,
                        "%nEXPLAIN of the statements of one dashboard and one statement, %s..%s; each"
                                + " statement's time alone over JDBC (median of 3):%n",
                        w.from,
                        w.to);
                Map<String, Object[]> statements = new LinkedHashMap<>();
                statements.put("sales by quarter hour", new Object[] {SQL_SALES, main.tenantId, w.quarters()});
                statements.put(
                        "redemptions by quarter hour and store",
                        new Object[] {SQL_REDEMPTIONS, main.tenantId, w.quarters()});
                statements.put("reviews", new Object[] {SQL_REVIEWS, main.tenantId, w.begin(), w.end()});
                statements.put("deals on sale", new Object[] {SQL_DEALS, main.tenantId});
                statements.put("stores", new Object[] {SQL_STORES, main.tenantId});
                statements.put("top deals", new Object[] {SQL_TOP_DEALS, main.tenantId, w.quarters(), main.tenantId});
                statements.put("top deals' redemptions", new Object[] {
                    SQL_TOP_REDEEMED,
                    main.tenantId,
                    w.quarters(),
                    top.get(0),
                    top.get(1),
                    top.get(2),
                    top.get(3),
                    top.get(4)
                });
                statements.put("settlement", new Object[] {SQL_SETTLEMENT, main.tenantId, w.quarters()});
                statements.put(
                        "V16 summary: sales and redemptions by hour",
                        new Object[] {SQL_SUMMARY_HOURS, main.tenantId, w.hours()});
                statements.put(
                        "V16 summary: redemptions by store",
                        new Object[] {SQL_SUMMARY_STORES, main.tenantId, w.hours()});
                statements.put(
                        "V16 summary: by deal (top deals)", new Object[] {SQL_SUMMARY_DEALS, main.tenantId, w.hours()});
                statements.put(
                        "V27 summary: sales and redemptions by hour and currency",
                        new Object[] {SQL_DAY_HOURS, main.tenantId, w.hours()});
                statements.put(
                        "V27 summary: redemptions by store, whole days",
                        new Object[] {SQL_DAY_STORES, main.tenantId, w.days()});
                statements.put(
                        "V27 summary: by deal (top deals), whole days",
                        new Object[] {SQL_DAY_DEALS, main.tenantId, w.days()});
                statements.put("baseline COUNT(*)", new Object[] {SQL_COUNT, main.tenantId, w.quarters()});
                for (Map.Entry<String, Object[]> e : statements.entrySet()) {
                    Object[] s = e.getValue();
                    Object[] parameters = Arrays.copyOfRange(s, 1, s.length);
                    List<Map<String, String>> plan =
                            Db.query(db, "EXPLAIN " + inline((String) s[0], parameters), false);
                    long[] times = new long[3];
                    for (int i = 0; i < times.length; i++) {
                        long t = System.nanoTime();
                        Db.rows(db, (String) s[0], parameters);
                        times[i] = System.nanoTime() - t;
                    }
                    Arrays.sort(times);
                    StringBuilder access = new StringBuilder();
                    for (Map<String, String> r : plan) {
                        if (access.length() > 0) {
                            access.append("; ");
                        }
                        access.append(r.get("table"))
                                .append(": ")
                                .append(r.get("type"))
                                .append(" on ")
                                .append(r.get("key"))
                                .append(", ~")
                                .append(r.get("rows"))
                                .append(" rows");
                        String extra = r.get("Extra");
                        if (extra != null && !extra.isBlank()) {
                            access.append(" (").append(extra).append(")");
                        }
                    }
                    System.out.printf(Locale.ROOT, "  %-38s %9.1f ms  %s%n", e.getKey(), times[1] / 1e6, access);
                }
            }
        }
    }

    static String inline(String sql, Object[] nested) {
        Object[] values = Db.flat(nested);
        StringBuilder out = new StringBuilder();
        int v = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                Object value = values[v++];
                out.append('\'')
                        .append(value instanceof LocalDateTime t ? t.toString().replace('T', ' ') : value)
                        .append('\'');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---- timing ----------------------------------------------------------------------------------------------------

    enum Via {
        HTTP,
        JDBC
    }

    record Kind(String key, String label, Via via, boolean year) {}

    final List<Kind> kinds = List.of(
            new Kind("health", "GET /health (HTTP baseline)", Via.HTTP, false),
            new Kind("count30", "COUNT(*) 30 days, JDBC (the baseline)", Via.JDBC, false),
            new Kind("dash30", "GET /dashboard 30 days", Via.HTTP, false),
            new Kind("sql30", "live SQL 30 days (before V16), JDBC", Via.JDBC, false),
            new Kind("settleMonth", "GET /settlements calendar month", Via.HTTP, false),
            new Kind("count365", "COUNT(*) 365 days, JDBC", Via.JDBC, true),
            new Kind("dash365", "GET /dashboard 365 days", Via.HTTP, true),
            new Kind("settle365", "GET /settlements 365 days", Via.HTTP, true));

    static final class Stats {
        final List<Latencies> perRound = new ArrayList<>();
        long failures;
        String firstFailure;
        long nanos;
        long productTicks;
        long mariadbTicks;
        long busyTicks;
        long allTicks;
        int requests;

        Latencies all() {
            Latencies all = new Latencies();
            perRound.forEach(all::add);
            return all;
        }
    }

    Map<String, Stats> measure() throws Exception {
        List<Window> thirty = thirtyDayWindows();
        List<Window> months = months();
        Map<String, Stats> stats = new LinkedHashMap<>();
        kinds.forEach(k -> stats.put(k.key, new Stats()));
        CpuMeter cpu = new CpuMeter(httpPort, dbPort);
        System.out.printf(
                Locale.ROOT,
                "%ntiming: %d client threads for every kind; per kind %d timed requests (%d for the"
                        + " 365-day kinds) in %d rounds that alternate the order of the kinds, after a warm-up of %d (%d);"
                        + " %,d different 30-day windows, %d calendar months; %s%n",
                threads,
                requests,
                yearRequests,
                rounds,
                warmup,
                yearWarmup,
                thirty.size(),
                months.size(),
                cpu.describe());
        int[] offset = new int[1];
        for (Kind k : kinds) {
            int n = k.year ? yearWarmup : warmup;
            if (n > 0) {
                Stats warm = new Stats();
                runKind(k, (n + threads - 1) / threads, thirty, months, 0, warm, cpu);
                System.out.printf(
                        Locale.ROOT,
                        "  warm-up %-38s %4d requests, p50 %8.1f ms%s%n",
                        k.label,
                        warm.all().count(),
                        warm.all().ms(0.5),
                        warm.failures > 0 ? ", " + warm.failures + " failed: " + warm.firstFailure : "");
            }
        }
        for (int r = 0; r < rounds; r++) {
            List<Kind> order = new ArrayList<>(kinds);
            if (r % 2 == 1) {
                Collections.reverse(order);
            }
            for (Kind k : order) {
                int total = k.year ? yearRequests : requests;
                int perThread = Math.max(1, (int) Math.ceil(total / (double) rounds / threads));
                Stats s = stats.get(k.key);
                runKind(k, perThread, thirty, months, offset[0], s, cpu);
                Latencies last = s.perRound.get(s.perRound.size() - 1);
                System.out.printf(
                        Locale.ROOT,
                        "  round %d %-38s %4d requests, p50 %8.1f ms, p95 %8.1f ms%n",
                        r + 1,
                        k.label,
                        last.count(),
                        last.ms(0.5),
                        last.ms(0.95));
            }
            offset[0] += 1000;
        }
        return stats;
    }

    /** One kind: {@code threads} clients, each {@code perThread} requests one after the other; results into {@code stats}. */
    void runKind(
            Kind kind, int perThread, List<Window> thirty, List<Window> months, int offset, Stats stats, CpuMeter cpu)
            throws Exception {
        Latencies round = new Latencies();
        long[] failures = new long[threads];
        String[] firstFailure = new String[threads];
        long[] deadline = new long[1];
        Clients clients = Clients.start(threads, (worker, start) -> {
            Http http = kind.via == Via.HTTP ? this.http : null;
            try (Connection db = kind.via == Via.JDBC ? Db.connect(dbPort, SETTINGS) : null) {
                if (db != null) {
                    db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                start.ready();
                for (int i = 0; i < perThread && System.nanoTime() < deadline[0]; i++) {
                    int index = offset + worker * perThread + i;
                    Window w30 = thirty.get(index % thirty.size());
                    long t0 = System.nanoTime();
                    String failure;
                    try {
                        failure = call(kind, http, db, w30, months.get(index % months.size()));
                    } catch (IOException | SQLException e) {
                        failure = e.toString();
                    }
                    long took = System.nanoTime() - t0;
                    if (failure == null) {
                        round.record(took);
                    } else {
                        failures[worker]++;
                        if (firstFailure[worker] == null) {
                            firstFailure[worker] = failure;
                        }
                    }
                }
            }
        });
        clients.awaitReady();
        CpuMeter.Usage before = cpu.sample();
        long began = System.nanoTime();
        deadline[0] = began + maxSeconds * 1_000_000_000L;
        clients.go();
        clients.join();
        long elapsed = System.nanoTime() - began;
        CpuMeter.Usage used = cpu.sample().minus(before);
        if (!clients.errors().isEmpty()) {
            Exception first = clients.errors().get(0);
            throw new IllegalStateException(kind.label + ": " + first, first);
        }
        for (int w = 0; w < threads; w++) {
            stats.failures += failures[w];
            if (stats.firstFailure == null) {
                stats.firstFailure = firstFailure[w];
            }
        }
        stats.perRound.add(round);
        stats.nanos += elapsed;
        stats.requests += (int) round.count();
        stats.productTicks += used.product;
        stats.mariadbTicks += used.mariadb;
        stats.busyTicks += used.machineBusy;
        stats.allTicks += used.machineAll;
        if (System.nanoTime() >= deadline[0]) {
            System.out.printf(
                    Locale.ROOT,
                    "  (%s stopped after --max-seconds %d: fewer requests than asked)%n",
                    kind.label,
                    maxSeconds);
        }
    }

    /** One request of a kind; null when it answered as expected, else what went wrong. */
    String call(Kind kind, Http http, Connection db, Window thirty, Window month) throws IOException, SQLException {
        Window year = year();
        switch (kind.key) {
            case "health" -> {
                return status(http.send("GET", "/health", null, null), "UP");
            }
            case "dash30" -> {
                return status(http.send("GET", "/api/v1/dashboard" + thirty.query(), main.token, null), "\"byDay\"");
            }
            case "dash365" -> {
                return status(http.send("GET", "/api/v1/dashboard" + year.query(), main.token, null), "\"byDay\"");
            }
            case "settleMonth" -> {
                return status(http.send("GET", "/api/v1/settlements" + month.query(), main.token, null), "\"lines\"");
            }
            case "settle365" -> {
                return status(http.send("GET", "/api/v1/settlements" + year.query(), main.token, null), "\"lines\"");
            }
            case "count30", "count365" -> {
                Window w = kind.key.equals("count30") ? thirty : year;
                return Db.count(db, SQL_COUNT, main.tenantId, w.quarters()) > 0 ? null : "count 0";
            }
            case "sql30" -> {
                dashboardSql(db, thirty);
                return null;
            }
            default -> throw new IllegalStateException(kind.key);
        }
    }

    /**
     * The statements DashboardRepository ran for one dashboard before V16 (every hour from the coupons), in its order,
     * each on the connection (autocommit): the same-run baseline of what the summaries replace.
     */
    void dashboardSql(Connection db, Window w) throws SQLException {
        Db.rows(db, SQL_SALES, main.tenantId, w.quarters());
        Db.rows(db, SQL_REDEMPTIONS, main.tenantId, w.quarters());
        Db.rows(db, SQL_REVIEWS, main.tenantId, w.begin(), w.end());
        Db.rows(db, SQL_DEALS, main.tenantId);
        Db.rows(db, SQL_STORES, main.tenantId);
        List<Object[]> top = Db.rows(db, SQL_TOP_DEALS, main.tenantId, w.quarters(), main.tenantId);
        if (!top.isEmpty()) {
            Object[] p = new Object[2 + top.size()];
            p[0] = main.tenantId;
            p[1] = w.quarters();
            for (int i = 0; i < top.size(); i++) {
                p[2 + i] = top.get(i)[0];
            }
            Db.rows(
                    db,
                    "SELECT deal_id, COUNT(*) FROM coupon WHERE tenant_id = ? AND " + REDEEMED_WITHIN
                            + " AND status = 'REDEEMED' AND deal_id IN (" + "?, ".repeat(top.size() - 1)
                            + "?) GROUP BY deal_id",
                    p);
        }
    }

    static String status(Reply reply, String expected) {
        if (reply.status() == 200 && reply.body().contains(expected)) {
            return null;
        }
        return reply.status() + " " + abbreviate(reply.body());
    }

    // ---- report ----------------------------------------------------------------------------------------------------

    int report(Map<String, Stats> stats) {
        System.out.printf(
                Locale.ROOT, "%nresults (all rounds; CPU per request from /proc: the product's JVM and MariaDB):%n");
        System.out.printf(
                Locale.ROOT,
                "  %-40s %6s %9s %9s %9s %9s %7s %10s %10s %6s%n",
                "",
                "count",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "mean ms",
                "req/s",
                "JVM ms/req",
                "DB ms/req",
                "busy");
        long failed = 0;
        for (Kind k : kinds) {
            Stats s = stats.get(k.key);
            Latencies v = s.all();
            failed += s.failures;
            double n = Math.max(1, v.count());
            System.out.printf(
                    Locale.ROOT,
                    "  %-40s %6d %9.2f %9.2f %9.2f %9.2f %7.1f %10.2f %10.2f %5.0f%%%s%n",
                    k.label,
                    v.count(),
                    v.ms(0.50),
                    v.ms(0.95),
                    v.ms(0.99),
                    v.meanMs(),
                    v.count() / (s.nanos / 1e9),
                    s.productTicks * 10 / n,
                    s.mariadbTicks * 10 / n,
                    s.allTicks == 0 ? 0 : 100.0 * s.busyTicks / s.allTicks,
                    s.failures > 0 ? "  (" + s.failures + " failed; first: " + abbreviate(s.firstFailure) + ")" : "");
        }
        double dash30 = p95(stats, "dash30");
        double count30 = p95(stats, "count30");
        System.out.printf(Locale.ROOT, "%nratios of p95 (p50):%n");
        ratio("dashboard 30 d / COUNT 30 d", stats, "dash30", "count30");
        ratio("live SQL 30 d (before V16) over JDBC / COUNT 30 d", stats, "sql30", "count30");
        ratio("dashboard 30 d / the live SQL before V16", stats, "dash30", "sql30");
        ratio("dashboard 30 d / GET /health", stats, "dash30", "health");
        ratio("dashboard 365 d / COUNT 365 d", stats, "dash365", "count365");
        ratio("settlement month / COUNT 30 d", stats, "settleMonth", "count30");
        ratio("settlement 365 d / COUNT 365 d", stats, "settle365", "count365");
        ratio("COUNT 365 d / COUNT 30 d", stats, "count365", "count30");
        System.out.printf(Locale.ROOT, "%nper round, p95 ms of dashboard 30 d / COUNT 30 d:");
        for (int r = 0; r < stats.get("dash30").perRound.size(); r++) {
            double d = stats.get("dash30").perRound.get(r).ms(0.95);
            double c = stats.get("count30").perRound.get(r).ms(0.95);
            System.out.printf(Locale.ROOT, "  round %d: %.1f / %.1f = %.1fx", r + 1, d, c, d / c);
        }
        System.out.println();
        boolean met = dash30 > 0 && dash30 <= TARGET_MS;
        System.out.printf(
                Locale.ROOT,
                "%nTARGET p95(dashboard 30 days) <= %.0f ms: %s (p95 %.1f ms, %.1fx the plain COUNT's %.1f ms)%n",
                TARGET_MS,
                met ? "MET" : "MISSED",
                dash30,
                dash30 / count30,
                count30);
        long total =
                stats.values().stream().mapToLong(s -> s.requests + s.failures).sum();
        if (failed > Math.max(1, total / 100)) {
            System.out.println("FAIL: more than 1% of the timed requests failed");
            return 1;
        }
        return !met && strictTarget ? 4 : 0;
    }

    static double p95(Map<String, Stats> stats, String key) {
        return stats.get(key).all().ms(0.95);
    }

    static void ratio(String name, Map<String, Stats> stats, String a, String b) {
        Latencies x = stats.get(a).all();
        Latencies y = stats.get(b).all();
        System.out.printf(
                Locale.ROOT, "  %-48s %8.1fx (%.1fx)%n", name, x.ms(0.95) / y.ms(0.95), x.ms(0.5) / y.ms(0.5));
    }

    static String abbreviate(String text) {
        return Text.abbreviate(text);
    }

    // ---- where the CPU goes ----------------------------------------------------------------------------------------

    /** CPU ticks of the product's JVM (Payara Micro, by its --port) and of the embedded MariaDB, from /proc (Linux). */
    static final class CpuMeter {
        final long product;
        final long mariadb;

        CpuMeter(int httpPort, int dbPort) {
            product = Procs.product(httpPort);
            mariadb = Procs.mariadb(dbPort);
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "CPU measured of the product JVM %s and MariaDB %s",
                    product < 0 ? "(not found)" : "pid " + product,
                    mariadb < 0 ? "(not found)" : "pid " + mariadb);
        }

        record Usage(long product, long mariadb, long machineBusy, long machineAll) {
            Usage minus(Usage o) {
                return new Usage(
                        product - o.product,
                        mariadb - o.mariadb,
                        machineBusy - o.machineBusy,
                        machineAll - o.machineAll);
            }
        }

        Usage sample() {
            long[] machine = Procs.machine();
            return new Usage(Procs.ticks(product), Procs.ticks(mariadb), machine[0], machine[1]);
        }
    }

    /** The reply, when it has the status; else an exception naming {@code what} and the answer. */
    static Reply expect(Reply reply, int status, String what) {
        return reply.expect(status, what);
    }
}
