import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the catalog's "deals near me" against a primary-key-style lookup, in the same run on the same machine.
 *
 * <p>Loads 500 tenants, 10,000 stores in ten metro areas and 50,000 ON_SALE deals into the product's database (plain
 * JDBC batches), then times GET /api/v1/catalog/deals?lat&lng&radiusKm=5&size=20 against GET
 * /api/v1/catalog/deals/{id}, interleaved in one shuffled sequence so that machine noise hits both alike, and prints
 * p50/p95/p99 and the ratios nearby/lookup. Then the same for the raw SQL over JDBC, and the EXPLAIN of the nearby SQL.
 *
 * <p>Run by bench/catalog-nearby.sh; by hand against a running product:
 * {@code java -cp mysql-connector-j-9.1.0.jar bench/CatalogNearbyBench.java --http-port 18480 --db-port 13480}.
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

    record City(String name, String postcode, double lat, double lng, double weight) {
    }

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

    // ---- the SQL of io.groupdeal.domain.catalog.CatalogRepository (near(), page(), find()), copied for the raw timings

    static final double EARTH_RADIUS_KM = 6371.0088;
    static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180;
    static final String COLUMNS = "d.id, d.tenant_id, d.title, d.description, d.fine_print, t.business_name,"
            + " d.price, d.original_value, d.currency, d.sold, d.min_buyers, d.max_quantity, d.sales_start, d.sales_end,"
            + " d.coupon_valid_until, d.status";
    static final String ELIGIBLE = "(NOT EXISTS (SELECT 1 FROM deal_store x WHERE x.tenant_id = d.tenant_id AND x.deal_id = d.id)"
            + " OR EXISTS (SELECT 1 FROM deal_store x WHERE x.tenant_id = d.tenant_id AND x.deal_id = d.id AND x.store_id = s.id))";
    static final String DISTANCE = "2 * " + EARTH_RADIUS_KM + " * ASIN(LEAST(1, SQRT(POW(SIN(RADIANS(s.latitude - ?) / 2), 2)"
            + " + COS(RADIANS(?)) * COS(RADIANS(s.latitude)) * POW(SIN(RADIANS(s.longitude - ?) / 2), 2))))";
    static final String NEAR_FROM = " FROM deal d JOIN tenant t ON t.id = d.tenant_id AND t.status = 'ACTIVE'"
            + " JOIN store s ON s.tenant_id = d.tenant_id AND s.latitude BETWEEN ? AND ? AND s.longitude BETWEEN ? AND ?"
            + " AND " + ELIGIBLE + " WHERE d.status IN ('SCHEDULED', 'ON_SALE')";
    static final String NEAR_GROUPED = "SELECT " + COLUMNS + ", MIN(" + DISTANCE + ") AS distance_km" + NEAR_FROM
            + " GROUP BY d.tenant_id, d.id HAVING distance_km <= ?";
    static final String NEAR_PAGE = NEAR_GROUPED + " ORDER BY distance_km, d.id LIMIT ? OFFSET ?";
    static final String NEAR_COUNT = "SELECT COUNT(*) FROM (" + NEAR_GROUPED + ") matches";
    static final String BY_ID = "SELECT * FROM deal WHERE id = ?";

    // ---- options ---------------------------------------------------------------------------------------------------

    int httpPort = 18480;
    int dbPort = 13480;
    int requests = 400;
    int warmup = 50;
    int jdbcRequests = 100;
    /** A second bound on each timed phase: it stops early (at a whole pair) when a slow machine would take longer. */
    int maxSeconds = 150;
    int threads = 1;
    double radiusKm = 5;
    long seed = 20240601L;
    boolean reload = false;

    public static void main(String[] args) throws Exception {
        CatalogNearbyBench bench = new CatalogNearbyBench();
        bench.parse(args);
        System.exit(bench.run());
    }

    void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--http-port" -> httpPort = Integer.parseInt(args[++i]);
                case "--db-port" -> dbPort = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--jdbc-requests" -> jdbcRequests = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--radius-km" -> radiusKm = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--max-seconds" -> maxSeconds = Integer.parseInt(args[++i]);
                case "--reload" -> reload = true;
                default -> throw new IllegalArgumentException("unknown option " + a
                        + " (known: --http-port --db-port --requests --warmup --jdbc-requests --threads --radius-km --seed --max-seconds --reload)");
            }
        }
        if (requests < 1 || requests > 100_000 || warmup < 0 || warmup > 10_000 || jdbcRequests < 0 || jdbcRequests > 100_000
                || threads < 1 || threads > 64 || !(radiusKm > 0 && radiusKm <= 500) || maxSeconds < 1 || maxSeconds > 3600) {
            throw new IllegalArgumentException("out of bounds: requests 1..100000, warmup 0..10000, jdbc-requests 0..100000,"
                    + " threads 1..64, radius-km (0, 500], max-seconds 1..3600");
        }
    }

    int run() throws Exception {
        String url = "jdbc:mysql://127.0.0.1:" + dbPort + "/deal?sslMode=DISABLED&rewriteBatchedStatements=true"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8";
        System.out.printf(Locale.ROOT, "catalog-nearby bench: %d tenants, %d stores in %d metro areas, %d deals; seed %d%n",
                TENANTS, STORES, CITIES.size(), DEALS, seed);
        List<String> dealIds;
        try (Connection db = DriverManager.getConnection(url, "deal", "deal")) {
            waitForSchema(db);
            dealIds = load(db);
            analyze(db);
        }

        Random random = new Random(seed ^ 0x5EEDL);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + httpPort + "/api/v1/catalog/deals";

        System.out.printf(Locale.ROOT, "%nHTTP: %d warm-up + %d timed pairs asked, each pair one nearby query and one lookup"
                + " in random order, %s; radiusKm=%s, size=20%n", warmup, requests,
                threads == 1 ? "sequential (1 client thread)" : threads + " client threads", num(radiusKm));
        Result warm = timeHttp(http, base, dealIds, random, warmup);
        if (warm.failures.get() > 0) {
            System.out.println("warm-up failures: " + warm.failures.get() + " (first: " + warm.firstFailure + ")");
        }
        Result timed = timeHttp(http, base, dealIds, random, requests);
        printTable(timed.nearby, timed.lookup, "GET /catalog/deals?lat&lng&radiusKm (nearby)",
                "GET /catalog/deals/{id} (lookup)");
        System.out.printf(Locale.ROOT, "  nearby answers: %.1f matching deals on average (median %d, max %d), %.1f items"
                        + " on the page; %d pairs in %.1f s; failures %d%n",
                timed.totals.stream().mapToLong(Long::longValue).average().orElse(0), percentileLong(timed.totals, 0.5),
                timed.totals.stream().mapToLong(Long::longValue).max().orElse(0),
                timed.items.get() / (double) Math.max(1, timed.nearby.size()), timed.pairs.get(), timed.elapsedNanos / 1e9,
                timed.failures.get());
        if (timed.stoppedEarly) {
            System.out.printf(Locale.ROOT, "  stopped early after %d s (--max-seconds): fewer pairs than asked%n", maxSeconds);
        }
        if (timed.failures.get() > 0) {
            System.out.println("  first failure: " + timed.firstFailure);
        }

        int exit = 0;
        try (Connection db = DriverManager.getConnection(url, "deal", "deal")) {
            if (jdbcRequests > 0) {
                timeJdbc(db, dealIds, random);
            }
            exit = explain(db);
        }
        if (timed.failures.get() > Math.max(1, timed.pairs.get()) * 2 / 100) {
            System.out.println("FAIL: more than 1% of the timed requests failed");
            exit = 1;
        }
        return exit;
    }

    // ---- loading ---------------------------------------------------------------------------------------------------

    void waitForSchema(Connection db) throws Exception {
        for (int i = 0; i < 120; i++) {
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
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
        long present = count(db, "SELECT COUNT(*) FROM tenant WHERE business_name LIKE 'Bench %'");
        if (present > 0 && !reload) {
            List<String> ids = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT d.id FROM deal d JOIN tenant t ON t.id = d.tenant_id WHERE t.business_name LIKE 'Bench %' ORDER BY d.id")) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            System.out.printf(Locale.ROOT, "reusing the bench data already in the database: %d bench tenants, %d bench deals"
                    + " (--reload to load anew)%n", present, ids.size());
            if (present != TENANTS || ids.size() != DEALS) {
                throw new IllegalStateException("the bench data present is incomplete; wipe the data folder or use --reload");
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
        try (PreparedStatement p = db.prepareStatement("INSERT INTO tenant (id, business_name, status, commission_rate,"
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
        try (PreparedStatement p = db.prepareStatement("INSERT INTO store (tenant_id, id, name, address, latitude, longitude,"
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
                    p.setString(4, String.format(Locale.ROOT, "Benchstr. %d, %s %s", 1 + random.nextInt(200), city.postcode, city.name));
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
        String finePrint = "One coupon per visit. Not combinable with other offers. Valid until the date on the coupon.";
        long storeLinks = 0;
        try (PreparedStatement p = db.prepareStatement("INSERT INTO deal (tenant_id, id, title, description, fine_print,"
                + " currency, price, original_value, min_buyers, max_quantity, per_buyer_limit, sales_start, sales_end,"
                + " coupon_valid_until, refund_policy, auto_refund_on_expiry, status, sold, tipped_at, published_at, closed_at,"
                + " created_at, version) VALUES (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, 'NONE', FALSE, 'ON_SALE', ?, NULL,"
                + " ?, NULL, ?, 1)");
             PreparedStatement link = db.prepareStatement("INSERT INTO deal_store (tenant_id, deal_id, store_id) VALUES (?, ?, ?)")) {
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
        System.out.printf(Locale.ROOT, "loaded %d tenants, %d stores, %d deals, %d deal_store rows in %.1f s%n",
                TENANTS, STORES, DEALS, storeLinks, (System.nanoTime() - started) / 1e9);
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
        final List<Long> nearby = Collections.synchronizedList(new ArrayList<>());
        final List<Long> lookup = Collections.synchronizedList(new ArrayList<>());
        final List<Long> totals = Collections.synchronizedList(new ArrayList<>());
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

    static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    static final Pattern ITEM = Pattern.compile("\"distanceKm\"\\s*:");

    /**
     * count pairs of (one nearby query, one lookup), the pairs in random order and the two of a pair in random order, so
     * that both kinds see the same moments of the machine. The client threads take whole pairs; no new pair starts after
     * maxSeconds.
     */
    Result timeHttp(HttpClient http, String base, List<String> dealIds, Random random, int count) throws InterruptedException {
        List<URI[]> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[] point = around(pickCity(random), QUERY_RADIUS_KM, random);
            URI near = URI.create(String.format(Locale.ROOT, "%s?lat=%.6f&lng=%.6f&radiusKm=%s&size=20", base, point[0],
                    point[1], num(radiusKm)));
            URI byId = URI.create(base + "/" + dealIds.get(random.nextInt(dealIds.size())));
            pairs.add(random.nextBoolean() ? new URI[] {near, byId} : new URI[] {byId, near});
        }
        Result result = new Result();
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + maxSeconds * 1_000_000_000L;
        for (int w = 0; w < threads; w++) {
            Thread worker = new Thread(() -> {
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
            }, "bench-client-" + w);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        result.elapsedNanos = System.nanoTime() - started;
        return result;
    }

    static void send(HttpClient http, URI uri, Result result) {
        boolean near = uri.getQuery() != null;
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - t0;
            if (response.statusCode() != 200) {
                result.fail(response.statusCode() + " for " + uri + ": " + abbreviate(response.body()));
                return;
            }
            if (near) {
                result.nearby.add(nanos);
                Matcher m = TOTAL.matcher(response.body());
                result.totals.add(m.find() ? Long.parseLong(m.group(1)) : -1L);
                result.items.addAndGet(ITEM.matcher(response.body()).results().count());
            } else {
                result.lookup.add(nanos);
            }
        } catch (Exception e) {
            result.fail(e + " for " + uri);
        }
    }

    // ---- timing over JDBC ------------------------------------------------------------------------------------------

    void timeJdbc(Connection db, List<String> dealIds, Random random) throws SQLException {
        List<Long> nearby = new ArrayList<>();
        List<Long> lookup = new ArrayList<>();
        int warm = Math.min(warmup, jdbcRequests);
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        boolean stoppedEarly = false;
        try (PreparedStatement page = db.prepareStatement(NEAR_PAGE);
             PreparedStatement count = db.prepareStatement(NEAR_COUNT);
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
                            nearby.add(System.nanoTime() - t0);
                        }
                    } else {
                        byId.setString(1, dealIds.get(random.nextInt(dealIds.size())));
                        drain(byId);
                        if (i >= warm) {
                            lookup.add(System.nanoTime() - t0);
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nJDBC (same database, no HTTP): %d warm-up + %d timed pairs asked, each pair one nearby"
                + " and one lookup in random order, sequential%n", warm, jdbcRequests);
        printTable(nearby, lookup, "nearby SQL: page + count, as the API runs them", "SELECT * FROM deal WHERE id = ?");
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
     * EXPLAIN of both statements the API runs for one nearby request (the page and the count), and ANALYZE of the page,
     * at the centre of the largest metro area (the densest spot). Answers 3 when a plan reads store or deal in full.
     */
    int explain(Connection db) throws SQLException {
        City city = CITIES.stream().max((a, b) -> Double.compare(a.weight, b.weight)).orElseThrow();
        double[] point = {city.lat, city.lng};
        System.out.printf(Locale.ROOT, "%nEXPLAIN of the nearby page SQL at the centre of %s (%s, %s), radiusKm=%s:%n",
                city.name, num(point[0]), num(point[1]), num(radiusKm));
        List<Map<String, String>> pagePlan = query(db, "EXPLAIN " + inline(NEAR_PAGE, parameters(point, true)), true);
        System.out.printf(Locale.ROOT, "%nEXPLAIN of the nearby count SQL (same point):%n");
        List<Map<String, String>> countPlan = query(db, "EXPLAIN " + inline(NEAR_COUNT, parameters(point, false)), true);
        System.out.printf(Locale.ROOT, "%nANALYZE of the page SQL (executed; r_rows = rows actually read per access):%n");
        query(db, "ANALYZE " + inline(NEAR_PAGE, parameters(point, true)), true);
        Object[] p = parameters(point, false);
        long inBox = count(db, String.format(Locale.ROOT, "SELECT COUNT(*) FROM store s WHERE s.latitude BETWEEN %s AND %s"
                + " AND s.longitude BETWEEN %s AND %s", num((Double) p[3]), num((Double) p[4]), num((Double) p[5]), num((Double) p[6])));
        System.out.printf(Locale.ROOT, "stores in the bounding box: %d of %d%n", inBox, count(db, "SELECT COUNT(*) FROM store"));
        return verdict("page", pagePlan) | verdict("count", countPlan);
    }

    static int verdict(String which, List<Map<String, String>> plan) {
        Map<String, String> store = plan.stream().filter(r -> "s".equals(r.get("table"))).findFirst().orElse(Map.of());
        String type = store.get("type");
        String key = store.get("key");
        String first = plan.stream().map(r -> r.get("table")).findFirst().orElse("?");
        boolean boxRange = "range".equalsIgnoreCase(type) && key != null && key.contains("lat");
        boolean dealScan = plan.stream().anyMatch(r -> "d".equals(r.get("table")) && "ALL".equalsIgnoreCase(r.get("type")));
        if (boxRange && !dealScan) {
            System.out.printf(Locale.ROOT, "VERDICT (%s): store is read by an index range on %s (the bounding box), first in"
                    + " the join; not a scan of every store%n", which, key);
            return 0;
        }
        System.out.printf(Locale.ROOT, "VERDICT (%s): NOT an index range on the coordinates: store is read by type %s on key %s"
                        + " (the join starts at %s)%s; every store (or every deal) is visited%n", which, type, key, first,
                dealScan ? ", and deal by a full scan" : "");
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

    static List<Map<String, String>> query(Connection db, String sql, boolean print) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                names.add(meta.getColumnLabel(c));
            }
            while (r.next()) {
                Map<String, String> row = new HashMap<>();
                for (int c = 1; c <= names.size(); c++) {
                    row.put(names.get(c - 1), r.getString(c));
                }
                rows.add(row);
            }
        }
        if (print) {
            int[] width = new int[names.size()];
            for (int c = 0; c < names.size(); c++) {
                width[c] = names.get(c).length();
                for (Map<String, String> row : rows) {
                    width[c] = Math.max(width[c], String.valueOf(row.get(names.get(c))).length());
                }
            }
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < names.size(); c++) {
                line.append(String.format(Locale.ROOT, "%-" + width[c] + "s ", names.get(c)));
            }
            System.out.println(line.toString().stripTrailing());
            for (Map<String, String> row : rows) {
                line.setLength(0);
                for (int c = 0; c < names.size(); c++) {
                    line.append(String.format(Locale.ROOT, "%-" + width[c] + "s ", row.get(names.get(c))));
                }
                System.out.println(line.toString().stripTrailing());
            }
        }
        return rows;
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    // ---- figures ---------------------------------------------------------------------------------------------------

    static void printTable(List<Long> nearby, List<Long> lookup, String nearbyName, String lookupName) {
        long[] n = sorted(nearby);
        long[] l = sorted(lookup);
        System.out.printf(Locale.ROOT, "  %-48s %6s %9s %9s %9s %9s%n", "", "count", "p50 ms", "p95 ms", "p99 ms", "mean ms");
        row(nearbyName, n);
        row(lookupName, l);
        System.out.printf(Locale.ROOT, "  ratio nearby/lookup: p50 %.2fx, p95 %.2fx%n",
                ms(percentile(n, 0.50)) / ms(percentile(l, 0.50)), ms(percentile(n, 0.95)) / ms(percentile(l, 0.95)));
    }

    static void row(String name, long[] v) {
        System.out.printf(Locale.ROOT, "  %-48s %6d %9.2f %9.2f %9.2f %9.2f%n", name, v.length, ms(percentile(v, 0.50)),
                ms(percentile(v, 0.95)), ms(percentile(v, 0.99)), ms((long) Arrays.stream(v).average().orElse(0)));
    }

    static long[] sorted(List<Long> values) {
        long[] v;
        synchronized (values) {
            v = values.stream().mapToLong(Long::longValue).toArray();
        }
        Arrays.sort(v);
        return v;
    }

    /** Nearest rank: the smallest value with at least p of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long percentileLong(List<Long> values, double p) {
        return percentile(sorted(values), p);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String num(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
