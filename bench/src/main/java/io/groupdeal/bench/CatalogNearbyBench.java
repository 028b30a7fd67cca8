package io.groupdeal.bench;

import io.groupdeal.bench.harness.Api;
import io.groupdeal.bench.harness.Db;
import io.groupdeal.bench.harness.Http;
import io.groupdeal.bench.harness.Json;
import io.groupdeal.bench.harness.Latencies;
import io.groupdeal.bench.harness.Options;
import io.groupdeal.bench.harness.Text;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark of the catalog's "deals near me" against a primary-key-style lookup, in the same run on the same machine.
 *
 * <p>Loads 500 tenants, 10,000 stores in ten metro areas and 50,000 ON_SALE deals into the product's database (plain
 * JDBC batches), then times GET /api/v1/catalog/deals?lat&lng&radiusKm=5&size=20 against GET
 * /api/v1/catalog/deals/{id}, interleaved in one shuffled sequence so that machine noise hits both alike, and prints
 * p50/p95/p99 and the ratios nearby/lookup. Then it checks every timed nearby answer, and deeper pages of some of the
 * same points, against a brute-force ranking of every deal in memory (ids, order, distances, the count), times the
 * earlier design's SQL (every deal-store pair ranked) over JDBC for comparison, and prints the EXPLAIN and ANALYZE of
 * the statements that rank, with a verdict on their plans.
 *
 * <p>Run by bench/catalog-nearby.sh; by hand against a running product:
 * {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.groupdeal.bench.CatalogNearbyBench
 * --http-port 18480 --db-port 13480} (after the script built the module).
 * Every loop is bounded by the counts given on the command line.
 */
public final class CatalogNearbyBench {

    // ---- data shape ------------------------------------------------------------------------------------------------

    static final int TENANTS = 500;
    static final int STORES = 10_000;
    static final int DEALS = 50_000;
    /** Share of deals that name 1-3 of their tenant's stores; the others are redeemable at every store of the tenant. */
    static final double DEALS_WITH_STORE_LIST = 0.2;
    /** Share of tenants whose stores spread over two or three metro areas (chains). */
    static final double CHAINS = 0.1;

    static final double METRO_RADIUS_KM = 30;
    /** Stores are denser near the centre: distance = 30 km * u^0.75 (u uniform), ~9% of a city's stores within 5 km. */
    static final double STORE_SPREAD_EXPONENT = 0.75;
    /** Query points: where people look for deals, within 20 km of a centre with the same density shape. */
    static final double QUERY_RADIUS_KM = 20;

    record City(String name, String postcode, double lat, double lng, double weight) {}

    static final List<City> CITIES = List.of(
            new City("Berlin", "10115", 52.520008, 13.404954, 0.16),
            new City("Hamburg", "20095", 53.551086, 9.993682, 0.09),
            new City("München", "80331", 48.137154, 11.576124, 0.12),
            new City("Köln", "50667", 50.937531, 6.960279, 0.08),
            new City("Frankfurt am Main", "60311", 50.110924, 8.682127, 0.08),
            new City("Wien", "1010", 48.208176, 16.373819, 0.10),
            new City("Zürich", "8001", 47.376888, 8.541694, 0.06),
            new City("Amsterdam", "1012", 52.367573, 4.904139, 0.09),
            new City("Paris", "75001", 48.856613, 2.352222, 0.14),
            new City("Warszawa", "00-001", 52.229675, 21.012230, 0.08));

    // ---- the SQL of io.groupdeal.domain.catalog.CatalogRepository, copied for the EXPLAIN and the raw timings -------

    static final double EARTH_RADIUS_KM = 6371.0088;
    static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180;
    static final String DISTANCE =
            "2 * " + EARTH_RADIUS_KM + " * ASIN(LEAST(1, SQRT(POW(SIN(RADIANS(s.latitude - ?) / 2), 2)"
                    + " + COS(RADIANS(?)) * COS(RADIANS(s.latitude)) * POW(SIN(RADIANS(s.longitude - ?) / 2), 2))))";
    /** near(): the stores in the circle, nearest first (the bounding box on ix_store_lat_lng, then the exact distance). */
    static final String NEAR_STORES = "SELECT s.tenant_id, s.id, " + DISTANCE + " AS km FROM store s"
            + " JOIN tenant t ON t.id = s.tenant_id AND t.status = 'ACTIVE'"
            + " WHERE s.latitude BETWEEN ? AND ? AND s.longitude BETWEEN ? AND ? AND s.archived_at IS NULL HAVING km <= ?"
            + " ORDER BY km, s.tenant_id, s.id";
    /** met(): one batch of the walk (here its first: the nearest two stores), deal ids only; %1$s merchants, %2$s stores. */
    static final String NEAR_BATCH = "SELECT d.id, d.tenant_id, NULL FROM deal d"
            + " LEFT JOIN deal_store x ON x.tenant_id = d.tenant_id AND x.deal_id = d.id WHERE d.tenant_id IN (%1$s)"
            + " AND d.status IN ('SCHEDULED', 'ON_SALE') AND x.deal_id IS NULL"
            + " UNION ALL SELECT d.id, d.tenant_id, x.store_id FROM deal_store x JOIN deal d ON d.tenant_id = x.tenant_id AND d.id = x.deal_id"
            + " WHERE x.tenant_id IN (%1$s) AND x.store_id IN (%2$s) AND d.status IN ('SCHEDULED', 'ON_SALE')";

    static final String BY_ID = "SELECT * FROM deal WHERE id = ?";

    /** The earlier design (until issue 14): every deal-store pair in the box ranked, and counted again; for comparison. */
    static final String COLUMNS = "d.id, d.tenant_id, d.title, d.description, d.fine_print, t.business_name,"
            + " d.price, d.original_value, d.currency, d.sold, d.min_buyers, d.max_quantity, d.sales_start, d.sales_end,"
            + " d.coupon_valid_until, d.status";

    static final String ELIGIBLE =
            "s.archived_at IS NULL AND (NOT EXISTS (SELECT 1 FROM deal_store x WHERE x.tenant_id = d.tenant_id AND x.deal_id = d.id)"
                    + " OR EXISTS (SELECT 1 FROM deal_store x WHERE x.tenant_id = d.tenant_id AND x.deal_id = d.id AND x.store_id = s.id))";
    static final String PAIRS_FROM = " FROM deal d JOIN tenant t ON t.id = d.tenant_id AND t.status = 'ACTIVE'"
            + " JOIN store s ON s.tenant_id = d.tenant_id AND s.latitude BETWEEN ? AND ? AND s.longitude BETWEEN ? AND ?"
            + " AND " + ELIGIBLE + " WHERE d.status IN ('SCHEDULED', 'ON_SALE')";
    static final String PAIRS_GROUPED = "SELECT " + COLUMNS + ", MIN(" + DISTANCE + ") AS distance_km" + PAIRS_FROM
            + " GROUP BY d.tenant_id, d.id HAVING distance_km <= ?";
    static final String PAIRS_PAGE = PAIRS_GROUPED + " ORDER BY distance_km, d.id LIMIT ? OFFSET ?";
    static final String PAIRS_COUNT = "SELECT COUNT(*) FROM (" + PAIRS_GROUPED + ") matches";

    /** NearestDeals.COUNTED: up to this many matches (or the end of the page) the API's count is exact. */
    static final int COUNTED = 100;

    // ---- options ---------------------------------------------------------------------------------------------------

    int httpPort = 18480;
    int dbPort = 13480;
    int requests = 400;
    int warmup = 50;
    int jdbcRequests = 30;
    /** A second bound on each timed phase: it stops early (at a whole pair) when a slow machine would take longer. */
    int maxSeconds = 150;

    int threads = 1;
    double radiusKm = 5;
    long seed = 20240601L;
    boolean reload = false;

    public static void main(String[] args) {
        Api.exit(new CatalogNearbyBench().parse(args)::run);
    }

    /** Reads the options; throws IllegalArgumentException for an unknown one or a value out of bounds. */
    CatalogNearbyBench parse(String[] args) {
        Options o = new Options(args);
        httpPort = o.integer("--http-port", httpPort);
        dbPort = o.integer("--db-port", dbPort);
        requests = o.integer("--requests", requests);
        warmup = o.integer("--warmup", warmup);
        jdbcRequests = o.integer("--jdbc-requests", jdbcRequests);
        threads = o.integer("--threads", threads);
        radiusKm = o.decimal("--radius-km", radiusKm);
        seed = o.number("--seed", seed);
        maxSeconds = o.integer("--max-seconds", maxSeconds);
        reload = o.flag("--reload");
        o.requireKnown();
        if (requests < 1
                || requests > 100_000
                || warmup < 0
                || warmup > 10_000
                || jdbcRequests < 0
                || jdbcRequests > 100_000
                || threads < 1
                || threads > 64
                || !(radiusKm > 0 && radiusKm <= 500)
                || maxSeconds < 1
                || maxSeconds > 3600) {
            throw new IllegalArgumentException(
                    "out of bounds: requests 1..100000, warmup 0..10000, jdbc-requests 0..100000,"
                            + " threads 1..64, radius-km (0, 500], max-seconds 1..3600");
        }
        return this;
    }

    int run() throws Exception {
        String settings =
                "&rewriteBatchedStatements=true&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8";
        System.out.printf(
                Locale.ROOT,
                "catalog-nearby bench: %d tenants, %d stores in %d metro areas, %d deals; seed %d%n",
                TENANTS,
                STORES,
                CITIES.size(),
                DEALS,
                seed);
        List<String> dealIds;
        try (Connection db = Db.connect(dbPort, settings)) {
            waitForSchema(db);
            dealIds = load(db);
            analyze(db);
        }

        Random random = new Random(seed ^ 0x5EEDL);
        Http http = new Http(httpPort, Duration.ofSeconds(30));
        String base = "/api/v1/catalog/deals";

        System.out.printf(
                Locale.ROOT,
                "%nHTTP: %d warm-up + %d timed pairs asked, each pair one nearby query and one lookup"
                        + " in random order, %s; radiusKm=%s, size=20%n",
                warmup,
                requests,
                threads == 1 ? "sequential (1 client thread)" : threads + " client threads",
                num(radiusKm));
        Result warm = timeHttp(http, base, dealIds, random, warmup);
        if (warm.failures.get() > 0) {
            System.out.println("warm-up failures: " + warm.failures.get() + " (first: " + warm.firstFailure + ")");
        }
        Result timed = timeHttp(http, base, dealIds, random, requests);
        printTable(
                timed.nearby,
                timed.lookup,
                "GET /catalog/deals?lat&lng&radiusKm (nearby)",
                "GET /catalog/deals/{id} (lookup)");
        System.out.printf(
                Locale.ROOT,
                "  nearby answers: total %.1f on average (median %d, max %d; exact up to %d, else"
                        + " \"more than\"), %.1f items on the page; %d pairs in %.1f s; failures %d%n",
                timed.totals.stream().mapToLong(Long::longValue).average().orElse(0),
                median(timed.totals),
                timed.totals.stream().mapToLong(Long::longValue).max().orElse(0),
                COUNTED,
                timed.items.get() / (double) Math.max(1, timed.nearby.count()),
                timed.pairs.get(),
                timed.elapsedNanos / 1e9,
                timed.failures.get());
        if (timed.stoppedEarly) {
            System.out.printf(
                    Locale.ROOT, "  stopped early after %d s (--max-seconds): fewer pairs than asked%n", maxSeconds);
        }
        if (timed.failures.get() > 0) {
            System.out.println("  first failure: " + timed.firstFailure);
        }

        int exit = 0;
        try (Connection db = Db.connect(dbPort, settings)) {
            BruteForce truth = BruteForce.load(db);
            exit |= check(http, truth, timed.answers, random);
        }
        try (Connection db = Db.connect(dbPort, settings)) {
            if (jdbcRequests > 0) {
                timeJdbc(db, dealIds, random);
            }
            exit |= explain(db);
        }
        if (timed.failures.get() > Math.max(1, timed.pairs.get()) * 2 / 100) {
            System.out.println("FAIL: more than 1% of the timed requests failed");
            exit |= 1;
        }
        return exit;
    }

    // ---- loading ---------------------------------------------------------------------------------------------------

    void waitForSchema(Connection db) throws Exception {
        for (int i = 0; i < 120; i++) {
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery(
                            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'deal' AND table_name = 'deal_store'")) {
                r.next();
                if (r.getInt(1) == 1) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the schema (table deal_store) did not appear within 60 s");
    }

    /** Loads the data set unless the same one is there already; answers the ids of the loaded deals. */
    List<String> load(Connection db) throws SQLException {
        long present = Db.count(db, "SELECT COUNT(*) FROM tenant WHERE business_name LIKE 'Bench %'");
        if (present > 0 && !reload) {
            List<String> ids = new ArrayList<>();
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery(
                            "SELECT d.id FROM deal d JOIN tenant t ON t.id = d.tenant_id WHERE t.business_name LIKE 'Bench %' ORDER BY d.id")) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "reusing the bench data already in the database: %d bench tenants, %d bench deals"
                            + " (--reload to load anew)%n",
                    present,
                    ids.size());
            if (present != TENANTS || ids.size() != DEALS) {
                throw new IllegalStateException(
                        "the bench data present is incomplete; wipe the data folder or use --reload");
            }
            return ids;
        }
        if (present > 0) {
            deleteBenchData(db);
        }
        long started = System.nanoTime();
        Random random = new Random(seed);
        IdMaker ids = new IdMaker(random);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        db.setAutoCommit(false);

        String[] tenantIds = new String[TENANTS];
        City[] home = new City[TENANTS];
        try (PreparedStatement p = db.prepareStatement(
                "INSERT INTO tenant (id, business_name, status, commission_rate,"
                        + " time_zone, undo_window_minutes, created_at, version) VALUES (?, ?, 'ACTIVE', 0.1000, ?, 10, ?, 0)")) {
            for (int t = 0; t < TENANTS; t++) {
                tenantIds[t] = ids.next();
                home[t] = pickCity(random);
                p.setString(1, tenantIds[t]);
                p.setString(2, String.format(Locale.ROOT, "Bench %s %03d", home[t].name, t));
                p.setString(3, "Europe/Berlin");
                p.setObject(4, now.minusDays(400));
                p.addBatch();
            }
            p.executeBatch();
        }
        db.commit();

        int[] storesOf = split(STORES, TENANTS, random);
        int[] dealsOf = split(DEALS, TENANTS, random);
        List<List<String>> tenantStores = new ArrayList<>();
        try (PreparedStatement p =
                db.prepareStatement("INSERT INTO store (tenant_id, id, name, address, latitude, longitude,"
                        + " time_zone, created_at, version) VALUES (?, ?, ?, ?, ?, ?, 'Europe/Berlin', ?, 0)")) {
            int batch = 0;
            for (int t = 0; t < TENANTS; t++) {
                boolean chain = random.nextDouble() < CHAINS;
                List<String> mine = new ArrayList<>();
                for (int s = 0; s < storesOf[t]; s++) {
                    City city = chain && s % 3 != 0 ? pickCity(random) : home[t];
                    double[] place = around(city, METRO_RADIUS_KM, random);
                    String id = ids.next();
                    mine.add(id);
                    p.setString(1, tenantIds[t]);
                    p.setString(2, id);
                    p.setString(3, String.format(Locale.ROOT, "Bench %03d %s #%d", t, city.name, s + 1));
                    p.setString(
                            4,
                            String.format(
                                    Locale.ROOT,
                                    "Benchstr. %d, %s %s",
                                    1 + random.nextInt(200),
                                    city.postcode,
                                    city.name));
                    p.setBigDecimal(5, new java.math.BigDecimal(String.format(Locale.ROOT, "%.6f", place[0])));
                    p.setBigDecimal(6, new java.math.BigDecimal(String.format(Locale.ROOT, "%.6f", place[1])));
                    p.setObject(7, now.minusDays(300));
                    p.addBatch();
                    if (++batch % 2000 == 0) {
                        p.executeBatch();
                    }
                }
                tenantStores.add(mine);
            }
            p.executeBatch();
        }
        db.commit();

        List<String> dealIds = new ArrayList<>(DEALS);
        String description = "A bench deal: a generous plate of the house speciality with a drink, served at lunch and"
                + " dinner. Valid for one person; book ahead on weekends. The text has the length of a real description.";
        String finePrint =
                "One coupon per visit. Not combinable with other offers. Valid until the date on the coupon.";
        long storeLinks = 0;
        try (PreparedStatement p =
                        db.prepareStatement("INSERT INTO deal (tenant_id, id, title, description, fine_print,"
                                + " currency, price, original_value, min_buyers, max_quantity, per_buyer_limit, sales_start, sales_end,"
                                + " coupon_valid_until, refund_policy, auto_refund_on_expiry, status, sold, tipped_at, published_at, closed_at,"
                                + " created_at, version) VALUES (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, 'NONE', FALSE, 'ON_SALE', ?, NULL,"
                                + " ?, NULL, ?, 1)");
                PreparedStatement link =
                        db.prepareStatement("INSERT INTO deal_store (tenant_id, deal_id, store_id) VALUES (?, ?, ?)")) {
            int batch = 0;
            for (int t = 0; t < TENANTS; t++) {
                List<String> mine = tenantStores.get(t);
                for (int k = 0; k < dealsOf[t]; k++) {
                    String id = ids.next();
                    dealIds.add(id);
                    int price = 990 + random.nextInt(9000);
                    LocalDateTime start = now.minusDays(1 + random.nextInt(20)).minusMinutes(random.nextInt(1440));
                    p.setString(1, tenantIds[t]);
                    p.setString(2, id);
                    p.setString(3, String.format(Locale.ROOT, "Bench deal %d of merchant %03d", k + 1, t));
                    p.setString(4, description);
                    p.setString(5, finePrint);
                    p.setBigDecimal(6, java.math.BigDecimal.valueOf(price, 2));
                    p.setBigDecimal(7, java.math.BigDecimal.valueOf(price * 17L / 10, 2));
                    p.setInt(8, 1 + random.nextInt(20));
                    p.setInt(9, 100 + random.nextInt(400));
                    p.setInt(10, 1 + random.nextInt(3));
                    p.setObject(11, start);
                    p.setObject(12, now.plusDays(20 + random.nextInt(40)));
                    p.setObject(13, now.plusDays(120));
                    p.setInt(14, random.nextInt(50));
                    p.setObject(15, start);
                    p.setObject(16, start.minusDays(2));
                    p.addBatch();
                    if (random.nextDouble() < DEALS_WITH_STORE_LIST) {
                        List<String> shuffled = new ArrayList<>(mine);
                        Collections.shuffle(shuffled, random);
                        int n = Math.min(shuffled.size(), 1 + random.nextInt(3));
                        for (int j = 0; j < n; j++) {
                            link.setString(1, tenantIds[t]);
                            link.setString(2, id);
                            link.setString(3, shuffled.get(j));
                            link.addBatch();
                            storeLinks++;
                        }
                    }
                    if (++batch % 2000 == 0) {
                        p.executeBatch();
                        link.executeBatch();
                    }
                }
            }
            p.executeBatch();
            link.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
        System.out.printf(
                Locale.ROOT,
                "loaded %d tenants, %d stores, %d deals, %d deal_store rows in %.1f s%n",
                TENANTS,
                STORES,
                DEALS,
                storeLinks,
                (System.nanoTime() - started) / 1e9);
        return dealIds;
    }

    void deleteBenchData(Connection db) throws SQLException {
        String bench = "(SELECT id FROM tenant WHERE business_name LIKE 'Bench %')";
        try (Statement s = db.createStatement()) {
            for (String table : List.of("deal_store", "deal", "store")) {
                s.executeUpdate("DELETE FROM " + table + " WHERE tenant_id IN " + bench);
            }
            s.executeUpdate("DELETE FROM tenant WHERE business_name LIKE 'Bench %'");
        }
        System.out.println("deleted the earlier bench data (--reload)");
    }

    /** Fresh statistics, as the server keeps them after normal growth; without them the first plans are guesses. */
    void analyze(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String table : List.of("tenant", "store", "deal", "deal_store")) {
                s.execute("ANALYZE TABLE " + table);
            }
        }
    }

    static City pickCity(Random random) {
        double x = random.nextDouble();
        for (City c : CITIES) {
            x -= c.weight;
            if (x < 0) {
                return c;
            }
        }
        return CITIES.get(CITIES.size() - 1);
    }

    /** A point at most maxKm from the city's centre, denser near the centre. */
    static double[] around(City city, double maxKm, Random random) {
        double distance = maxKm * Math.pow(random.nextDouble(), STORE_SPREAD_EXPONENT);
        double bearing = random.nextDouble() * 2 * Math.PI;
        double lat = city.lat + distance * Math.cos(bearing) / KM_PER_DEGREE;
        double lng = city.lng + distance * Math.sin(bearing) / (KM_PER_DEGREE * Math.cos(Math.toRadians(city.lat)));
        return new double[] {lat, lng};
    }

    /** Splits total into parts of 50%..150% of the mean (at least 1 each), summing exactly to total. */
    static int[] split(int total, int parts, Random random) {
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = 0.5 + random.nextDouble();
            sum += weights[i];
        }
        int[] out = new int[parts];
        int given = 0;
        for (int i = 0; i < parts; i++) {
            out[i] = Math.max(1, (int) Math.floor(total * weights[i] / sum));
            given += out[i];
        }
        for (int i = 0; given < total; i = (i + 1) % parts) {
            out[i]++;
            given++;
        }
        for (int i = 0; given > total; i = (i + 1) % parts) {
            if (out[i] > 1) {
                out[i]--;
                given--;
            }
        }
        return out;
    }

    /** Ids of the product's shape (26 Crockford base32 characters, time first), from the seeded random. */
    static final class IdMaker {
        private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
        private final Random random;
        private long time = System.currentTimeMillis() - 400L * 86_400_000L;

        IdMaker(Random random) {
            this.random = random;
        }

        String next() {
            char[] out = new char[26];
            long t = time++;
            for (int i = 9; i >= 0; i--) {
                out[i] = ALPHABET[(int) (t & 31)];
                t >>>= 5;
            }
            for (int i = 10; i < 26; i++) {
                out[i] = ALPHABET[random.nextInt(32)];
            }
            return new String(out);
        }
    }

    // ---- timing over HTTP ------------------------------------------------------------------------------------------

    static final class Result {
        final Latencies nearby = new Latencies();
        final Latencies lookup = new Latencies();
        final List<Long> totals = Collections.synchronizedList(new ArrayList<>());
        /** Every nearby answer, for the check against the brute-force ranking. */
        final List<Map.Entry<URI, String>> answers = Collections.synchronizedList(new ArrayList<>());

        final AtomicLong items = new AtomicLong();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger pairs = new AtomicInteger();
        volatile String firstFailure;
        volatile boolean stoppedEarly;
        long elapsedNanos;

        void fail(String what) {
            if (failures.getAndIncrement() == 0) {
                firstFailure = what;
            }
        }
    }

    /**
     * count pairs of (one nearby query, one lookup), the pairs in random order and the two of a pair in random order, so
     * that both kinds see the same moments of the machine. The client threads take whole pairs; no new pair starts after
     * maxSeconds.
     */
    Result timeHttp(Http http, String base, List<String> dealIds, Random random, int count)
            throws InterruptedException {
        List<URI[]> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[] point = around(pickCity(random), QUERY_RADIUS_KM, random);
            URI near = URI.create(String.format(
                    Locale.ROOT, "%s?lat=%.6f&lng=%.6f&radiusKm=%s&size=20", base, point[0], point[1], num(radiusKm)));
            URI byId = URI.create(base + "/" + dealIds.get(random.nextInt(dealIds.size())));
            pairs.add(random.nextBoolean() ? new URI[] {near, byId} : new URI[] {byId, near});
        }
        Result result = new Result();
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + maxSeconds * 1_000_000_000L;
        for (int w = 0; w < threads; w++) {
            Thread worker = new Thread(
                    () -> {
                        for (int i = next.getAndIncrement(); i < pairs.size(); i = next.getAndIncrement()) {
                            if (System.nanoTime() > deadline) {
                                result.stoppedEarly = true;
                                break;
                            }
                            for (URI uri : pairs.get(i)) {
                                send(http, uri, result);
                            }
                            result.pairs.incrementAndGet();
                        }
                    },
                    "bench-client-" + w);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        result.elapsedNanos = System.nanoTime() - started;
        return result;
    }

    static void send(Http http, URI uri, Result result) {
        boolean near = uri.getQuery() != null;
        long t0 = System.nanoTime();
        try {
            Http.Reply reply = http.send("GET", uri.toString(), null, null);
            long nanos = System.nanoTime() - t0;
            if (reply.status() != 200) {
                result.fail(reply.status() + " for " + uri + ": " + abbreviate(reply.body()));
                return;
            }
            if (near) {
                result.nearby.record(nanos);
                result.answers.add(Map.entry(uri, reply.body()));
                Map<String, Object> answer = Json.parse(reply.body());
                result.totals.add(answer.get("total") instanceof BigDecimal total ? total.longValue() : -1L);
                result.items.addAndGet(answer.get("items") instanceof List<?> items ? items.size() : 0);
            } else {
                result.lookup.record(nanos);
            }
        } catch (Exception e) {
            result.fail(e + " for " + uri);
        }
    }

    // ---- the answers checked against a brute-force ranking ---------------------------------------------------------

    /**
     * Every store, deal and store list of the database in memory, and the catalog's rule applied to all of them: a
     * published deal of an active merchant is as near as its nearest eligible store (the stores it names, or every store
     * of its merchant when it names none; never an archived one) in the bounding box and within the radius, by the
     * haversine formula; nearest first, equal distances by id. No index, no walk: every deal is looked at.
     */
    record BruteForce(
            List<String[]> stores,
            double[][] places,
            Map<String, List<String>> dealsOf,
            Map<String, java.util.Set<String>> named) {

        static BruteForce load(Connection db) throws SQLException {
            List<String[]> stores = new ArrayList<>();
            List<double[]> places = new ArrayList<>();
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery(
                            "SELECT s.tenant_id, s.id, s.latitude, s.longitude"
                                    + " FROM store s JOIN tenant t ON t.id = s.tenant_id AND t.status = 'ACTIVE' WHERE s.archived_at IS NULL")) {
                while (r.next()) {
                    stores.add(new String[] {r.getString(1), r.getString(2)});
                    places.add(new double[] {
                        r.getBigDecimal(3).doubleValue(), r.getBigDecimal(4).doubleValue()
                    });
                }
            }
            Map<String, List<String>> dealsOf = new HashMap<>();
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery(
                            "SELECT d.tenant_id, d.id FROM deal d" + " WHERE d.status IN ('SCHEDULED', 'ON_SALE')")) {
                while (r.next()) {
                    dealsOf.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                            .add(r.getString(2));
                }
            }
            Map<String, java.util.Set<String>> named = new HashMap<>();
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery("SELECT deal_id, store_id FROM deal_store")) {
                while (r.next()) {
                    named.computeIfAbsent(r.getString(1), k -> new java.util.HashSet<>())
                            .add(r.getString(2));
                }
            }
            return new BruteForce(stores, places.toArray(new double[0][]), dealsOf, named);
        }

        /** Every matching deal id with its distance, nearest first, equal distances by id. */
        List<Map.Entry<String, Double>> rank(double lat, double lng, double radius) {
            double dLat = radius / KM_PER_DEGREE;
            double cos = Math.cos(Math.toRadians(lat));
            double dLng = cos < 1e-6 ? 360 : radius / (KM_PER_DEGREE * cos);
            boolean lngBox = lng - dLng >= -180 && lng + dLng <= 180;
            Map<String, Double> storeKm = new HashMap<>();
            Map<String, Double> merchantKm = new HashMap<>();
            for (int i = 0; i < stores.size(); i++) {
                double[] at = places[i];
                if (at[0] < Math.max(-90, lat - dLat)
                        || at[0] > Math.min(90, lat + dLat)
                        || lngBox && (at[1] < lng - dLng || at[1] > lng + dLng)) {
                    continue;
                }
                double a = Math.pow(Math.sin(Math.toRadians(at[0] - lat) / 2), 2)
                        + Math.cos(Math.toRadians(lat))
                                * Math.cos(Math.toRadians(at[0]))
                                * Math.pow(Math.sin(Math.toRadians(at[1] - lng) / 2), 2);
                double km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
                if (km <= radius) {
                    storeKm.put(stores.get(i)[1], km);
                    merchantKm.merge(stores.get(i)[0], km, Math::min);
                }
            }
            List<Map.Entry<String, Double>> ranked = new ArrayList<>();
            merchantKm.forEach((tenant, nearest) -> {
                for (String deal : dealsOf.getOrDefault(tenant, List.of())) {
                    java.util.Set<String> list = named.get(deal);
                    Double km = list == null
                            ? nearest
                            : list.stream()
                                    .map(storeKm::get)
                                    .filter(java.util.Objects::nonNull)
                                    .min(Double::compare)
                                    .orElse(null);
                    if (km != null) {
                        ranked.add(Map.entry(deal, km));
                    }
                }
            });
            ranked.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
            return ranked;
        }
    }

    /**
     * Checks every timed nearby answer against the brute-force ranking (ids in order, distances to the API's three
     * decimals, the count exact or "more than" as promised), and then deeper pages of some of the same points (pages 1
     * to 3, the page past the exact count, a page of 100), which are not timed. Answers 4 when one differs.
     */
    int check(Http http, BruteForce truth, List<Map.Entry<URI, String>> answers, Random random) {
        long started = System.nanoTime();
        int checked = 0;
        int wrong = 0;
        int notExact = 0;
        long matches = 0;
        List<Map.Entry<URI, String>> all = new ArrayList<>(answers);
        List<URI> deeper = new ArrayList<>();
        for (Map.Entry<URI, String> answer : all.subList(0, Math.min(25, all.size()))) {
            String page0 = answer.getKey().toString();
            for (String paging : List.of("&page=1", "&page=2", "&page=3", "&page=5", "&page=7", "&size=100&page=1")) {
                deeper.add(URI.create((paging.contains("size=100") ? page0.replace("&size=20", "") : page0) + paging));
            }
        }
        for (URI uri : deeper) {
            try {
                Http.Reply reply = http.send("GET", uri.toString(), null, null);
                all.add(Map.entry(uri, reply.status() == 200 ? reply.body() : "status " + reply.status()));
            } catch (Exception e) {
                all.add(Map.entry(uri, "failed: " + e));
            }
        }
        for (Map.Entry<URI, String> answer : all) {
            Map<String, String> query = new HashMap<>();
            for (String pair : answer.getKey().getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            double lat = Double.parseDouble(query.get("lat"));
            double lng = Double.parseDouble(query.get("lng"));
            double radius = Double.parseDouble(query.get("radiusKm"));
            int page = Integer.parseInt(query.getOrDefault("page", "0"));
            int size = Integer.parseInt(query.getOrDefault("size", "20"));
            List<Map.Entry<String, Double>> ranked = truth.rank(lat, lng, radius);
            String problem = compare(answer.getValue(), ranked, page, size);
            if (checked < answers.size()) {
                matches += ranked.size();
            }
            checked++;
            if (answer.getValue().contains("\"totalExact\":false")) {
                notExact++;
            }
            if (problem != null) {
                if (wrong++ < 5) {
                    System.out.println("  WRONG ANSWER for " + answer.getKey() + ": " + problem);
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nAnswers checked against a brute-force ranking of every deal (%d timed page-0 answers,"
                        + " %d deeper pages): %d checked, %d wrong, %d with \"more than\" counts; the timed points match %.1f"
                        + " deals on average (brute force); %.1f s%n",
                answers.size(),
                deeper.size(),
                checked,
                wrong,
                notExact,
                matches / (double) Math.max(1, answers.size()),
                (System.nanoTime() - started) / 1e9);
        if (wrong > 0) {
            System.out.println("FAIL: answers differ from the brute-force ranking");
            return 4;
        }
        return 0;
    }

    /** Null when the answer is the brute-force one, else what differs. */
    static String compare(String body, List<Map.Entry<String, Double>> ranked, int page, int size) {
        Object parsed;
        try {
            parsed = Json.value(body);
        } catch (RuntimeException e) {
            return "not JSON: " + abbreviate(body);
        }
        if (!(parsed instanceof Map<?, ?> answer) || !(answer.get("items") instanceof List<?> items)) {
            return "no items: " + abbreviate(body);
        }
        int from = Math.min(ranked.size(), page * size);
        List<Map.Entry<String, Double>> expected = ranked.subList(from, Math.min(ranked.size(), from + size));
        List<String> ids = new ArrayList<>();
        for (Object item : items) {
            ids.add(String.valueOf(((Map<?, ?>) item).get("id")));
        }
        List<String> expectedIds = expected.stream().map(Map.Entry::getKey).toList();
        if (!ids.equals(expectedIds)) {
            return "ids " + abbreviate(ids.toString()) + ", expected " + abbreviate(expectedIds.toString());
        }
        for (int i = 0; i < items.size(); i++) {
            double km = ((Number) ((Map<?, ?>) items.get(i)).get("distanceKm")).doubleValue();
            double exact = expected.get(i).getValue();
            double rounded = java.math.BigDecimal.valueOf(exact)
                    .setScale(3, java.math.RoundingMode.HALF_EVEN)
                    .doubleValue();
            // the database's sine and the JDK's may differ in the last bit: only a value on a rounding edge may round
            // apart
            if (km != rounded && Math.abs(km - exact) > 0.0005 + 1e-9) {
                return "distance of " + ids.get(i) + ": " + km + ", expected " + rounded;
            }
        }
        long total = ((Number) answer.get("total")).longValue();
        boolean exact = Boolean.TRUE.equals(answer.get("totalExact"));
        if (exact
                ? total != ranked.size()
                : !(ranked.size() > total
                        && total >= Math.max(COUNTED, (long) (page + 1) * size)
                        && ranked.size() > COUNTED)) {
            return "total " + total + (exact ? "" : " (more than)") + ", brute force " + ranked.size();
        }
        return null;
    }

    // ---- timing over JDBC ------------------------------------------------------------------------------------------

    void timeJdbc(Connection db, List<String> dealIds, Random random) throws SQLException {
        Latencies nearby = new Latencies();
        Latencies lookup = new Latencies();
        int warm = Math.min(5, jdbcRequests);
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        boolean stoppedEarly = false;
        try (PreparedStatement page = db.prepareStatement(PAIRS_PAGE);
                PreparedStatement count = db.prepareStatement(PAIRS_COUNT);
                PreparedStatement byId = db.prepareStatement(BY_ID)) {
            for (int i = 0; i < warm + jdbcRequests; i++) {
                if (System.nanoTime() > deadline) {
                    stoppedEarly = true;
                    break;
                }
                boolean nearFirst = random.nextBoolean();
                for (int k = 0; k < 2; k++) {
                    long t0 = System.nanoTime();
                    if ((k == 0) == nearFirst) {
                        double[] point = around(pickCity(random), QUERY_RADIUS_KM, random);
                        bindNear(page, point, true);
                        drain(page);
                        bindNear(count, point, false);
                        drain(count);
                        if (i >= warm) {
                            nearby.record(System.nanoTime() - t0);
                        }
                    } else {
                        byId.setString(1, dealIds.get(random.nextInt(dealIds.size())));
                        drain(byId);
                        if (i >= warm) {
                            lookup.record(System.nanoTime() - t0);
                        }
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nJDBC (same database, no HTTP): the earlier design's SQL (every deal-store pair in the"
                        + " box ranked, then counted again), for comparison; %d warm-up + %d timed pairs asked, each pair one nearby and one"
                        + " lookup in random order, sequential%n",
                warm,
                jdbcRequests);
        printTable(nearby, lookup, "earlier nearby SQL: page + count of pairs", "SELECT * FROM deal WHERE id = ?");
        if (stoppedEarly) {
            System.out.printf(Locale.ROOT, "  stopped early after %d s (--max-seconds)%n", maxSeconds);
        }
    }

    void bindNear(PreparedStatement p, double[] point, boolean paged) throws SQLException {
        Object[] values = parameters(point, paged);
        for (int i = 0; i < values.length; i++) {
            p.setObject(i + 1, values[i]);
        }
    }

    /** The parameters of the nearby SQL, in the order of CatalogRepository.near() and page(). */
    Object[] parameters(double[] point, boolean paged) {
        double lat = point[0];
        double lng = point[1];
        double dLat = radiusKm / KM_PER_DEGREE;
        double dLng = radiusKm / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat)));
        return paged
                ? new Object[] {lat, lat, lng, lat - dLat, lat + dLat, lng - dLng, lng + dLng, radiusKm, 20, 0}
                : new Object[] {lat, lat, lng, lat - dLat, lat + dLat, lng - dLng, lng + dLng, radiusKm};
    }

    static void drain(PreparedStatement p) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                for (int c = 1; c <= columns; c++) {
                    r.getObject(c);
                }
            }
        }
    }

    // ---- EXPLAIN ---------------------------------------------------------------------------------------------------

    /**
     * EXPLAIN of the two statements a nearby request runs to rank (the stores in the circle, and the walk's first batch:
     * the deal ids of the nearest two stores' merchants), and ANALYZE of both, at the centre of the largest metro area
     * (the densest spot). Answers 3 when the stores are not read by an index range on the coordinates, or when the
     * batch reads deal or deal_store in full (a scan, or a whole-index read such as a materialised anti-join).
     */
    int explain(Connection db) throws SQLException {
        City city = CITIES.stream()
                .max((a, b) -> Double.compare(a.weight, b.weight))
                .orElseThrow();
        double[] point = {city.lat, city.lng};
        Object[] p = parameters(point, false);
        Object[] storeParameters = {p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]};
        System.out.printf(
                Locale.ROOT,
                "%nEXPLAIN of the stores-in-the-circle SQL at the centre of %s (%s, %s), radiusKm=%s:%n",
                city.name,
                num(point[0]),
                num(point[1]),
                num(radiusKm));
        List<Map<String, String>> storePlan = Db.query(db, "EXPLAIN " + inline(NEAR_STORES, storeParameters), true);
        List<String[]> nearest = new ArrayList<>();
        try (PreparedStatement stores = db.prepareStatement(NEAR_STORES)) {
            for (int i = 0; i < storeParameters.length; i++) {
                stores.setObject(i + 1, storeParameters[i]);
            }
            try (ResultSet r = stores.executeQuery()) {
                while (r.next()) {
                    nearest.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "stores in the circle: %d; in the bounding box: %s of %d%n",
                nearest.size(),
                Db.count(
                        db,
                        String.format(
                                Locale.ROOT,
                                "SELECT COUNT(*) FROM store s WHERE s.latitude BETWEEN %s AND %s"
                                        + " AND s.longitude BETWEEN %s AND %s",
                                num((Double) p[3]),
                                num((Double) p[4]),
                                num((Double) p[5]),
                                num((Double) p[6]))),
                Db.count(db, "SELECT COUNT(*) FROM store"));
        List<String[]> first = nearest.subList(0, Math.min(2, nearest.size()));
        String merchants = first.stream()
                .map(r -> "'" + r[0] + "'")
                .distinct()
                .reduce((x, y) -> x + "," + y)
                .orElse("''");
        String stores = first.stream()
                .map(r -> "'" + r[1] + "'")
                .reduce((x, y) -> x + "," + y)
                .orElse("''");
        String batch = String.format(Locale.ROOT, NEAR_BATCH, merchants, stores);
        System.out.printf(
                Locale.ROOT, "%nEXPLAIN of the walk's first batch (the deals of the nearest two stores' merchants):%n");
        List<Map<String, String>> batchPlan = Db.query(db, "EXPLAIN " + batch, true);
        System.out.printf(Locale.ROOT, "%nANALYZE of both (executed; r_rows = rows actually read per access):%n");
        Db.query(db, "ANALYZE " + inline(NEAR_STORES, storeParameters), true);
        Db.query(db, "ANALYZE " + batch, true);
        return storeVerdict(storePlan) | batchVerdict(batchPlan);
    }

    static int storeVerdict(List<Map<String, String>> plan) {
        Map<String, String> store = plan.stream()
                .filter(r -> "s".equals(r.get("table")))
                .findFirst()
                .orElse(Map.of());
        String type = store.get("type");
        String key = store.get("key");
        if ("range".equalsIgnoreCase(type) && key != null && key.contains("lat")) {
            System.out.printf(
                    Locale.ROOT,
                    "VERDICT (stores): store is read by an index range on %s (the bounding box);"
                            + " not a scan of every store%n",
                    key);
            return 0;
        }
        System.out.printf(
                Locale.ROOT,
                "VERDICT (stores): NOT an index range on the coordinates: store is read by type %s on key %s;"
                        + " every store is visited%n",
                type,
                key);
        return 3;
    }

    static int batchVerdict(List<Map<String, String>> plan) {
        List<String> full = plan.stream()
                .filter(r -> ("d".equals(r.get("table")) || "x".equals(r.get("table")))
                        && ("ALL".equalsIgnoreCase(r.get("type")) || "index".equalsIgnoreCase(r.get("type"))))
                .map(r -> r.get("table") + " (" + r.get("type") + ")")
                .toList();
        boolean materialised =
                plan.stream().anyMatch(r -> String.valueOf(r.get("table")).startsWith("<subquery"));
        if (full.isEmpty() && !materialised) {
            System.out.printf(
                    Locale.ROOT,
                    "VERDICT (batch): deal and deal_store are read by key for the merchants and stores"
                            + " of the batch only (deal by %s); no scan, no materialised subquery%n",
                    plan.stream()
                            .filter(r -> "d".equals(r.get("table")))
                            .map(r -> r.get("key"))
                            .distinct()
                            .toList());
            return 0;
        }
        System.out.printf(
                Locale.ROOT,
                "VERDICT (batch): reads in full: %s%s%n",
                full,
                materialised ? ", and a materialised subquery" : "");
        return 3;
    }

    /** A statement with its parameters written in, for EXPLAIN (as the driver's client-side prepared statements do). */
    static String inline(String sql, Object[] values) {
        StringBuilder out = new StringBuilder();
        int v = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                Object value = values[v++];
                out.append(value instanceof Double d ? num(d) : String.valueOf(value));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---- figures ---------------------------------------------------------------------------------------------------

    static void printTable(Latencies nearby, Latencies lookup, String nearbyName, String lookupName) {
        System.out.printf(
                Locale.ROOT, "  %-48s %6s %9s %9s %9s %9s%n", "", "count", "p50 ms", "p95 ms", "p99 ms", "mean ms");
        row(nearbyName, nearby);
        row(lookupName, lookup);
        System.out.printf(
                Locale.ROOT,
                "  ratio nearby/lookup: p50 %.2fx, p95 %.2fx%n",
                nearby.ms(0.50) / lookup.ms(0.50),
                nearby.ms(0.95) / lookup.ms(0.95));
    }

    static void row(String name, Latencies v) {
        System.out.printf(
                Locale.ROOT,
                "  %-48s %6d %9.2f %9.2f %9.2f %9.2f%n",
                name,
                v.count(),
                v.ms(0.50),
                v.ms(0.95),
                v.ms(0.99),
                v.meanMs());
    }

    /** Nearest rank: the smallest value with at least half of the values at or below it. */
    static long median(List<Long> values) {
        List<Long> sorted;
        synchronized (values) {
            sorted = values.stream().sorted().toList();
        }
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(0.5 * sorted.size()) - 1));
    }

    static String num(double value) {
        return java.math.BigDecimal.valueOf(value)
                .setScale(6, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }

    static String abbreviate(String text) {
        return Text.abbreviate(text);
    }
}
