import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Purchase throughput: POST /api/v1/orders over loopback HTTP against the same purchase done over plain JDBC (the same
 * statements in the same order, on the same database, at the same concurrency), in the same run.
 *
 * <p>Sets up through the real API: 10 merchants with 2 stores each, 100 deals spread over them plus one hot deal,
 * all ON_SALE with maxQuantity and perBuyerLimit at their maximum (1,000,000) so that neither ever refuses a
 * purchase, and {@code --buyers-per-thread} buyers per client thread, each with a token. After {@code --warmup}
 * seconds of each phase (not counted: the product's JIT needs minutes on two cores), four phases of {@code --seconds}
 * each with {@code --threads} client threads: HTTP spread (each purchase a random deal of the 100), JDBC spread, HTTP
 * hot (all on the hot deal), JDBC hot; the sequence runs {@code --rounds} times, every second round in reverse order,
 * so that noise and the growth of the tables hit both kinds alike. Each client thread buys for its own buyers (a
 * random one of them each time): a buyer never has two purchases in flight, as with people, so the per-buyer row
 * never queues. Per phase it reads the CPU time of each process from /proc and MariaDB's command counters, so that
 * the figures say where the time went.
 *
 * <p>The JDBC purchase is what io.groupdeal.application.order.OrderService#place runs, statement by statement, as
 * seen in the MariaDB general log of one HTTP purchase: the token and account lookups of the authentication (each on
 * its own, autocommit), then in one READ COMMITTED transaction the locking read of the idempotency key, the sale
 * terms, the key's row, the buyer's count row (in a transaction of its own on a second connection, as QuotaRows'
 * REQUIRES_NEW does) and its conditional update, the catalog view of the deal, its stores and its rating (for the
 * mail), the sandbox authorisation, the order, its coupons, the sale (conditional update, then the read of the deal's
 * state), the capture when the deal is tipped (order confirmed, ledger, coupons ACTIVE), the read-back of the order
 * and its coupons, the confirmation mail into the outbox, commit. Ids, coupon codes, fingerprints and mail bodies are
 * made the same way as the product makes them. With {@code --setup-only} it makes one purchase over each path and
 * stops: with the general log on, the two show the same statements (the pool's isolation queries aside).
 *
 * <p>Run by bench/purchases.sh; by hand against a running product (DEAL_DEMO=false or not, it makes its own data):
 * {@code java -cp mysql-connector-j-9.1.0.jar bench/PurchaseBench.java --http-port 18480 --db-port 13480}.
 */
public final class PurchaseBench {

    static final String PASSWORD = "correct-horse-battery";
    static final int MERCHANTS = 10;
    static final int STORES_PER_MERCHANT = 2;
    static final int MAX_COUPONS = 1_000_000;

    // ---- options ---------------------------------------------------------------------------------------------------

    int httpPort = 18480;
    int dbPort = 13480;
    int threads = 32;
    int seconds = 20;
    int warmupSeconds = 30;
    int rounds = 2;
    int deals = 100;
    int buyersPerThread = 4;
    int minBuyers = 1;
    int quantity = 1;
    long seed = 20261123L;
    boolean strictTargets = false;
    List<String> phaseNames = List.of("http-spread", "jdbc-spread", "http-hot", "jdbc-hot");
    /** Only the set-up and one purchase over each path (to compare their statements in the general log). */
    boolean setupOnly = false;

    public static void main(String[] args) throws Exception {
        PurchaseBench bench = new PurchaseBench();
        bench.parse(args);
        int exit;
        try {
            exit = bench.run();
        } catch (IllegalStateException | SQLException | IOException e) {
            System.out.println("ABORTED: " + e);
            exit = 3;
        }
        System.exit(exit);
    }

    void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--http-port" -> httpPort = Integer.parseInt(args[++i]);
                case "--db-port" -> dbPort = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--deals" -> deals = Integer.parseInt(args[++i]);
                case "--buyers-per-thread" -> buyersPerThread = Integer.parseInt(args[++i]);
                case "--min-buyers" -> minBuyers = Integer.parseInt(args[++i]);
                case "--quantity" -> quantity = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--strict-targets" -> strictTargets = true;
                case "--phases" -> phaseNames = List.of(args[++i].split(","));
                case "--setup-only" -> setupOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + a + " (known: --http-port --db-port --threads"
                        + " --seconds --warmup --rounds --deals --buyers-per-thread --min-buyers --quantity --seed --strict-targets"
                        + " --phases --setup-only)");
            }
        }
        if (threads < 1 || threads > 128 || seconds < 1 || seconds > 3600 || warmupSeconds < 0 || warmupSeconds > 600
                || rounds < 1 || rounds > 20 || deals < 1 || deals > 10_000 || buyersPerThread < 1 || buyersPerThread > 100
                || minBuyers < 1 || minBuyers > MAX_COUPONS || quantity < 1 || quantity > 20 || phaseNames.isEmpty()
                || !List.of("http-spread", "jdbc-spread", "http-hot", "jdbc-hot").containsAll(phaseNames)) {
            throw new IllegalArgumentException("out of bounds: threads 1..128, seconds 1..3600, warmup 0..600, rounds 1..20,"
                    + " deals 1..10000, buyers-per-thread 1..100, min-buyers 1..1000000, quantity 1..20,"
                    + " phases: a comma-separated list of http-spread, jdbc-spread, http-hot, jdbc-hot");
        }
    }

    // ---- what the setup made ---------------------------------------------------------------------------------------

    record Buyer(String id, String email, String token) {
    }

    List<Buyer> buyers = new ArrayList<>();
    List<String> spreadDeals = new ArrayList<>();
    String hotDeal;
    String jdbcUrl;

    int run() throws Exception {
        jdbcUrl = "jdbc:mysql://127.0.0.1:" + dbPort + "/deal?sslMode=DISABLED&characterEncoding=UTF-8"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                // the product's driver settings (DealDataSource): statement cache, session state kept by the driver
                + "&useLocalSessionState=true&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048";
        System.out.printf(Locale.ROOT, "purchase bench: %d spread deals + 1 hot deal of %d merchants, %d buyers, %d client"
                        + " threads; minBuyers=%d, quantity %d per order; %d s per phase after %d s of warm-up each, %d rounds%n",
                deals, MERCHANTS, threads * buyersPerThread, threads, minBuyers, quantity, seconds, warmupSeconds, rounds);
        long t0 = System.nanoTime();
        setUp();
        System.out.printf(Locale.ROOT, "set up through the API in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (setupOnly) {
            return 0;
        }

        Map<String, Stats> totals = new LinkedHashMap<>();
        List<Phase> sequence = phaseNames.stream().map(n -> new Phase(n.startsWith("http") ? "HTTP" : "JDBC",
                n.endsWith("hot"))).toList();
        cpu = new CpuMeter(httpPort, dbPort);
        dbCounters = new DbCounters(jdbcUrl);
        System.out.println(cpu.describe());
        for (Phase phase : sequence) {
            totals.put(phase.name(), new Stats());
        }
        AtomicLong hotSold = new AtomicLong();
        AtomicLong spreadSold = new AtomicLong();
        AtomicLong hotUnknown = new AtomicLong();
        AtomicLong spreadUnknown = new AtomicLong();

        if (warmupSeconds > 0) {
            System.out.printf(Locale.ROOT, "%nwarm-up: %d s of each phase (not counted)%n", warmupSeconds);
            for (Phase phase : sequence) {
                Stats s = runPhase(phase, warmupSeconds);
                (phase.hot ? hotSold : spreadSold).addAndGet(s.ok * quantity);
                (phase.hot ? hotUnknown : spreadUnknown).addAndGet(s.unknown * quantity);
                System.out.printf(Locale.ROOT, "  %-12s %7.1f purchases/s%s%n", phase.name(), s.rate(),
                        s.failed() > 0 ? "  (" + s.failed() + " failed: " + s.failureSummary() + ")" : "");
            }
        }

        System.out.printf(Locale.ROOT, "%n%-12s %5s %7s %7s %7s %6s %12s %8s %8s %8s | %s%n", "phase", "round", "seconds",
                "ok", "failed", "busy", "purchases/s", "p50 ms", "p95 ms", "p99 ms", CpuMeter.HEADER);
        List<Map<String, Double>> roundRates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Map<String, Double> rates = new LinkedHashMap<>();
            roundRates.add(rates);
            List<Phase> order = new ArrayList<>(sequence);
            if (round % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            for (Phase phase : order) {
                Stats s = runPhase(phase, seconds);
                totals.get(phase.name()).add(s);
                rates.put(phase.name(), s.rate());
                (phase.hot ? hotSold : spreadSold).addAndGet(s.ok * quantity);
                (phase.hot ? hotUnknown : spreadUnknown).addAndGet(s.unknown * quantity);
                System.out.printf(Locale.ROOT, "%-12s %5d %7.1f %7d %7d %6d %12.1f %8.1f %8.1f %8.1f | %s%n", phase.name(),
                        round, s.nanos / 1e9, s.ok, s.failed(), s.busy, s.rate(), s.percentile(0.50), s.percentile(0.95),
                        s.percentile(0.99), s.cpu.perPurchase(s.ok, s.nanos));
            }
        }

        System.out.printf(Locale.ROOT, "%nall rounds together:%n");
        for (Map.Entry<String, Stats> e : totals.entrySet()) {
            Stats s = e.getValue();
            System.out.printf(Locale.ROOT, "%-12s %5s %7.1f %7d %7d %6d %12.1f %8.1f %8.1f %8.1f | %s%n", e.getKey(), "all",
                    s.nanos / 1e9, s.ok, s.failed(), s.busy, s.rate(), s.percentile(0.50), s.percentile(0.95), s.percentile(0.99),
                    s.cpu.perPurchase(s.ok, s.nanos));
        }
        System.out.println("(CPU: milliseconds of CPU per purchase made, by process, over the phase; the product's split into"
                + " its HTTP worker threads, JIT compiler threads, GC threads and the rest (timers: mail delivery, settlement);"
                + " launcher: the Maven JVM with the mail catcher; machine: share of all cores busy; other: processes outside"
                + " this bench, such as a build)");
        System.out.printf(Locale.ROOT, "%nwhat the database was asked, per purchase made (all rounds; includes the product's"
                + " background jobs):%n  %-12s %s%n", "", String.join(" ", DbCounters.NAMES.stream()
                .map(n -> String.format(Locale.ROOT, "%9s", DbCounters.label(n))).toList()));
        for (Map.Entry<String, Stats> e : totals.entrySet()) {
            Stats s = e.getValue();
            StringBuilder line = new StringBuilder();
            for (long v : s.db) {
                line.append(String.format(Locale.ROOT, " %9.2f", s.ok == 0 ? 0 : v / (double) s.ok));
            }
            System.out.printf(Locale.ROOT, "  %-12s%s%n", e.getKey(), line);
        }
        boolean met = true;
        if (totals.size() == 4) {
            double httpSpread = totals.get("HTTP spread").rate();
            double jdbcSpread = totals.get("JDBC spread").rate();
            double httpHot = totals.get("HTTP hot").rate();
            double jdbcHot = totals.get("JDBC hot").rate();
            System.out.printf(Locale.ROOT, "%nratios (purchases/s against purchases/s):%n");
            met = target("HTTP/JDBC, spread deals", httpSpread / jdbcSpread, 0.5);
            System.out.printf(Locale.ROOT, "  %-28s %6.2f%n", "HTTP/JDBC, hot deal", httpHot / jdbcHot);
            met &= target("hot/spread, HTTP", httpHot / httpSpread, 0.5);
            System.out.printf(Locale.ROOT, "  %-28s %6.2f%n", "hot/spread, JDBC", jdbcHot / jdbcSpread);
            for (int r = 0; r < roundRates.size(); r++) {
                Map<String, Double> x = roundRates.get(r);
                System.out.printf(Locale.ROOT, "  round %d alone: HTTP/JDBC spread %.2f, HTTP/JDBC hot %.2f, hot/spread HTTP %.2f,"
                                + " hot/spread JDBC %.2f%n", r + 1, x.get("HTTP spread") / x.get("JDBC spread"),
                        x.get("HTTP hot") / x.get("JDBC hot"), x.get("HTTP hot") / x.get("HTTP spread"),
                        x.get("JDBC hot") / x.get("JDBC spread"));
            }
        }

        int exit = 0;
        for (Map.Entry<String, Stats> e : totals.entrySet()) {
            Stats s = e.getValue();
            if (s.failed() * 100L > s.attempts()) {
                System.out.printf(Locale.ROOT, "FAIL: %s: %d of %d purchases failed (more than 1%%): %s%n", e.getKey(),
                        s.failed(), s.attempts(), s.failureSummary());
                exit = 1;
            } else if (s.failed() > 0) {
                System.out.printf(Locale.ROOT, "note: %s: %d of %d purchases failed: %s%n", e.getKey(), s.failed(),
                        s.attempts(), s.failureSummary());
            }
        }
        if (!verify(hotSold.get(), hotUnknown.get(), spreadSold.get(), spreadUnknown.get())) {
            exit = 2;
        }
        if (strictTargets && !met && exit == 0) {
            exit = 4;
        }
        return exit;
    }

    static boolean target(String name, double ratio, double target) {
        boolean met = ratio >= target;
        System.out.printf(Locale.ROOT, "  %-28s %6.2f   target >= %.2f: %s%n", name, ratio, target, met ? "met" : "MISSED");
        return met;
    }

    // ---- set-up through the API ------------------------------------------------------------------------------------

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");

    void setUp() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant start = now.minus(1, ChronoUnit.HOURS);
        Instant end = now.plus(2, ChronoUnit.DAYS);
        Instant validUntil = end.plus(30, ChronoUnit.DAYS);
        Random random = new Random(seed);
        try (Http http = new Http(httpPort)) {
            List<String> merchantTokens = new ArrayList<>();
            for (int m = 0; m < MERCHANTS; m++) {
                String email = "bench-merchant-" + m + "-" + run + "@bench.groupdeal.io";
                expect(http.send("POST", "/api/v1/merchants", null, null, "{\"businessName\":\"Bench Merchant " + m
                        + "\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"), 201, "merchant signup");
                String token = token(http, email);
                merchantTokens.add(token);
                for (int s = 0; s < STORES_PER_MERCHANT; s++) {
                    expect(http.send("POST", "/api/v1/stores", token, null, String.format(Locale.ROOT,
                            "{\"name\":\"Bench %d Store %d\",\"address\":\"Benchstr. %d, 10115 Berlin\",\"latitude\":%.6f,"
                                    + "\"longitude\":%.6f,\"timeZone\":\"Europe/Berlin\"}", m, s + 1, 1 + random.nextInt(200),
                            52.52 + (random.nextDouble() - 0.5) * 0.2, 13.405 + (random.nextDouble() - 0.5) * 0.3)), 201,
                            "store");
                }
            }
            for (int d = 0; d <= deals; d++) {
                boolean hot = d == deals;
                String token = merchantTokens.get(hot ? 0 : d % MERCHANTS);
                String price = hot ? "9.90" : String.format(Locale.ROOT, "%d.90", 5 + random.nextInt(60));
                String body = String.format(Locale.ROOT, "{\"title\":\"%s\",\"description\":\"A bench deal: %s\","
                                + "\"finePrint\":\"Valid for one person. Not with other offers.\",\"currency\":\"EUR\","
                                + "\"price\":\"%s\",\"originalValue\":\"99.00\",\"minBuyers\":%d,\"maxQuantity\":%d,"
                                + "\"perBuyerLimit\":%d,\"salesStart\":\"%s\",\"salesEnd\":\"%s\",\"couponValidUntil\":\"%s\","
                                + "\"storeIds\":[],\"refundPolicy\":\"ANYTIME\"}",
                        hot ? "Hot deal" : "Bench deal " + d, hot ? "everyone wants it" : "number " + d, price, minBuyers,
                        MAX_COUPONS, MAX_COUPONS, start, end, validUntil);
                Reply created = expect(http.send("POST", "/api/v1/deals", token, null, body), 201, "deal");
                String id = first(ID, created.body);
                Reply published = expect(http.send("POST", "/api/v1/deals/" + id + "/publish", token, null, null), 200, "publish");
                if (!"ON_SALE".equals(first(STATUS, published.body))) {
                    throw new IllegalStateException("deal not ON_SALE after publishing: " + published.body);
                }
                if (hot) {
                    hotDeal = id;
                } else {
                    spreadDeals.add(id);
                }
            }
        }
        // Buyers: signup and login hash the password on purpose slowly; a few threads at once.
        int count = threads * buyersPerThread;
        Buyer[] made = new Buyer[count];
        List<Thread> workers = new ArrayList<>();
        List<Exception> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < 4; w++) {
            int first = w;
            Thread t = new Thread(() -> {
                try (Http http = new Http(httpPort)) {
                    for (int b = first; b < count; b += 4) {
                        String email = "bench-buyer-" + b + "-" + run + "@bench.groupdeal.io";
                        Reply signup = expect(http.send("POST", "/api/v1/buyers", null, null, "{\"email\":\"" + email
                                + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Bench Buyer " + b + "\"}"), 201, "buyer signup");
                        made[b] = new Buyer(first(ID, signup.body), email, token(http, email));
                    }
                } catch (Exception e) {
                    errors.add(e);
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        buyers.addAll(Arrays.asList(made));
        // One purchase over each path, checked in full, before anything is timed.
        try (Http http = new Http(httpPort); Jdbc jdbc = new Jdbc()) {
            Reply reply = httpPurchase(http, buyers.get(0), spreadDeals.get(0));
            expect(reply, 201, "first HTTP purchase");
            if (!reply.body.contains("\"status\":\"" + (minBuyers <= quantity ? "CONFIRMED" : "PENDING") + "\"")) {
                throw new IllegalStateException("unexpected order: " + reply.body);
            }
            String outcome = jdbc.purchase(buyers.get(1), spreadDeals.get(0));
            if (outcome != null) {
                throw new IllegalStateException("the first JDBC purchase was refused: " + outcome);
            }
            firstPurchases = 2L * quantity;
        }
    }

    long firstPurchases;
    CpuMeter cpu;
    DbCounters dbCounters;

    String token(Http http, String email) throws IOException {
        Reply reply = expect(http.send("POST", "/api/v1/auth/tokens", null, null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"), 201, "login");
        return first(TOKEN, reply.body);
    }

    static Reply expect(Reply reply, int status, String what) {
        if (reply.status != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + reply.status + " " + reply.body);
        }
        return reply;
    }

    static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return m.group(1);
    }

    // ---- phases ----------------------------------------------------------------------------------------------------

    record Phase(String via, boolean hot) {
        String name() {
            return via + (hot ? " hot" : " spread");
        }
    }

    /** What one phase (or several added up) did: successes, failures by kind, latencies of the successes. */
    static final class Stats {
        long ok;
        long busy;
        long unknown;
        long nanos;
        CpuMeter.Usage cpu = new CpuMeter.Usage();
        long[] db = new long[DbCounters.NAMES.size()];
        final Map<String, Long> failures = new ConcurrentHashMap<>();
        final List<long[]> latencies = new ArrayList<>();
        final List<Integer> latencyCounts = new ArrayList<>();

        synchronized void fail(String kind) {
            failures.merge(kind, 1L, Long::sum);
        }

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        long attempts() {
            return ok + failed();
        }

        double rate() {
            return nanos == 0 ? 0 : ok / (nanos / 1e9);
        }

        void add(Stats other) {
            ok += other.ok;
            busy += other.busy;
            unknown += other.unknown;
            nanos += other.nanos;
            cpu = cpu.plus(other.cpu);
            for (int i = 0; i < db.length; i++) {
                db[i] += other.db[i];
            }
            other.failures.forEach((k, v) -> failures.merge(k, v, Long::sum));
            latencies.addAll(other.latencies);
            latencyCounts.addAll(other.latencyCounts);
        }

        double percentile(double p) {
            int n = latencyCounts.stream().mapToInt(Integer::intValue).sum();
            if (n == 0) {
                return 0;
            }
            long[] all = new long[n];
            int at = 0;
            for (int i = 0; i < latencies.size(); i++) {
                System.arraycopy(latencies.get(i), 0, all, at, latencyCounts.get(i));
                at += latencyCounts.get(i);
            }
            Arrays.sort(all);
            int rank = (int) Math.ceil(p * n);
            return all[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
        }

        String failureSummary() {
            return failures.toString();
        }
    }

    /** Per client thread: its results, merged after the phase. */
    static final class Tally {
        long ok;
        long busy;
        long unknown;
        long[] latencies = new long[1024];
        int count;
        final Map<String, Long> failures = new LinkedHashMap<>();
        String firstFailure;

        void success(long nanos) {
            ok++;
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        void fail(String kind, String detail) {
            failures.merge(kind, 1L, Long::sum);
            if (firstFailure == null) {
                firstFailure = kind + ": " + detail;
            }
        }
    }

    Stats runPhase(Phase phase, int phaseSeconds) throws Exception {
        Tally[] tallies = new Tally[threads];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong[] window = {new AtomicLong()};
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        List<Exception> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < threads; w++) {
            int worker = w;
            Tally tally = new Tally();
            tallies[w] = tally;
            Thread t = new Thread(() -> {
                Random random = new Random(seed * 31 + worker * 7919L + System.nanoTime());
                // Connections are opened before the clock starts, fresh for every phase (no stale keep-alive).
                try (Http http = phase.via.equals("HTTP") ? new Http(httpPort) : null;
                     Jdbc jdbc = phase.via.equals("JDBC") ? new Jdbc() : null) {
                    ready.countDown();
                    go.await();
                    long deadline = window[0].get() + phaseSeconds * 1_000_000_000L;
                    while (System.nanoTime() < deadline) {
                        Buyer buyer = buyers.get(worker + threads * random.nextInt(buyersPerThread));
                        String deal = phase.hot ? hotDeal : spreadDeals.get(random.nextInt(spreadDeals.size()));
                        long t0 = System.nanoTime();
                        boolean made = http != null ? httpAttempt(http, buyer, deal, tally) : jdbcAttempt(jdbc, buyer, deal, tally);
                        if (made) {
                            tally.success(System.nanoTime() - t0);
                        } else if (tally.failed() > 1000 && tally.failed() > 10 * tally.ok) {
                            broken.set(true); // the product or the database is gone: no point in hammering on
                            break;
                        }
                    }
                } catch (Exception e) {
                    errors.add(e);
                    ready.countDown();
                }
            }, "bench-client-" + w);
            t.start();
            workers.add(t);
        }
        ready.await();
        if (!errors.isEmpty()) {
            go.countDown();
            throw errors.get(0);
        }
        long[] dbBefore = dbCounters.sample();
        CpuMeter.Usage before = cpu.sample();
        window[0].set(System.nanoTime());
        go.countDown();
        for (Thread t : workers) {
            t.join();
        }
        long elapsed = System.nanoTime() - window[0].get();
        CpuMeter.Usage used = cpu.sample().minus(before);
        long[] dbAfter = dbCounters.sample();
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        Stats stats = new Stats();
        stats.nanos = elapsed;
        stats.cpu = used;
        for (int i = 0; i < dbAfter.length; i++) {
            stats.db[i] = dbAfter[i] - dbBefore[i];
        }
        String firstFailure = null;
        for (Tally t : tallies) {
            stats.ok += t.ok;
            stats.busy += t.busy;
            stats.unknown += t.unknown;
            t.failures.forEach((k, v) -> stats.failures.merge(k, v, Long::sum));
            stats.latencies.add(t.latencies);
            stats.latencyCounts.add(t.count);
            if (firstFailure == null) {
                firstFailure = t.firstFailure;
            }
        }
        if (firstFailure != null) {
            System.out.printf(Locale.ROOT, "  (%s: %d failed; first: %s)%n", phase.name(), stats.failed(), abbreviate(firstFailure));
        }
        if (broken.get()) {
            throw new IllegalStateException(phase.name() + ": nearly every purchase fails (" + stats.failureSummary()
                    + "); did the product stop? See its log");
        }
        return stats;
    }

    // ---- the HTTP purchase -----------------------------------------------------------------------------------------

    Reply httpPurchase(Http http, Buyer buyer, String dealId) throws IOException {
        return http.send("POST", "/api/v1/orders", buyer.token, UUID.randomUUID().toString(),
                "{\"dealId\":\"" + dealId + "\",\"quantity\":" + quantity + ",\"paymentToken\":\"tok_ok\"}");
    }

    /** True when the order was made (201); a failure is counted in the tally. */
    boolean httpAttempt(Http http, Buyer buyer, String dealId, Tally tally) {
        try {
            Reply reply = httpPurchase(http, buyer, dealId);
            if (reply.status == 201) {
                return true;
            } else {
                if (reply.status == 503 && reply.body.contains("/problems/busy")) {
                    tally.busy++;
                }
                Matcher type = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"").matcher(reply.body);
                tally.fail(reply.status + (type.find() ? " " + type.group(1) : ""), reply.body);
            }
        } catch (IOException e) {
            tally.unknown++; // the order may or may not have been made
            tally.fail("io " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            http.close();
        }
        return false;
    }

    // ---- the JDBC purchase -----------------------------------------------------------------------------------------

    /** True when the purchase was committed; a failure is counted in the tally. */
    boolean jdbcAttempt(Jdbc jdbc, Buyer buyer, String dealId, Tally tally) {
        try {
            String outcome = jdbc.purchase(buyer, dealId);
            if (outcome == null) {
                return true;
            }
            tally.fail(outcome, outcome);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1213 || e.getErrorCode() == 1205) {
                tally.busy++;
                tally.fail("busy " + e.getErrorCode(), e.getMessage());
            } else {
                tally.fail("sql " + e.getErrorCode(), e.getMessage());
            }
        }
        return false;
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A client thread's JDBC connections: the purchase's own, and one for the buyer's count row (REQUIRES_NEW). */
    final class Jdbc implements AutoCloseable {

        final Connection main;
        final Connection quota;

        Jdbc() throws SQLException {
            main = DriverManager.getConnection(jdbcUrl, "deal", "deal");
            quota = DriverManager.getConnection(jdbcUrl, "deal", "deal");
            for (Connection c : List.of(main, quota)) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        }

        /** One purchase; null when it was made, else why not (the transaction is then rolled back). */
        String purchase(Buyer buyer, String dealId) throws SQLException {
            // Authentication (AccountService.authenticate, JPA, outside the order's transaction).
            Object[] token = one(main, "SELECT token_hash, account_id, created_at, expires_at FROM access_token"
                    + " WHERE (token_hash = ?)", sha256(buyer.token));
            if (token == null || !LocalDateTime.now(ZoneOffset.UTC).isBefore((LocalDateTime) token[3])) {
                return "token";
            }
            Object[] account = one(main, "SELECT ID, created_at, EMAIL, NAME, password_hash, ROLE, tenant_id, VERSION"
                    + " FROM account WHERE (ID = ?)", token[1]);
            String buyerId = (String) account[0];
            String email = (String) account[2];
            String name = (String) account[3];

            String key = UUID.randomUUID().toString();
            String fingerprint = sha256(dealId + "\n" + quantity + "\ntok_ok");
            main.setAutoCommit(false);
            boolean done = false;
            try {
                if (one(main, "SELECT request_hash, tenant_id, order_id FROM order_request WHERE buyer_id = ? AND idempotency_key = ?"
                        + " LOCK IN SHARE MODE", buyerId, key) != null) {
                    return "key used";
                }
                Object[] terms = one(main, "SELECT d.tenant_id, d.id, d.title, t.business_name, d.status, d.price, d.currency,"
                        + " d.per_buyer_limit, d.coupon_valid_until, d.tipped_at IS NOT NULL FROM deal d JOIN tenant t"
                        + " ON t.id = d.tenant_id WHERE d.id = ? AND t.status = 'ACTIVE' AND d.status <> 'DRAFT'", dealId);
                if (terms == null || !"ON_SALE".equals(terms[4])) {
                    return "deal-not-on-sale";
                }
                String tenantId = (String) terms[0];
                String title = (String) terms[2];
                java.math.BigDecimal price = (java.math.BigDecimal) terms[5];
                String currency = (String) terms[6];
                Integer limit = terms[7] == null ? null : ((Number) terms[7]).intValue();
                LocalDateTime couponValidUntil = (LocalDateTime) terms[8];
                LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
                String orderId = newId();
                if (!insertUnlessDuplicate(main, "INSERT INTO order_request (buyer_id, idempotency_key, request_hash, tenant_id,"
                        + " order_id, created_at) VALUES (?, ?, ?, ?, ?, ?)", buyerId, key, fingerprint, tenantId, orderId, now)) {
                    return "key used";
                }
                if (limit != null) {
                    quota.setAutoCommit(false);
                    try {
                        insertUnlessDuplicate(quota, "INSERT INTO buyer_quota (tenant_id, deal_id, buyer_id, bought)"
                                + " VALUES (?, ?, ?, 0)", tenantId, dealId, buyerId);
                        quota.commit();
                    } catch (SQLException e) {
                        quota.rollback();
                        throw e;
                    } finally {
                        quota.setAutoCommit(true);
                    }
                    if (update(main, "UPDATE buyer_quota SET bought = bought + ? WHERE tenant_id = ? AND deal_id = ?"
                            + " AND buyer_id = ? AND bought + ? <= ?", quantity, tenantId, dealId, buyerId, quantity, limit) != 1) {
                        return "per-buyer-limit";
                    }
                }
                java.math.BigDecimal amount = price.multiply(java.math.BigDecimal.valueOf(quantity));
                // CatalogRepository.find: the deal as the catalog shows it, and its stores (for the mail).
                Object[] deal = one(main, "SELECT d.id, d.tenant_id, d.title, d.description, d.fine_print, t.business_name,"
                        + " d.price, d.original_value, d.currency, d.sold, d.min_buyers, d.max_quantity, d.sales_start,"
                        + " d.sales_end, d.coupon_valid_until, d.status, NULL FROM deal d JOIN tenant t ON t.id = d.tenant_id"
                        + " WHERE d.id = ? AND t.status = 'ACTIVE' AND d.status IN ('SCHEDULED', 'ON_SALE')", dealId);
                if (deal == null) {
                    return "deal-not-on-sale";
                }
                List<Object[]> stores = rows(main, "SELECT d.id, s.id, s.name, s.address, s.latitude, s.longitude FROM deal d"
                        + " JOIN store s ON s.tenant_id = d.tenant_id AND (NOT EXISTS (SELECT 1 FROM deal_store x"
                        + " WHERE x.tenant_id = d.tenant_id AND x.deal_id = d.id) OR EXISTS (SELECT 1 FROM deal_store x"
                        + " WHERE x.tenant_id = d.tenant_id AND x.deal_id = d.id AND x.store_id = s.id)) WHERE d.id IN (?)"
                        + " ORDER BY s.name, s.id", dealId);
                rows(main, "SELECT deal_id, reviews, rating_total FROM deal_rating WHERE reviews > 0 AND deal_id IN (?)", dealId);
                // SandboxGateway.authorise
                String paymentRef = "sbx_" + newId();
                insertUnlessDuplicate(main, "INSERT INTO payment_ledger (payment_ref, operation, reference, amount, currency,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?)", paymentRef, "AUTHORISE", orderId, amount, currency,
                        LocalDateTime.now(ZoneOffset.UTC));
                update(main, "INSERT INTO purchase_order (tenant_id, id, deal_id, buyer_id, quantity, unit_price, amount,"
                        + " currency, status, payment_ref, created_at, captured_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        tenantId, orderId, dealId, buyerId, quantity, price, amount, currency, "PENDING", paymentRef, now, null);
                try (PreparedStatement p = main.prepareStatement("INSERT INTO coupon (tenant_id, id, deal_id, order_id, buyer_id,"
                        + " code, status, price, currency, valid_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < quantity; i++) {
                        bind(p, tenantId, newId(), dealId, orderId, buyerId, couponCode(), "PENDING", price, currency,
                                couponValidUntil, now);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                // DealRepository.sell
                int sold = update(main, "UPDATE deal SET"
                        + " settlement_due = settlement_due OR (tipped_at IS NULL AND sold + ? >= min_buyers),"
                        + " tipped_at = CASE WHEN tipped_at IS NULL AND sold + ? >= min_buyers THEN ? ELSE tipped_at END,"
                        + " sold = sold + ?"
                        + " WHERE tenant_id = ? AND id = ? AND status = 'ON_SALE' AND sales_start <= ? AND sales_end > ?"
                        + " AND (max_quantity IS NULL OR sold + ? <= max_quantity)",
                        quantity, quantity, now, quantity, tenantId, dealId, now, now, quantity);
                Object[] state = one(main, "SELECT sold, min_buyers, max_quantity, status, sales_start <= ? AND sales_end > ?"
                        + " FROM deal WHERE tenant_id = ? AND id = ?", now, now, tenantId, dealId);
                if (sold != 1) {
                    return "sold-out";
                }
                boolean paidAtOnce = ((Number) state[0]).intValue() >= ((Number) state[1]).intValue();
                if (paidAtOnce) {
                    // Settlement.capture
                    if (update(main, "UPDATE purchase_order SET status = 'CONFIRMED', captured_at = ? WHERE tenant_id = ?"
                            + " AND id = ? AND status = 'PENDING'", now, tenantId, orderId) == 1) {
                        insertUnlessDuplicate(main, "INSERT INTO payment_ledger (payment_ref, operation, reference, amount,"
                                + " currency, created_at) VALUES (?, ?, ?, ?, ?, ?)", paymentRef, "CAPTURE", paymentRef, amount,
                                currency, LocalDateTime.now(ZoneOffset.UTC));
                        update(main, "UPDATE coupon SET status = ? WHERE tenant_id = ? AND order_id = ? AND status = ?",
                                "ACTIVE", tenantId, orderId, "PENDING");
                    }
                }
                // The answer: the order and its coupons as stored.
                Object[] order = one(main, "SELECT tenant_id, id, deal_id, buyer_id, quantity, unit_price, amount, currency,"
                        + " status, payment_ref, created_at FROM purchase_order WHERE tenant_id = ? AND id = ?", tenantId, orderId);
                List<Object[]> coupons = rows(main, "SELECT c.tenant_id, c.id, c.deal_id, d.title, c.order_id, c.buyer_id,"
                        + " c.code, c.status, c.price, c.currency, c.valid_until, c.created_at, c.redeemed_at,"
                        + " c.redeemed_store_id, c.refunded_at, d.refund_policy = 'ANYTIME', d.auto_refund_on_expiry FROM coupon c"
                        + " JOIN deal d ON d.tenant_id = c.tenant_id AND d.id = c.deal_id WHERE c.tenant_id = ? AND c.order_id = ?"
                        + " ORDER BY c.id", tenantId, orderId);
                // Outbox.write of BuyerMails.orderConfirmed
                String[] mail = confirmationMail(name, (String) order[8], quantity, title, (String) deal[5],
                        ((Number) deal[10]).intValue(), amount, currency, coupons, stores, (String) deal[4],
                        (LocalDateTime) deal[14], orderId);
                List<String> printed = coupons.stream().map(c -> printed((String) c[6])).toList();
                LocalDateTime written = LocalDateTime.now(ZoneOffset.UTC);
                insertUnlessDuplicate(main, "INSERT INTO mail_outbox (id, tenant_id, cause_key, recipient, subject, text_body,"
                        + " html_body, qr_codes, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " 'PENDING', 0, ?, ?)", newId(), tenantId, "order-confirmed:" + orderId, email, mail[0], mail[1],
                        mail[2], String.join(" ", printed), written, written);
                main.commit();
                done = true;
                return null;
            } finally {
                if (!done) {
                    try {
                        main.rollback();
                    } catch (SQLException ignored) {
                        // the connection is broken; the next statement says so
                    }
                }
                main.setAutoCommit(true);
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                main.close();
            } finally {
                quota.close();
            }
        }
    }

    static Object[] one(Connection c, String sql, Object... parameters) throws SQLException {
        List<Object[]> rows = rows(c, sql, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static List<Object[]> rows(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, parameters);
            try (ResultSet r = p.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (r.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, parameters);
            return p.executeUpdate();
        }
    }

    /** As NativeSql.insertUnlessDuplicate: false for a duplicate key (only the statement is undone). */
    static boolean insertUnlessDuplicate(Connection c, String sql, Object... parameters) throws SQLException {
        try {
            update(c, sql, parameters);
            return true;
        } catch (SQLIntegrityConstraintViolationException e) {
            if (e.getErrorCode() == 1062) {
                return false;
            }
            throw e;
        }
    }

    static void bind(PreparedStatement p, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            p.setObject(i + 1, parameters[i]);
        }
    }

    // ---- values made as the product makes them --------------------------------------------------------------------

    static final SecureRandom RANDOM = new SecureRandom();
    static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final String CHECK_SYMBOLS = SYMBOLS + "*~$=U";

    /** As io.groupdeal.domain.shared.Ids.newId: 26 Crockford base32 characters, 48 bits of time, 80 random bits. */
    static String newId() {
        char[] out = new char[26];
        long time = System.currentTimeMillis();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (random[i] & 0xff);
            low = (low << 8) | (random[i + 5] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }

    /** As io.groupdeal.domain.coupon.CouponCode.random: 12 Crockford base32 characters and the mod-37 check symbol. */
    static String couponCode() {
        long value = RANDOM.nextLong() >>> 4;
        char[] data = new char[12];
        long rest = value;
        for (int i = 11; i >= 0; i--) {
            data[i] = SYMBOLS.charAt((int) (rest & 31));
            rest >>>= 5;
        }
        return new String(data) + CHECK_SYMBOLS.charAt((int) (value % 37));
    }

    static String printed(String stored) {
        return stored.substring(0, 4) + "-" + stored.substring(4, 8) + "-" + stored.substring(8, 12) + "-" + stored.charAt(12);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subject, text and HTML of BuyerMails.orderConfirmed, built the same way. */
    String[] confirmationMail(String buyerName, String status, int qty, String title, String merchant, int min,
                              java.math.BigDecimal amount, String currency, List<Object[]> coupons, List<Object[]> stores,
                              String finePrint, LocalDateTime validUntil, String orderId) {
        boolean pending = "PENDING".equals(status);
        String money = currency + " " + amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
        MailBody body = new MailBody();
        body.paragraph("Hello " + buyerName + ",");
        body.paragraph(pending
                ? "Thank you for your order of " + qty + " × " + title + " from " + merchant + ". The deal is on once " + min
                        + " coupons are sold: until then " + money + " is only reserved on your card, and your coupons"
                        + " are not valid yet. We will write to you when the deal is on, or when it fails (then the"
                        + " reservation is released and nothing is charged)."
                : "Thank you for your order of " + qty + " × " + title + " from " + merchant + ". We charged " + money
                        + ". Show a code at the counter to use a coupon.");
        body.coupons(coupons.stream().map(c -> printed((String) c[6])).toList());
        body.heading("Where to use them");
        for (Object[] s : stores) {
            body.line(s[2] + ", " + s[3]);
        }
        if (finePrint != null && !finePrint.isBlank()) {
            body.heading("Fine print");
            body.paragraph(finePrint);
        }
        body.paragraph("Valid until " + DAY.format(validUntil.toInstant(ZoneOffset.UTC)) + ". Order " + orderId + ".");
        body.link("Open my coupons", "http://localhost:" + httpPort + "/account/");
        body.text.append("GroupDeal");
        String page = "<!doctype html><html><body style=\"margin:0;background:#f5f5f7;font-family:-apple-system,"
                + "Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2330\"><div style=\"max-width:560px;margin:0 auto;"
                + "padding:24px\"><div style=\"font-weight:700;font-size:18px;margin-bottom:16px\">GroupDeal</div>"
                + "<div style=\"background:#fff;border-radius:12px;padding:24px\">" + body.html + "</div></div></body></html>";
        return new String[] {(pending ? "Order received: " : "Your coupons: ") + title, body.text.toString(), page};
    }

    static final class MailBody {
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();

        void paragraph(String words) {
            text.append(words).append("\n\n");
            html.append("<p style=\"margin:0 0 14px;line-height:1.5\">").append(escape(words)).append("</p>");
        }

        void heading(String words) {
            text.append(words.toUpperCase(Locale.ROOT)).append("\n");
            html.append("<h3 style=\"margin:18px 0 6px;font-size:15px\">").append(escape(words)).append("</h3>");
        }

        void line(String words) {
            text.append("- ").append(words).append("\n");
            html.append("<div style=\"margin:0 0 4px\">").append(escape(words)).append("</div>");
        }

        void coupons(List<String> codes) {
            text.append("Your codes:\n");
            html.append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:8px 0 16px\">");
            for (String code : codes) {
                text.append("  ").append(code).append("\n");
                html.append("<tr><td style=\"padding:8px 16px 8px 0\"><img src=\"cid:qr-").append(code)
                        .append("\" width=\"120\" height=\"120\" alt=\"QR code of ").append(code).append("\"></td>")
                        .append("<td style=\"padding:8px 0;font:600 22px/1.2 ui-monospace,Menlo,Consolas,monospace;"
                                + "letter-spacing:2px\">").append(code).append("</td></tr>");
            }
            text.append("\n");
            html.append("</table>");
        }

        void link(String label, String url) {
            text.append(label).append(": ").append(url).append("\n\n");
            html.append("<p style=\"margin:18px 0\"><a href=\"").append(escape(url)).append("\" style=\"background:#4f46e5;"
                    + "color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none\">").append(escape(label))
                    .append("</a></p>");
        }

        static String escape(String value) {
            StringBuilder out = new StringBuilder(value.length());
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }

    // ---- verification ----------------------------------------------------------------------------------------------

    /**
     * The database must hold exactly the purchases that were answered as made: the hot deal's {@code sold}, its orders
     * and its coupons equal the successful purchases (HTTP and JDBC, warm-up included); the same for the spread deals.
     * A purchase whose answer was lost (an I/O error) may or may not be there; it widens the allowed range.
     */
    boolean verify(long hotOk, long hotUnknown, long spreadOk, long spreadUnknown) throws SQLException {
        spreadOk += firstPurchases;
        System.out.printf(Locale.ROOT, "%nverification against the database:%n");
        boolean ok = true;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "deal", "deal")) {
            ok &= check(db, "hot deal", List.of(hotDeal), hotOk, hotUnknown);
            ok &= check(db, "spread deals", spreadDeals, spreadOk, spreadUnknown);
        }
        return ok;
    }

    boolean check(Connection db, String what, List<String> ids, long expected, long unknown) throws SQLException {
        String in = String.join(",", ids.stream().map(i -> "'" + i + "'").toList());
        long sold = count(db, "SELECT COALESCE(SUM(sold), 0) FROM deal WHERE id IN (" + in + ")");
        long orders = count(db, "SELECT COALESCE(SUM(quantity), 0) FROM purchase_order WHERE deal_id IN (" + in + ")");
        long coupons = count(db, "SELECT COUNT(*) FROM coupon WHERE deal_id IN (" + in + ")");
        long captured = count(db, "SELECT COUNT(*) FROM payment_ledger l JOIN purchase_order o ON o.payment_ref = l.payment_ref"
                + " WHERE o.deal_id IN (" + in + ") AND l.operation = 'CAPTURE'");
        long confirmed = count(db, "SELECT COUNT(*) FROM purchase_order WHERE deal_id IN (" + in + ") AND status = 'CONFIRMED'");
        boolean good = sold == orders && sold == coupons && sold >= expected && sold <= expected + unknown
                && captured == confirmed;
        System.out.printf(Locale.ROOT, "  %-13s sold %d, coupons in orders %d, coupons %d; purchases answered as made %d%s;"
                        + " captures %d for %d confirmed orders: %s%n", what, sold, orders, coupons, expected,
                unknown > 0 ? " (+ up to " + unknown + " with a lost answer)" : "", captured, confirmed,
                good ? "OK" : "MISMATCH (oversold or lost updates)");
        return good;
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    // ---- what the database was asked -------------------------------------------------------------------------------

    /** MariaDB's global command counters, read before and after each phase (on a connection of its own). */
    static final class DbCounters {
        static final List<String> NAMES = List.of("Questions", "Com_select", "Com_insert", "Com_update", "Com_commit",
                "Com_set_option", "Com_admin_commands", "Com_rollback", "Innodb_row_lock_waits");
        final String url;
        Connection connection;

        DbCounters(String url) {
            this.url = url;
        }

        static String label(String name) {
            return switch (name) {
                case "Questions" -> "requests";
                case "Com_admin_commands" -> "pings";
                case "Com_set_option" -> "SET";
                case "Innodb_row_lock_waits" -> "lockwaits";
                default -> name.substring(4);
            };
        }

        long[] sample() {
            long[] values = new long[NAMES.size()];
            try {
                if (connection == null) {
                    connection = DriverManager.getConnection(url, "deal", "deal");
                }
                try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SHOW GLOBAL STATUS WHERE"
                        + " Variable_name IN (" + String.join(",", NAMES.stream().map(n -> "'" + n + "'").toList()) + ")")) {
                    while (r.next()) {
                        int i = NAMES.indexOf(r.getString(1));
                        if (i >= 0) {
                            values[i] = r.getLong(2);
                        }
                    }
                }
            } catch (SQLException e) {
                connection = null;
            }
            return values;
        }
    }

    // ---- where the CPU goes ----------------------------------------------------------------------------------------

    /**
     * CPU time of the processes involved, from /proc (Linux): the product's JVM (Payara Micro, found by its --port),
     * the embedded MariaDB (mariadbd --port=), the launcher JVM that started them (Maven with the mail catcher), this
     * bench, and the whole machine. Elsewhere the columns stay empty.
     */
    static final class CpuMeter {
        static final String HEADER = "CPU ms/purchase: product (requests    jit     gc  other)  mariadb  launcher  bench"
                + "  other | machine busy";
        static final double TICK_MS = 10; // USER_HZ is 100 on Linux
        final long product;
        final long mariadb;
        final long launcher;
        final long bench = ProcessHandle.current().pid();

        CpuMeter(int httpPort, int dbPort) {
            long p = -1;
            long m = -1;
            long l = -1;
            java.io.File[] procs = new java.io.File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
            for (java.io.File f : procs == null ? new java.io.File[0] : procs) {
                try {
                    String cmd = new String(java.nio.file.Files.readAllBytes(f.toPath().resolve("cmdline")), StandardCharsets.UTF_8);
                    List<String> parts = List.of(cmd.split("\0"));
                    if (cmd.contains("payara-micro") && parts.indexOf("--port") >= 0
                            && String.valueOf(httpPort).equals(parts.get(Math.min(parts.size() - 1, parts.indexOf("--port") + 1)))) {
                        p = Long.parseLong(f.getName());
                        l = ProcessHandle.of(p).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
                    } else if (cmd.contains("mariadbd") && parts.contains("--port=" + dbPort)) {
                        m = Long.parseLong(f.getName());
                    }
                } catch (IOException | RuntimeException ignored) {
                    // a process that ended meanwhile, or not ours to read
                }
            }
            product = p;
            mariadb = m;
            launcher = l;
        }

        String describe() {
            return String.format(Locale.ROOT, "processes measured: product JVM %s, MariaDB %s, launcher %s, bench %d",
                    product < 0 ? "not found" : "pid " + product, mariadb < 0 ? "not found" : "pid " + mariadb,
                    launcher < 0 ? "not found" : "pid " + launcher, bench);
        }

        /**
         * Ticks per process and of the machine (busy and all), as counted since boot; the product's split by its
         * threads: requests (the HTTP worker threads), jit (C1/C2 compiler threads), gc (GC and VM threads).
         */
        record Usage(long product, long requests, long jit, long gc, long mariadb, long launcher, long bench,
                     long machineBusy, long machineAll) {
            Usage() {
                this(0, 0, 0, 0, 0, 0, 0, 0, 0);
            }

            Usage minus(Usage o) {
                return new Usage(product - o.product, requests - o.requests, jit - o.jit, gc - o.gc, mariadb - o.mariadb,
                        launcher - o.launcher, bench - o.bench, machineBusy - o.machineBusy, machineAll - o.machineAll);
            }

            Usage plus(Usage o) {
                return new Usage(product + o.product, requests + o.requests, jit + o.jit, gc + o.gc, mariadb + o.mariadb,
                        launcher + o.launcher, bench + o.bench, machineBusy + o.machineBusy, machineAll + o.machineAll);
            }

            String perPurchase(long purchases, long nanos) {
                if (machineAll == 0 || purchases == 0) {
                    return "";
                }
                long other = machineBusy - product - mariadb - launcher - bench;
                double n = purchases;
                return String.format(Locale.ROOT, "%24.2f  %8.2f %6.2f %6.2f %6.2f  %7.2f %9.2f %6.2f %6.2f | %5.0f%%",
                        product * TICK_MS / n, requests * TICK_MS / n, jit * TICK_MS / n, gc * TICK_MS / n,
                        (product - requests - jit - gc) * TICK_MS / n, mariadb * TICK_MS / n, launcher * TICK_MS / n,
                        bench * TICK_MS / n, Math.max(0, other) * TICK_MS / n, 100.0 * machineBusy / machineAll);
            }
        }

        Usage sample() {
            long[] machine = machine();
            long requests = 0;
            long jit = 0;
            long gc = 0;
            java.io.File[] tasks = product < 0 ? null : new java.io.File("/proc/" + product + "/task").listFiles();
            for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
                try {
                    String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).strip();
                    long t = ticks(product + "/task/" + task.getName());
                    if (name.startsWith("http-thread-poo") || name.startsWith("http-listener")) {
                        requests += t;
                    } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        jit += t;
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                        gc += t;
                    }
                } catch (IOException | RuntimeException ignored) {
                    // a thread that ended meanwhile
                }
            }
            return new Usage(ticks(product), requests, jit, gc, ticks(mariadb), ticks(launcher), ticks(bench), machine[0],
                    machine[1]);
        }

        static long ticks(long pid) {
            return pid < 0 ? 0 : ticks(Long.toString(pid));
        }

        /** utime + stime of /proc/{@code which}/stat: a process, or a thread as "pid/task/tid". */
        static long ticks(String which) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + which + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** Busy and all ticks of all cores: /proc/stat "cpu" (user nice system idle iowait irq softirq steal). */
        static long[] machine() {
            try {
                String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0);
                String[] f = line.trim().split("\\s+");
                long all = 0;
                for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                    all += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {all - idle, all};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }
    }

    // ---- a small HTTP/1.1 client -----------------------------------------------------------------------------------

    record Reply(int status, String body) {
    }

    /**
     * One keep-alive connection, requests one after the other: the least client work per request, so that the two
     * cores go to the product and not to the load generator. Reconnects when the server closes; a request that fails
     * on a reused connection before any answer arrives is sent once more on a new one (safe: orders carry an
     * Idempotency-Key, and the set-up runs before anything else).
     */
    static final class Http implements AutoCloseable {
        final int port;
        Socket socket;
        InputStream in;
        OutputStream out;
        int served;

        Http(int port) throws IOException {
            this.port = port;
            connect();
        }

        void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
            served = 0;
        }

        Reply send(String method, String path, String token, String idempotencyKey, String body) throws IOException {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\nAccept: application/json\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\n");
            }
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (idempotencyKey != null) {
                head.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
            }
            head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            byte[] request = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            if (socket == null) {
                connect();
            }
            boolean reused = served > 0;
            try {
                return exchange(request, content);
            } catch (IOException e) {
                close();
                if (!reused || e.getMessage() == null || !e.getMessage().startsWith("before answer")) {
                    throw e;
                }
                connect();
                return exchange(request, content);
            }
        }

        private Reply exchange(byte[] request, byte[] content) throws IOException {
            try {
                out.write(request);
                out.write(content);
                out.flush();
            } catch (IOException e) {
                throw new IOException("before answer: " + e, e);
            }
            String status;
            try {
                status = line(true);
            } catch (IOException e) {
                throw new IOException("before answer: " + e, e);
            }
            if (status == null) {
                throw new IOException("before answer: connection closed");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String h = line(false); h != null && !h.isEmpty(); h = line(false)) {
                int colon = h.indexOf(':');
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closing = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line(false).split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line(false).split(";")[0].trim(), 16)) {
                    copy(size, body);
                    line(false);
                }
                for (String t = line(false); t != null && !t.isEmpty(); t = line(false)) {
                    // trailers
                }
            } else if (length >= 0) {
                copy(length, body);
            } else {
                in.transferTo(body);
                closing = true;
            }
            served++;
            if (closing) {
                close();
            }
            return new Reply(code, body.toString(StandardCharsets.UTF_8));
        }

        private void copy(long n, ByteArrayOutputStream to) throws IOException {
            byte[] buffer = new byte[8192];
            while (n > 0) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (r < 0) {
                    throw new IOException("connection closed in the middle of an answer");
                }
                to.write(buffer, 0, r);
                n -= r;
            }
        }

        /** A header line without its CRLF; null at the end of the stream (before anything, when {@code first}). */
        private String line(boolean first) throws IOException {
            StringBuilder s = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int n = s.length();
                    return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
                }
                s.append((char) c);
            }
            if (first && s.length() == 0) {
                return null;
            }
            throw new IOException("connection closed in the middle of an answer");
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }
}
