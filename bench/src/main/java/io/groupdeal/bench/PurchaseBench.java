package io.groupdeal.bench;

import io.groupdeal.application.Idempotency;
import io.groupdeal.application.security.BearerTokens;
import io.groupdeal.bench.harness.Api;
import io.groupdeal.bench.harness.Clients;
import io.groupdeal.bench.harness.Db;
import io.groupdeal.bench.harness.Http;
import io.groupdeal.bench.harness.Http.Reply;
import io.groupdeal.bench.harness.Json;
import io.groupdeal.bench.harness.Latencies;
import io.groupdeal.bench.harness.Options;
import io.groupdeal.bench.harness.Procs;
import io.groupdeal.bench.harness.Profile;
import io.groupdeal.bench.harness.Text;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.shared.Ids;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Purchase throughput with the payment gateway's latency at 0 and at 200 ms, in one run: POST /api/v1/orders over
 * loopback HTTP against the same purchase done over plain JDBC (the same statements in the same order, on the same
 * database, at the same concurrency).
 *
 * <p>Two products run on one database: the one at {@code --http-port} with its sandbox gateway answering at once
 * ({@code DEAL_SANDBOX_LATENCY_MS=0}), the one at {@code --slow-http-port} with the sandbox delaying every call by
 * {@code --slow-latency-ms} (200). Sets up through the real API: 10 merchants with 2 stores each, 100 deals spread
 * over them plus one hot deal, all ON_SALE with maxQuantity and perBuyerLimit at their maximum (1,000,000) so that
 * neither ever refuses a purchase, and {@code --buyers-per-thread} buyers per client thread, each with a token. After
 * {@code --warmup} seconds of each phase (not counted), six phases of {@code --seconds} each with {@code --threads}
 * client threads: HTTP spread and HTTP hot at 0 ms, JDBC spread and JDBC hot (the baseline), HTTP spread and HTTP hot
 * at 200 ms; the sequence runs {@code --rounds} times, every second round in reverse order, so that noise and the
 * growth of the tables hit all alike. Each client thread buys for its own buyers: a buyer never has two purchases in
 * flight, as with people, so only the deal's row is shared. Per phase it reads the CPU time of each process from
 * /proc and MariaDB's command counters; during the warm-up of each HTTP phase it takes thread dumps of the product
 * and counts where its request threads are, so that the figures say where the time went.
 *
 * <p>The JDBC purchase is what io.groupdeal.application.order.OrderService#place runs, statement by statement: the
 * token and account lookup of the authentication, the key's earlier use, the sale terms and the deal's options
 * (autocommit; the order names no option, so it buys the deal's only one, at its price), the buyer's count row, the
 * reserve transaction (the idempotency key, the count's conditional update, the order RESERVED with its option, the
 * option's stock and then the deal's by conditional updates, the deal's state read only when its terms had not found it
 * tipped; START TRANSACTION … COMMIT), the
 * gateway's own statements (the sandbox server's ledger, on a connection of its own: what the sandbox runs for an
 * authorisation) and the confirm transaction (the order RESERVED to CONFIRMED or PENDING by conditional update, the
 * sale terms, its coupons, the confirmation mail's cause into the outbox (the mail is written when it is delivered,
 * outside the purchase), the deal's paid count unless the order was captured at once while the deal, tipped, is on
 * sale); the answer is built from what was written, with no read-back. Ids, coupon codes and fingerprints are made the
 * same way as the product makes them (its Ids, CouponCode, BearerTokens and Idempotency). With {@code --setup-only} it makes one
 * purchase over each path and stops: with the general log on, the two show the same statements.
 *
 * <p>Run by bench/purchases.sh; by hand against a running product (DEAL_DEMO=false or not, it makes its own data):
 * {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.groupdeal.bench.PurchaseBench
 * --http-port 18480 --db-port 13480} (after the script built the module).
 */
public final class PurchaseBench {

    static final String PASSWORD = Api.PASSWORD;
    /** An answer later than this is a failed request. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    static final int MERCHANTS = 10;
    static final int STORES_PER_MERCHANT = 2;
    static final int MAX_COUPONS = 1_000_000;

    // ---- options ---------------------------------------------------------------------------------------------------

    int httpPort = 18480;
    int dbPort = 13480;
    /** The product whose gateway is slow; -1: none, its phases are left out. */
    int slowHttpPort = -1;

    int latencyMs = 0;
    int slowLatencyMs = 200;
    int threads = 64;
    int seconds = 20;
    int warmupSeconds = 20;
    int rounds = 2;
    int deals = 100;
    int buyersPerThread = 1;
    /** Thread dumps of the product per HTTP phase, taken during its warm-up; where they are written (null: not kept). */
    int dumps = 3;

    String dumpDir;
    /** A JFR recording of the product during the warm-up of each HTTP phase, summarised (needs --dump-dir). */
    boolean profile = true;
    /** The warm-up's recording by async-profiler (CPU, native and kernel frames too) instead of JFR. */
    boolean asyncProfile = false;

    int minBuyers = 1;
    int quantity = 1;
    long seed = 20261123L;
    boolean strictTargets = false;
    static final List<String> PHASES =
            List.of("http-spread", "jdbc-spread", "http-hot", "jdbc-hot", "slow-spread", "slow-hot");
    List<String> phaseNames;
    /** Only the set-up and one purchase over each path (to compare their statements in the general log). */
    boolean setupOnly = false;
    /** After the set-up: one purchase over each path with MariaDB's general log on, both statement lists printed. */
    boolean compareStatements = false;

    public static void main(String[] args) {
        Api.exit(new PurchaseBench().parse(args)::run);
    }

    /** Reads the options; throws IllegalArgumentException for an unknown one or a value out of bounds. */
    PurchaseBench parse(String[] args) {
        Options o = new Options(args);
        httpPort = o.integer("--http-port", httpPort);
        dbPort = o.integer("--db-port", dbPort);
        slowHttpPort = o.integer("--slow-http-port", slowHttpPort);
        latencyMs = o.integer("--latency-ms", latencyMs);
        slowLatencyMs = o.integer("--slow-latency-ms", slowLatencyMs);
        dumps = o.integer("--dumps", dumps);
        dumpDir = o.text("--dump-dir", dumpDir);
        profile = !o.flag("--no-profile");
        asyncProfile = o.flag("--async-profile");
        threads = o.integer("--threads", threads);
        seconds = o.integer("--seconds", seconds);
        warmupSeconds = o.integer("--warmup", warmupSeconds);
        rounds = o.integer("--rounds", rounds);
        deals = o.integer("--deals", deals);
        buyersPerThread = o.integer("--buyers-per-thread", buyersPerThread);
        minBuyers = o.integer("--min-buyers", minBuyers);
        quantity = o.integer("--quantity", quantity);
        seed = o.number("--seed", seed);
        strictTargets = o.flag("--strict-targets");
        String phases = o.text("--phases", null);
        phaseNames = phases == null ? null : List.of(phases.split(","));
        setupOnly = o.flag("--setup-only");
        compareStatements = o.flag("--compare-statements");
        o.requireKnown();
        if (phaseNames == null) {
            phaseNames = slowHttpPort < 0 ? PHASES.subList(0, 4) : PHASES;
        }
        if (threads < 1
                || threads > 256
                || seconds < 1
                || seconds > 3600
                || warmupSeconds < 0
                || warmupSeconds > 600
                || rounds < 1
                || rounds > 20
                || deals < 1
                || deals > 10_000
                || buyersPerThread < 1
                || buyersPerThread > 100
                || minBuyers < 1
                || minBuyers > MAX_COUPONS
                || quantity < 1
                || quantity > 20
                || phaseNames.isEmpty()
                || !PHASES.containsAll(phaseNames)
                || dumps < 0
                || dumps > 20
                || (slowHttpPort < 0 && phaseNames.stream().anyMatch(n -> n.startsWith("slow")))
                || (slowHttpPort >= 0 && slowLatencyMs == latencyMs)) {
            throw new IllegalArgumentException(
                    "out of bounds: threads 1..256, dumps 0..20, two different latencies, seconds 1..3600, warmup 0..600, rounds 1..20,"
                            + " deals 1..10000, buyers-per-thread 1..100, min-buyers 1..1000000, quantity 1..20,"
                            + " phases: a comma-separated list of " + String.join(", ", PHASES)
                            + " (slow-* need --slow-http-port)");
        }
        return this;
    }

    // ---- what the setup made ---------------------------------------------------------------------------------------

    record Buyer(String id, String email, String token) {}

    List<Buyer> buyers = new ArrayList<>();
    List<String> spreadDeals = new ArrayList<>();
    String hotDeal;
    /**
     * The driver's settings beyond Db.url: the session in UTC, and the product's (DealDataSource): statement cache,
     * session state kept by the driver.
     */
    static final String SETTINGS = "&characterEncoding=UTF-8&forceConnectionTimeZoneToSession=true"
            + "&useLocalSessionState=true&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048";

    int run() throws Exception {
        System.out.printf(
                Locale.ROOT,
                "purchase bench, %s: %d spread deals + 1 hot deal of %d merchants, %d buyers, %d client"
                        + " threads; minBuyers=%d, quantity %d per order; %d s per phase after %d s of warm-up each, %d rounds;"
                        + " gateway latency %d ms (port %d)%s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                deals,
                MERCHANTS,
                threads * buyersPerThread,
                threads,
                minBuyers,
                quantity,
                seconds,
                warmupSeconds,
                rounds,
                latencyMs,
                httpPort,
                slowHttpPort < 0 ? "" : " and " + slowLatencyMs + " ms (port " + slowHttpPort + ")");
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + load());
        long t0 = System.nanoTime();
        setUp();
        System.out.printf(Locale.ROOT, "set up through the API in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (slowHttpPort >= 0) {
            awaitReady(slowHttpPort);
            Http http = new Http(slowHttpPort, TIMEOUT);
            long s0 = System.nanoTime();
            Reply reply = httpPurchase(http, buyers.get(0), spreadDeals.get(1));
            expect(reply, 201, "first purchase through the product at " + slowLatencyMs + " ms");
            long took = (System.nanoTime() - s0) / 1_000_000;
            firstPurchases += quantity;
            System.out.printf(Locale.ROOT, "the product at %d ms answers a purchase in %d ms%n", slowLatencyMs, took);
            if (took < slowLatencyMs) {
                throw new IllegalStateException("the product at port " + slowHttpPort + " answered a purchase in "
                        + took + " ms: its gateway does not take the " + slowLatencyMs
                        + " ms it should (DEAL_SANDBOX_LATENCY_MS)");
            }
        }
        if (compareStatements) {
            compareStatements();
        }
        if (setupOnly) {
            return 0;
        }

        Map<String, Stats> totals = new LinkedHashMap<>();
        List<Phase> sequence = phaseNames.stream().map(this::phase).toList();
        cpu = new CpuMeter(httpPort, slowHttpPort, dbPort);
        dbCounters = new DbCounters(dbPort);
        System.out.println(cpu.describe());
        for (Phase phase : sequence) {
            totals.put(phase.name(), new Stats());
        }
        AtomicLong hotSold = new AtomicLong();
        AtomicLong spreadSold = new AtomicLong();
        AtomicLong hotUnknown = new AtomicLong();
        AtomicLong spreadUnknown = new AtomicLong();
        Map<String, Map<String, Integer>> waits = new LinkedHashMap<>();

        if (warmupSeconds > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "%nwarm-up: %d s of each phase (not counted)%s%n",
                    warmupSeconds,
                    dumps > 0 ? "; " + dumps + " thread dumps of the product during each HTTP phase" : "");
            for (Phase phase : sequence) {
                Map<String, Integer> where = new LinkedHashMap<>();
                Stats s = runPhase(phase, warmupSeconds, phase.via.equals("HTTP") ? where : null);
                if (!where.isEmpty()) {
                    waits.put(phase.name(), where);
                }
                (phase.hot ? hotSold : spreadSold).addAndGet(s.ok * quantity);
                (phase.hot ? hotUnknown : spreadUnknown).addAndGet(s.unknown * quantity);
                System.out.printf(
                        Locale.ROOT,
                        "  %-18s %7.1f purchases/s, p50 %.1f ms, p99 %.1f ms%s%n",
                        phase.name(),
                        s.rate(),
                        s.percentile(0.50),
                        s.percentile(0.99),
                        s.failed() > 0 ? "  (" + s.failed() + " failed: " + s.failureSummary() + ")" : "");
            }
        }

        System.out.printf(
                Locale.ROOT,
                "%n%-18s %5s %7s %7s %7s %6s %12s %8s %8s %8s | %s%n",
                "phase",
                "round",
                "seconds",
                "ok",
                "failed",
                "busy",
                "purchases/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                CpuMeter.HEADER);
        List<Map<String, Double>> roundRates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Map<String, Double> rates = new LinkedHashMap<>();
            roundRates.add(rates);
            List<Phase> order = new ArrayList<>(sequence);
            if (round % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            for (Phase phase : order) {
                Stats s = runPhase(phase, seconds, null);
                totals.get(phase.name()).add(s);
                rates.put(phase.name(), s.rate());
                (phase.hot ? hotSold : spreadSold).addAndGet(s.ok * quantity);
                (phase.hot ? hotUnknown : spreadUnknown).addAndGet(s.unknown * quantity);
                s.printRow(phase.name(), Integer.toString(round));
            }
        }

        System.out.printf(Locale.ROOT, "%nall rounds together:%n");
        for (Map.Entry<String, Stats> e : totals.entrySet()) {
            e.getValue().printRow(e.getKey(), "all");
        }
        System.out.println(
                "(CPU: milliseconds of CPU per purchase made, by process, over the phase; the products (both JVMs"
                        + " added up) split into their HTTP worker threads, the sandbox gateway's server and the product's HTTP client"
                        + " of it, JIT compiler threads, GC threads and the rest (timers: mail delivery, reconciler, payment tasks);"
                        + " launcher: the Maven JVM with the mail catcher; machine: share of all cores busy; other: processes outside"
                        + " this bench, such as a build)");
        System.out.printf(
                Locale.ROOT,
                "%nwhat the database was asked, per purchase made (all rounds; includes the products'"
                        + " background jobs):%n  %-18s %s%n",
                "",
                String.join(
                        " ",
                        DbCounters.NAMES.stream()
                                .map(n -> String.format(Locale.ROOT, "%9s", DbCounters.label(n)))
                                .toList()));
        for (Map.Entry<String, Stats> e : totals.entrySet()) {
            Stats s = e.getValue();
            StringBuilder line = new StringBuilder();
            for (long v : s.db) {
                line.append(String.format(Locale.ROOT, " %9.2f", s.ok == 0 ? 0 : v / (double) s.ok));
            }
            System.out.printf(Locale.ROOT, "  %-18s%s%n", e.getKey(), line);
        }
        if (!waits.isEmpty()) {
            System.out.printf(
                    Locale.ROOT,
                    "%nwhere the products' request threads were (thread dumps during the warm-up; threads"
                            + " per dump, of those busy with a request):%n");
            waits.forEach((phase, where) -> {
                int taken = where.getOrDefault(ThreadDumps.DUMPS, 0);
                int all = where.entrySet().stream()
                        .filter(w -> !w.getKey().equals(ThreadDumps.DUMPS))
                        .mapToInt(Map.Entry::getValue)
                        .sum();
                System.out.printf(
                        Locale.ROOT,
                        "  %s (%d dumps, %.1f busy request threads per dump):%n",
                        phase,
                        taken,
                        all / Math.max(1.0, taken));
                where.entrySet().stream()
                        .filter(w -> !w.getKey().equals(ThreadDumps.DUMPS))
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(12)
                        .forEach(w -> System.out.printf(
                                Locale.ROOT,
                                "    %5.1f  %4.0f%%  %s%n",
                                w.getValue() / Math.max(1.0, taken),
                                100.0 * w.getValue() / all,
                                w.getKey()));
            });
        }

        for (Map.Entry<String, java.nio.file.Path> e : profiles.entrySet()) {
            if (asyncProfile) {
                Profile.summariseCpu("the warm-up of " + e.getKey(), e.getValue());
            } else {
                Profile.summarise("the warm-up of " + e.getKey(), e.getValue());
            }
        }

        boolean met = true;
        System.out.printf(Locale.ROOT, "%nratios (purchases/s against purchases/s, all rounds):%n");
        String fast = " " + latencyMs + "ms";
        String slow = " " + slowLatencyMs + "ms";
        if (totals.containsKey("HTTP hot" + slow) && totals.containsKey("HTTP spread" + slow)) {
            met &= target(
                    "hot/spread, HTTP at " + slowLatencyMs + " ms",
                    rate(totals, "HTTP hot" + slow) / rate(totals, "HTTP spread" + slow),
                    0.8);
        }
        if (totals.containsKey("HTTP spread" + fast) && totals.containsKey("JDBC spread")) {
            met &= target(
                    "HTTP/JDBC, spread deals at " + latencyMs + " ms",
                    rate(totals, "HTTP spread" + fast) / rate(totals, "JDBC spread"),
                    0.5);
        }
        if (totals.containsKey("HTTP hot" + fast) && totals.containsKey("JDBC hot")) {
            met &= target(
                    "HTTP/JDBC, hot deal at " + latencyMs + " ms",
                    rate(totals, "HTTP hot" + fast) / rate(totals, "JDBC hot"),
                    0.5);
        }
        if (totals.containsKey("HTTP hot" + fast) && totals.containsKey("HTTP spread" + fast)) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-36s %6.2f%n",
                    "hot/spread, HTTP at " + latencyMs + " ms",
                    rate(totals, "HTTP hot" + fast) / rate(totals, "HTTP spread" + fast));
        }
        if (totals.containsKey("JDBC hot") && totals.containsKey("JDBC spread")) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-36s %6.2f%n",
                    "hot/spread, JDBC",
                    rate(totals, "JDBC hot") / rate(totals, "JDBC spread"));
        }
        for (int r = 0; r < roundRates.size(); r++) {
            Map<String, Double> x = roundRates.get(r);
            System.out.printf(
                    Locale.ROOT,
                    "  round %d alone: hot/spread HTTP at %d ms %s, HTTP/JDBC spread %s, HTTP/JDBC hot %s%n",
                    r + 1,
                    slowLatencyMs,
                    ratio(x, "HTTP hot" + slow, "HTTP spread" + slow),
                    ratio(x, "HTTP spread" + fast, "JDBC spread"),
                    ratio(x, "HTTP hot" + fast, "JDBC hot"));
        }
        System.out.println("machine after the run: " + load());

        int exit = 0;
        for (Map.Entry<String, Stats> e : totals.entrySet()) {
            Stats s = e.getValue();
            if (s.failed() * 100L > s.attempts()) {
                System.out.printf(
                        Locale.ROOT,
                        "FAIL: %s: %d of %d purchases failed (more than 1%%): %s%n",
                        e.getKey(),
                        s.failed(),
                        s.attempts(),
                        s.failureSummary());
                exit = 1;
            } else if (s.failed() > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "note: %s: %d of %d purchases failed: %s%n",
                        e.getKey(),
                        s.failed(),
                        s.attempts(),
                        s.failureSummary());
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

    /**
     * One purchase over HTTP and one over JDBC on a tipped deal, each with MariaDB's general log on, and the statements
     * each made, with literals as "?" (the products' background jobs filtered out by what they touch): the baseline
     * must show the same statements as the product.
     */
    void compareStatements() throws Exception {
        String deal = spreadDeals.get(0); // tipped by the set-up's purchases: the payment is captured at once
        Thread.sleep(3000);
        List<List<String>> both = new ArrayList<>();
        Http http = new Http(httpPort, TIMEOUT);
        try (Connection db = Db.connect(dbPort, SETTINGS);
                Statement st = db.createStatement();
                Jdbc jdbc = new Jdbc()) {
            st.execute("SET GLOBAL log_output = 'TABLE'");
            for (int path = 0; path < 2; path++) {
                st.execute("TRUNCATE TABLE mysql.general_log");
                st.execute("SET GLOBAL general_log = 'ON'");
                if (path == 0) {
                    expect(httpPurchase(http, buyers.get(0), deal), 201, "HTTP purchase with the general log on");
                } else if (jdbc.purchase(buyers.get(Math.min(1, buyers.size() - 1)), deal) != null) {
                    throw new IllegalStateException("the JDBC purchase with the general log on was refused");
                }
                st.execute("SET GLOBAL general_log = 'OFF'");
                firstPurchases += quantity;
                List<String> statements = new ArrayList<>();
                try (ResultSet r =
                        st.executeQuery("SELECT command_type, CONVERT(argument USING utf8mb4) FROM mysql.general_log"
                                + " ORDER BY event_time")) {
                    while (r.next()) {
                        String sql = r.getString(2) == null ? "" : r.getString(2);
                        String type = r.getString(1);
                        if (type.equals("Connect")
                                || type.equals("Quit")
                                || sql.contains("general_log")
                                || sql.contains("mail_outbox WHERE status")
                                || sql.contains("payment_task")
                                || sql.contains("status = 'RESERVED' AND expires_at")
                                || sql.contains("SHOW GLOBAL STATUS")
                                || sql.contains("settlement_due = TRUE")
                                || sql.contains("WHERE status = 'SCHEDULED'")
                                || sql.contains("WHERE status IN ('SCHEDULED', 'ON_SALE') AND sales_end")) {
                            continue;
                        }
                        statements.add(type + ": "
                                + withoutLiterals(sql)
                                        .replaceAll("\\b\\d+(\\.\\d+)?\\b", "?")
                                        .replaceAll("\\s+", " ")
                                        .strip());
                    }
                }
                both.add(statements);
            }
        }
        for (int path = 0; path < 2; path++) {
            System.out.printf(
                    Locale.ROOT,
                    "%nstatements of one purchase over %s (%d):%n",
                    path == 0 ? "HTTP" : "JDBC",
                    both.get(path).size());
            both.get(path).forEach(x -> System.out.println("  " + abbreviate(x)));
        }
        List<String> onlyHttp = new ArrayList<>(both.get(0));
        both.get(1).forEach(onlyHttp::remove);
        List<String> onlyJdbc = new ArrayList<>(both.get(1));
        both.get(0).forEach(onlyJdbc::remove);
        System.out.printf(Locale.ROOT, "%nonly over HTTP (%d):%n", onlyHttp.size());
        onlyHttp.forEach(x -> System.out.println("  " + abbreviate(x)));
        System.out.printf(Locale.ROOT, "only over JDBC (%d):%n", onlyJdbc.size());
        onlyJdbc.forEach(x -> System.out.println("  " + abbreviate(x)));
    }

    /**
     * The SQL text with each string literal as "?", scanned by hand: a regular expression recursed once per character
     * of a literal and overflowed the stack on the confirmation mail's 3 KB insert.
     */
    static String withoutLiterals(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c != '\'') {
                out.append(c);
                continue;
            }
            out.append('?');
            for (i++; i < sql.length(); i++) {
                char d = sql.charAt(i);
                if (d == '\\') {
                    i++;
                } else if (d == '\'') {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                        i++;
                    } else {
                        break;
                    }
                }
            }
        }
        return out.toString();
    }

    Phase phase(String key) {
        boolean slow = key.startsWith("slow");
        return new Phase(
                key.startsWith("jdbc") ? "JDBC" : "HTTP",
                key.endsWith("hot"),
                slow ? slowHttpPort : httpPort,
                slow ? slowLatencyMs : latencyMs);
    }

    static double rate(Map<String, Stats> totals, String phase) {
        return totals.get(phase).rate();
    }

    static String ratio(Map<String, Double> rates, String a, String b) {
        Double x = rates.get(a);
        Double y = rates.get(b);
        return x == null || y == null || y == 0 ? "-" : String.format(Locale.ROOT, "%.2f", x / y);
    }

    /** The load average of the machine (1, 5 and 15 minutes) and its runnable tasks, from /proc/loadavg. */
    static String load() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .trim()
                    .split("\\s+");
            return "load average " + f[0] + ", " + f[1] + ", " + f[2] + " (runnable/all tasks " + f[3] + ")";
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    /** Waits until the product at {@code port} answers /health/ready with 200 (it may still be starting). */
    static void awaitReady(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                Http http = new Http(port, TIMEOUT);
                Reply reply = http.send("GET", "/health/ready", null, null);
                if (reply.status() == 200) {
                    return;
                }
                last = reply.status() + " " + reply.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("the product at port " + port + " is not ready after 10 minutes: " + last);
    }

    static boolean target(String name, double ratio, double target) {
        boolean met = ratio >= target;
        System.out.printf(
                Locale.ROOT,
                "  %-36s %6.2f   target >= %.2f: %s%n",
                name,
                ratio,
                target,
                met
                        ? "met"
                        : String.format(
                                Locale.ROOT,
                                "MISSED by %.2f (%.0f%%)",
                                target - ratio,
                                100 * (target - ratio) / target));
        return met;
    }

    // ---- set-up through the API ------------------------------------------------------------------------------------

    void setUp() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant start = now.minus(1, ChronoUnit.HOURS);
        Instant end = now.plus(2, ChronoUnit.DAYS);
        Instant validUntil = end.plus(30, ChronoUnit.DAYS);
        Random random = new Random(seed);
        Http http = new Http(httpPort, TIMEOUT);
        List<String> merchantTokens = new ArrayList<>();
        for (int m = 0; m < MERCHANTS; m++) {
            String email = "bench-merchant-" + m + "-" + run + "@bench.groupdeal.io";
            Api.merchant(http, "Bench Merchant " + m, email);
            String token = token(http, email);
            merchantTokens.add(token);
            for (int s = 0; s < STORES_PER_MERCHANT; s++) {
                Api.store(http, token, "Bench " + m + " Store " + (s + 1), random);
            }
        }
        for (int d = 0; d <= deals; d++) {
            boolean hot = d == deals;
            String token = merchantTokens.get(hot ? 0 : d % MERCHANTS);
            String price = hot ? "9.90" : String.format(Locale.ROOT, "%d.90", 5 + random.nextInt(60));
            String body = String.format(
                    Locale.ROOT,
                    "{\"title\":\"%s\",\"description\":\"A bench deal: %s\","
                            + "\"finePrint\":\"Valid for one person. Not with other offers.\",\"currency\":\"EUR\","
                            + "\"price\":\"%s\",\"originalValue\":\"99.00\",\"minBuyers\":%d,\"maxQuantity\":%d,"
                            + "\"perBuyerLimit\":%d,\"salesStart\":\"%s\",\"salesEnd\":\"%s\",\"couponValidUntil\":\"%s\","
                            + "\"storeIds\":[],\"refundPolicy\":\"ANYTIME\"}",
                    hot ? "Hot deal" : "Bench deal " + d,
                    hot ? "everyone wants it" : "number " + d,
                    price,
                    minBuyers,
                    MAX_COUPONS,
                    MAX_COUPONS,
                    start,
                    end,
                    validUntil);
            Reply created = expect(http.send("POST", "/api/v1/deals", token, body), 201, "deal");
            String id = Json.object(created.body()).getString("id");
            Reply published =
                    expect(http.send("POST", "/api/v1/deals/" + id + "/publish", token, null), 200, "publish");
            if (!"ON_SALE".equals(Json.object(published.body()).getString("status", null))) {
                throw new IllegalStateException("deal not ON_SALE after publishing: " + published.body());
            }
            if (hot) {
                hotDeal = id;
            } else {
                spreadDeals.add(id);
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
                try {
                    Http own = new Http(httpPort, TIMEOUT);
                    for (int b = first; b < count; b += 4) {
                        String email = "bench-buyer-" + b + "-" + run + "@bench.groupdeal.io";
                        made[b] = new Buyer(Api.buyer(own, email, "Bench Buyer " + b), email, token(own, email));
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
        boolean viaJdbc = phaseNames.stream().anyMatch(n -> n.startsWith("jdbc"));
        try (Jdbc jdbc = viaJdbc ? new Jdbc() : null) {
            Reply reply = httpPurchase(http, buyers.get(0), spreadDeals.get(0));
            expect(reply, 201, "first HTTP purchase");
            // The deal's first order is authorised only (the deal tips when it is paid); it is captured after.
            String status = Json.object(reply.body()).getString("status", null);
            if (!"PENDING".equals(status) && !"CONFIRMED".equals(status)) {
                throw new IllegalStateException("unexpected order: " + reply.body());
            }
            firstPurchases = quantity;
            if (jdbc != null) {
                String outcome = jdbc.purchase(buyers.get(Math.min(1, buyers.size() - 1)), spreadDeals.get(0));
                if (outcome != null) {
                    throw new IllegalStateException("the first JDBC purchase was refused: " + outcome);
                }
                firstPurchases += quantity;
            }
        }
    }

    long firstPurchases;
    /** The JFR recordings made, by phase. */
    final Map<String, java.nio.file.Path> profiles = new LinkedHashMap<>();

    CpuMeter cpu;
    DbCounters dbCounters;
    /**
     * More figures read at the same two moments as {@link #cpu}, around each phase's window, and kept in
     * {@link Stats#also} as differences (ClusterMembersBench: each member's, database node's and the balancer's CPU
     * ticks); null: none.
     */
    java.util.function.Supplier<long[]> alsoMeasured;

    String token(Http http, String email) throws IOException {
        return Api.login(http, email, PASSWORD);
    }

    static Reply expect(Reply reply, int status, String what) {
        return reply.expect(status, what);
    }

    // ---- phases ----------------------------------------------------------------------------------------------------

    /** A kind of purchase: over HTTP to the product at {@code port} (its gateway answering after {@code latencyMs}), or JDBC. */
    record Phase(String via, boolean hot, int port, int latencyMs) {
        String name() {
            return via + (hot ? " hot" : " spread") + (via.equals("HTTP") ? " " + latencyMs + "ms" : "");
        }
    }

    /** What one phase (or several added up) did: successes, failures by kind, latencies of the successes. */
    static final class Stats {

        /** One line of the table of phases: the phase, its round ("all" for the rounds added up), its figures. */
        void printRow(String phase, String round) {
            System.out.printf(
                    Locale.ROOT,
                    "%-18s %5s %7.1f %7d %7d %6d %12.1f %8.1f %8.1f %8.1f | %s%n",
                    phase,
                    round,
                    nanos / 1e9,
                    ok,
                    failed(),
                    busy,
                    rate(),
                    percentile(0.50),
                    percentile(0.95),
                    percentile(0.99),
                    cpu.perPurchase(ok, nanos));
        }

        long ok;
        long busy;
        long unknown;
        long nanos;
        CpuMeter.Usage cpu = new CpuMeter.Usage();
        long[] db = new long[DbCounters.NAMES.size()];
        /** What {@link PurchaseBench#alsoMeasured} read, after minus before (empty without it). */
        long[] also = new long[0];

        final Map<String, Long> failures = new ConcurrentHashMap<>();
        final Latencies latencies = new Latencies();

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
            if (also.length < other.also.length) {
                also = Arrays.copyOf(also, other.also.length);
            }
            for (int i = 0; i < other.also.length; i++) {
                also[i] += other.also[i];
            }
            other.failures.forEach((k, v) -> failures.merge(k, v, Long::sum));
            latencies.add(other.latencies);
        }

        /** Milliseconds (HdrHistogram: within 0.1%). */
        double percentile(double p) {
            return latencies.ms(p);
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
        final Latencies latencies = new Latencies();
        final Map<String, Long> failures = new LinkedHashMap<>();
        String firstFailure;

        void success(long nanos) {
            ok++;
            latencies.record(nanos);
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

    /** Runs one phase; with {@code where}, takes {@link #dumps} thread dumps of the product meanwhile and counts into it. */
    Stats runPhase(Phase phase, int phaseSeconds, Map<String, Integer> where) throws Exception {
        Tally[] tallies = new Tally[threads];
        AtomicLong[] window = {new AtomicLong()};
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        for (int w = 0; w < threads; w++) {
            tallies[w] = new Tally();
        }
        Clients clients = Clients.start(threads, (worker, start) -> {
            Tally tally = tallies[worker];
            Random random = new Random(seed * 31 + worker * 7919L + System.nanoTime());
            // Connections are opened before the clock starts, fresh for every phase (no stale keep-alive): a client of
            // its own per thread and phase, its connection opened by a GET /health.
            Http http = phase.via.equals("HTTP") ? new Http(phase.port, TIMEOUT) : null;
            try (Jdbc jdbc = phase.via.equals("JDBC") ? new Jdbc() : null) {
                if (http != null) {
                    http.send("GET", "/health", null, null).expect(200, "health");
                }
                start.ready();
                long deadline = window[0].get() + phaseSeconds * 1_000_000_000L;
                while (System.nanoTime() < deadline) {
                    Buyer buyer = buyers.get(worker + threads * random.nextInt(buyersPerThread));
                    String deal = phase.hot ? hotDeal : spreadDeals.get(random.nextInt(spreadDeals.size()));
                    long t0 = System.nanoTime();
                    boolean made = http != null
                            ? httpAttempt(http, buyer, deal, tally)
                            : jdbcAttempt(jdbc, buyer, deal, tally);
                    if (made) {
                        tally.success(System.nanoTime() - t0);
                    } else if (tally.failed() > 1000 && tally.failed() > 10 * tally.ok) {
                        broken.set(true); // the product or the database is gone: no point in hammering on
                        break;
                    }
                }
            }
        });
        clients.awaitReady();
        if (!clients.errors().isEmpty()) {
            clients.go();
            throw clients.errors().get(0);
        }
        long[] dbBefore = dbCounters.sample();
        long[] alsoBefore = alsoMeasured == null ? new long[0] : alsoMeasured.get();
        CpuMeter.Usage before = cpu.sample();
        window[0].set(System.nanoTime());
        clients.go();
        java.nio.file.Path recording = null;
        String recordingName = phase.name().replace(' ', '-');
        if (where != null && (profile || asyncProfile) && dumpDir != null && cpu.productAt(phase.port) > 0) {
            // The whole (warm-up) phase; jcmd itself takes a while on a busy machine.
            recording = java.nio.file.Path.of(dumpDir, recordingName + (asyncProfile ? ".collapsed" : ".jfr"))
                    .toAbsolutePath();
            if (!asyncProfile) {
                Profile.start(cpu.productAt(phase.port), recordingName);
            } else if (!Profile.startCpu(cpu.productAt(phase.port))) {
                recording = null;
            }
        }
        if (where != null && dumps > 0) {
            long pid = cpu.productAt(phase.port);
            // Evenly from a quarter to three quarters of the phase; none in its last tenth (the clients stop at its
            // end).
            long length = phaseSeconds * 1_000_000_000L;
            for (int d = 0; d < dumps && pid > 0; d++) {
                long at = window[0].get() + length / 4 + (dumps == 1 ? 0 : length / 2 * d / (dumps - 1));
                long wait = (at - System.nanoTime()) / 1_000_000;
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                if (System.nanoTime() > window[0].get() + length * 9 / 10) {
                    break;
                }
                ThreadDumps.count(pid, phase.name(), d + 1, dumpDir, where);
            }
        }
        if (recording != null) {
            long wait =
                    (window[0].get() + phaseSeconds * 1_000_000_000L - 500_000_000L - System.nanoTime()) / 1_000_000;
            if (wait > 0) {
                Thread.sleep(wait);
            }
            if (asyncProfile) {
                Profile.stopCpu(cpu.productAt(phase.port), recording);
            } else {
                Profile.stop(cpu.productAt(phase.port), recordingName, recording);
            }
            profiles.put(phase.name(), recording);
        }
        clients.join();
        long elapsed = System.nanoTime() - window[0].get();
        CpuMeter.Usage used = cpu.sample().minus(before);
        long[] alsoAfter = alsoMeasured == null ? new long[0] : alsoMeasured.get();
        long[] dbAfter = dbCounters.sample();
        if (!clients.errors().isEmpty()) {
            throw clients.errors().get(0);
        }
        Stats stats = new Stats();
        stats.nanos = elapsed;
        stats.cpu = used;
        for (int i = 0; i < dbAfter.length; i++) {
            stats.db[i] = dbAfter[i] - dbBefore[i];
        }
        stats.also = new long[Math.min(alsoBefore.length, alsoAfter.length)];
        for (int i = 0; i < stats.also.length; i++) {
            stats.also[i] = alsoAfter[i] - alsoBefore[i];
        }
        String firstFailure = null;
        for (Tally t : tallies) {
            stats.ok += t.ok;
            stats.busy += t.busy;
            stats.unknown += t.unknown;
            t.failures.forEach((k, v) -> stats.failures.merge(k, v, Long::sum));
            stats.latencies.add(t.latencies);
            if (firstFailure == null) {
                firstFailure = t.firstFailure;
            }
        }
        if (firstFailure != null) {
            System.out.printf(
                    Locale.ROOT,
                    "  (%s: %d failed; first: %s)%n",
                    phase.name(),
                    stats.failed(),
                    abbreviate(firstFailure));
        }
        if (broken.get()) {
            throw new IllegalStateException(phase.name() + ": nearly every purchase fails (" + stats.failureSummary()
                    + "); did the product stop? See its log");
        }
        return stats;
    }

    // ---- the HTTP purchase -----------------------------------------------------------------------------------------

    Reply httpPurchase(Http http, Buyer buyer, String dealId) throws IOException {
        return http.send(
                "POST",
                "/api/v1/orders",
                buyer.token,
                "{\"dealId\":\"" + dealId + "\",\"quantity\":" + quantity + ",\"paymentToken\":\"tok_ok\"}",
                "Idempotency-Key",
                UUID.randomUUID().toString());
    }

    /** True when the order was made (201); a failure is counted in the tally. */
    boolean httpAttempt(Http http, Buyer buyer, String dealId, Tally tally) {
        try {
            Reply reply = httpPurchase(http, buyer, dealId);
            if (reply.status() == 201) {
                return true;
            } else {
                String type = problemType(reply.body());
                if (reply.status() == 503 && "/problems/busy".equals(type)) {
                    tally.busy++;
                } else if (reply.status() == 503) {
                    tally.unknown++; // the database or the gateway did not answer in time: the reconciler settles it
                }
                tally.fail(reply.status() + (type != null ? " " + type : ""), reply.body());
            }
        } catch (IOException e) {
            tally.unknown++; // the order may or may not have been made
            tally.fail("io " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
        return false;
    }

    /** The problem type of a problem+json answer; null when it is none. */
    static String problemType(String body) {
        try {
            return Json.object(body).getString("type", null);
        } catch (RuntimeException e) {
            return null;
        }
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

    /**
     * A client thread's JDBC connections: the purchase's own, and a second one for the buyer's count row (autocommit,
     * before the reservation) and the gateway's ledger (the sandbox server's own statements, on its own pool).
     */
    final class Jdbc implements AutoCloseable {

        final Connection main;
        final Connection quota;
        /** The gateway's statements run after the reserve's commit, when the count row's connection is free. */
        final Connection gateway;

        Jdbc() throws SQLException {
            main = Db.connect(dbPort, SETTINGS);
            quota = Db.connect(dbPort, SETTINGS);
            gateway = quota;
            for (Connection c : List.of(main, quota)) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        }

        /** What the reserve transaction leaves for the payment and the confirmation. */
        record Reserved(
                String tenantId,
                String orderId,
                String title,
                java.math.BigDecimal price,
                java.math.BigDecimal amount,
                String currency,
                boolean captureAtOnce) {}

        /**
         * One purchase as OrderService.place makes it; null when it was made, else why not (the transaction at fault is
         * then rolled back).
         */
        String purchase(Buyer buyer, String dealId) throws SQLException {
            // Authentication (TokenHolders.holder: the token with its account and tenant in one statement, outside the
            // order's transactions).
            Object[] account = Db.one(
                    main,
                    "SELECT a.id, a.email, a.name, a.role, a.tenant_id, t.business_name, t.status,"
                            + " t.undo_window_minutes, a.language FROM access_token k"
                            + " JOIN account a ON a.id = k.account_id"
                            + " LEFT JOIN tenant t ON t.id = a.tenant_id"
                            + " WHERE k.token_hash = ? AND k.expires_at > ?",
                    BearerTokens.hash(buyer.token),
                    LocalDateTime.now(ZoneOffset.UTC));
            if (account == null) {
                return "token";
            }
            String buyerId = (String) account[0];

            // OrderService.place, outside any transaction: the key's earlier use, the sale terms, the deal's options
            // (the
            // order names none: the deal's only one, SaleOption.chosen), the buyer's count row.
            String key = UUID.randomUUID().toString();
            String fingerprint = Idempotency.fingerprint(dealId, quantity, "tok_ok");
            if (Db.one(
                            main,
                            "SELECT request_hash, tenant_id, order_id FROM order_request WHERE buyer_id = ? AND idempotency_key = ?"
                                    + " LOCK IN SHARE MODE",
                            buyerId,
                            key)
                    != null) {
                return "key used";
            }
            Object[] terms = Db.one(
                    main,
                    "SELECT d.tenant_id, d.id, d.title, t.business_name, d.status, d.price, d.currency,"
                            + " d.per_buyer_limit, d.coupon_valid_until, d.tipped_at IS NOT NULL FROM deal d JOIN tenant t"
                            + " ON t.id = d.tenant_id WHERE d.id = ? AND t.status = 'ACTIVE' AND d.status <> 'DRAFT'",
                    dealId);
            if (terms == null || !"ON_SALE".equals(terms[4])) {
                return "deal-not-on-sale";
            }
            String tenantId = (String) terms[0];
            // DealRepository.saleOptions: every deal has at least one option (V23); the bench's deals have one, whose
            // id
            // is the deal's
            List<Object[]> options = Db.rows(
                    main,
                    "SELECT id, title, price FROM deal_option WHERE tenant_id = ? AND deal_id = ?"
                            + " ORDER BY position",
                    tenantId,
                    dealId);
            if (options.size() != 1) {
                return "option-required";
            }
            Object[] option = options.get(0);
            Integer limit = terms[7] == null ? null : ((Number) terms[7]).intValue();
            if (limit != null) {
                // OrderRepository.ensureQuota, autocommit: one statement before the reservation, committed by itself
                Db.update(
                        quota,
                        "INSERT INTO buyer_quota (tenant_id, deal_id, buyer_id, bought) VALUES (?, ?, ?, 0)"
                                + " ON DUPLICATE KEY UPDATE bought = bought",
                        tenantId,
                        dealId,
                        buyerId);
            }
            Reserved[] reserved = new Reserved[1];
            String refused = inTransaction(main, () -> {
                Object outcome = reserve(buyerId, key, fingerprint, terms, option, limit, dealId);
                if (outcome instanceof Reserved r) {
                    reserved[0] = r;
                    return null;
                }
                return (String) outcome;
            });
            if (refused != null) {
                return refused;
            }
            Reserved order = reserved[0];
            String[] payment = pay(order);
            // The answer is the order and the coupons as the confirm wrote them (Checkout.Confirmed): no read-back.
            return inTransaction(main, () -> confirm(order, payment, buyerId, (String) account[1], dealId));
        }

        static final String ORDER_COLUMNS = "tenant_id, id, deal_id, buyer_id, quantity, unit_price, amount, currency,"
                + " status, payment_ref, created_at, option_id";

        /**
         * Checkout.reserve, one transaction: the key, the buyer's count, the order RESERVED for its option (at the option's
         * price), the option's stock, then the deal's last (its row stays locked until the commit). The Reserved, or why
         * not.
         */
        Object reserve(
                String buyerId,
                String key,
                String fingerprint,
                Object[] terms,
                Object[] option,
                Integer limit,
                String dealId)
                throws SQLException {
            String tenantId = (String) terms[0];
            String optionId = (String) option[0];
            java.math.BigDecimal price = (java.math.BigDecimal) option[2];
            String currency = (String) terms[6];
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            String orderId = Ids.newId();
            if (!insertUnlessDuplicate(
                    main,
                    "INSERT INTO order_request (buyer_id, idempotency_key, request_hash, tenant_id,"
                            + " order_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    buyerId,
                    key,
                    fingerprint,
                    tenantId,
                    orderId,
                    now)) {
                return "key used";
            }
            if (limit != null
                    && Db.update(
                                    main,
                                    "UPDATE buyer_quota SET bought = bought + ? WHERE tenant_id = ? AND deal_id = ?"
                                            + " AND buyer_id = ? AND bought + ? <= ?",
                                    quantity,
                                    tenantId,
                                    dealId,
                                    buyerId,
                                    quantity,
                                    limit)
                            != 1) {
                return "per-buyer-limit";
            }
            java.math.BigDecimal amount = price.multiply(java.math.BigDecimal.valueOf(quantity));
            // OrderRepository.reserve
            Db.update(
                    main,
                    "INSERT INTO purchase_order (" + ORDER_COLUMNS + ", expires_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RESERVED', NULL, ?, ?, ?)",
                    tenantId,
                    orderId,
                    dealId,
                    buyerId,
                    quantity,
                    price,
                    amount,
                    currency,
                    now,
                    optionId,
                    now.plusMinutes(10));
            // DealRepository.sellOption: the option's own cap first (option row, then the deal's, as every purchase and
            // release locks them)
            if (Db.update(
                            main,
                            "UPDATE deal_option SET sold = sold + ? WHERE tenant_id = ? AND id = ? AND deal_id = ?"
                                    + " AND (max_quantity IS NULL OR sold + ? <= max_quantity)",
                            quantity,
                            tenantId,
                            optionId,
                            dealId,
                            quantity)
                    != 1) {
                return "sold-out";
            }
            // DealRepository.sell
            int updated = Db.update(
                    main,
                    "UPDATE deal SET sold = sold + ?"
                            + " WHERE tenant_id = ? AND id = ? AND status = 'ON_SALE' AND sales_start <= ? AND sales_end > ?"
                            + " AND (max_quantity IS NULL OR sold + ? <= max_quantity)",
                    quantity,
                    tenantId,
                    dealId,
                    now,
                    now,
                    quantity);
            // the deal's state only when the sale was refused or the deal had not tipped when the terms were read
            boolean tipped = ((Number) terms[9]).intValue() != 0;
            if (updated == 1 && tipped) {
                return new Reserved(tenantId, orderId, (String) terms[2], price, amount, currency, true);
            }
            Object[] state = Db.one(
                    main,
                    "SELECT tipped_at IS NOT NULL OR confirmed + ? >= min_buyers, max_quantity, status,"
                            + " sales_start <= ? AND sales_end > ? FROM deal WHERE tenant_id = ? AND id = ?",
                    quantity,
                    now,
                    now,
                    tenantId,
                    dealId);
            if (updated != 1) {
                return "sold-out";
            }
            return new Reserved(
                    tenantId, orderId, (String) terms[2], price, amount, currency, ((Number) state[0]).intValue() != 0);
        }

        /**
         * The gateway's statements for an authorisation under the order's key, as the sandbox server runs them
         * (SandboxLedger.authorise: the payment inserted under the key, autocommit).
         */
        String[] pay(Reserved order) throws SQLException {
            String state = order.captureAtOnce ? "CAPTURED" : "AUTHORISED";
            byte[] bytes = new byte[12];
            RANDOM.nextBytes(bytes);
            String ref = "sbx_" + HexFormat.of().formatHex(bytes);
            java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
            // Insert first: a new key costs one statement; a known one meets the unique key (then it is looked up).
            if (!insertUnlessDuplicate(
                    gateway,
                    "INSERT INTO sandbox_payment (" + PAYMENT_COLUMNS + ", created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ref,
                    order.orderId,
                    "tok_ok",
                    state,
                    order.amount,
                    order.currency,
                    order.captureAtOnce ? order.amount : java.math.BigDecimal.ZERO,
                    java.math.BigDecimal.ZERO,
                    now,
                    now)) {
                Db.one(
                        gateway,
                        "SELECT " + PAYMENT_COLUMNS + " FROM sandbox_payment WHERE payment_key = ?",
                        order.orderId);
                throw new IllegalStateException("an order id was paid before: " + order.orderId);
            }
            return new String[] {ref, state};
        }

        static final String PAYMENT_COLUMNS = "ref, payment_key, token, state, amount, currency, captured, refunded";

        /**
         * Checkout.confirm, one transaction: the order RESERVED to PENDING or CONFIRMED, its coupons, the mail's cause
         * into the outbox, the deal's paid count last (its row is hot).
         */
        String confirm(Reserved r, String[] payment, String buyerId, String buyerEmail, String dealId)
                throws SQLException {
            boolean captured = "CAPTURED".equals(payment[1]);
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            if (Db.update(
                            main,
                            "UPDATE purchase_order SET status = ?, payment_ref = ?, captured_at = ?, expires_at = NULL"
                                    + " WHERE tenant_id = ? AND id = ? AND status = 'RESERVED'",
                            captured ? "CONFIRMED" : "PENDING",
                            payment[0],
                            captured ? now : null,
                            r.tenantId,
                            r.orderId)
                    != 1) {
                return "order not reserved";
            }
            Object[] terms = Db.one(
                    main,
                    "SELECT d.tenant_id, d.id, d.title, t.business_name, d.status, d.price, d.currency,"
                            + " d.per_buyer_limit, d.coupon_valid_until, d.tipped_at IS NOT NULL FROM deal d JOIN tenant t"
                            + " ON t.id = d.tenant_id WHERE d.tenant_id = ? AND d.id = ?",
                    r.tenantId,
                    dealId);
            // The coupons as issued, sorted by id (as CouponRepository.ofOrder lists them): the answer's.
            List<Object[]> coupons = new ArrayList<>();
            for (int i = 0; i < quantity; i++) {
                coupons.add(new Object[] {
                    r.tenantId,
                    Ids.newId(),
                    dealId,
                    r.orderId,
                    buyerId,
                    CouponCode.random(RANDOM).stored(),
                    captured ? "ACTIVE" : "PENDING",
                    r.price,
                    r.currency,
                    terms[8],
                    now
                });
            }
            coupons.sort(java.util.Comparator.comparing(c -> (String) c[1]));
            try (PreparedStatement p = main.prepareStatement(
                    "INSERT INTO coupon (tenant_id, id, deal_id, order_id, buyer_id,"
                            + " code, status, price, currency, valid_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Object[] c : coupons) {
                    Db.bind(p, c);
                    p.addBatch();
                }
                p.executeBatch();
            }
            // StaleHours.sold (CouponRepository.addAll): the dashboard's stale mark of the coupons' hour
            Db.update(
                    main,
                    "INSERT INTO dashboard_stale_hour (tenant_id, hour, id) VALUES (?, ?, ?)",
                    r.tenantId,
                    now.toEpochSecond(ZoneOffset.UTC) / 3600,
                    Ids.newId());
            // OrderConfirmations.queue: only the confirmation's cause (the mail is written when it is delivered), to
            // the
            // buyer as the authentication found the account
            LocalDateTime written = LocalDateTime.now(ZoneOffset.UTC);
            String status = captured ? "CONFIRMED" : "PENDING";
            insertUnlessDuplicate(
                    main,
                    "INSERT INTO mail_outbox (id, tenant_id, cause_key, recipient, subject, render, status,"
                            + " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                    Ids.newId(),
                    r.tenantId,
                    "order-confirmed:" + r.orderId,
                    buyerEmail,
                    (captured ? "Your coupons: " : "Order received: ") + r.title,
                    status,
                    written,
                    written);
            // DealRepository.paid: last, the deal's row is hot; not sent for an order captured at once while the deal,
            // tipped, is on sale (SaleTerms.paidChangesDeal, from the terms read above): it would match no row
            if (captured && ((Number) terms[9]).intValue() != 0 && "ON_SALE".equals(terms[4])) {
                return null;
            }
            Db.update(
                    main,
                    DealRepository.PAID,
                    quantity,
                    !captured,
                    quantity,
                    now,
                    quantity,
                    r.tenantId,
                    dealId,
                    !captured);
            return null;
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

    interface Work {
        /** Null when the work is done (commit), else why not (roll back). */
        String run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on {@code c}, as NativeSql.transaction runs the checkout's (OwnTransaction):
     * START TRANSACTION, then COMMIT when it answers null, else ROLLBACK.
     */
    static String inTransaction(Connection c, Work work) throws SQLException {
        try (Statement control = c.createStatement()) {
            control.execute("START TRANSACTION");
            boolean done = false;
            try {
                String refused = work.run();
                if (refused == null) {
                    control.execute("COMMIT");
                    done = true;
                }
                return refused;
            } finally {
                if (!done) {
                    try {
                        control.execute("ROLLBACK");
                    } catch (SQLException ignored) {
                        // the connection is broken; the next statement says so
                    }
                }
            }
        }
    }

    /** As NativeSql.insertUnlessDuplicate: false for a duplicate key (only the statement is undone). */
    static boolean insertUnlessDuplicate(Connection c, String sql, Object... parameters) throws SQLException {
        try {
            Db.update(c, sql, parameters);
            return true;
        } catch (SQLIntegrityConstraintViolationException e) {
            if (e.getErrorCode() == 1062) {
                return false;
            }
            throw e;
        }
    }

    // ---- verification ----------------------------------------------------------------------------------------------

    /**
     * The database must hold exactly the purchases that were answered as made: the hot deal's {@code sold}, its orders
     * and its coupons equal the successful purchases (HTTP and JDBC, warm-up included); the same for the spread deals.
     * A purchase whose answer was lost (an I/O error) may or may not be there; it widens the allowed range. No order
     * may stay RESERVED once the products settled, and the gateway's ledger must agree with the orders: one payment per
     * order, captured for a CONFIRMED order, authorised for a PENDING one. First waits (at most two minutes) until no
     * order is RESERVED (the reconciler settles those whose gateway call got no answer once their reservation ran out:
     * purchases.sh sets it to 30 s) and, with minBuyers=1, none PENDING.
     */
    boolean verify(long hotOk, long hotUnknown, long spreadOk, long spreadUnknown)
            throws SQLException, InterruptedException {
        spreadOk += firstPurchases;
        System.out.printf(Locale.ROOT, "%nverification against the database:%n");
        boolean ok = true;
        try (Connection db = Db.connect(dbPort, SETTINGS)) {
            String all = String.join(
                    ",",
                    java.util.stream.Stream.concat(spreadDeals.stream(), java.util.stream.Stream.of(hotDeal))
                            .map(i -> "'" + i + "'")
                            .toList());
            long waited = System.nanoTime();
            long open = -1;
            while (System.nanoTime() - waited < 120_000_000_000L) {
                open = Db.count(
                        db,
                        "SELECT COUNT(*) FROM purchase_order WHERE deal_id IN (" + all + ") AND (status = 'RESERVED'"
                                + (minBuyers == 1 ? " OR status = 'PENDING'" : "") + ")");
                if (open == 0) {
                    break;
                }
                Thread.sleep(1000);
            }
            System.out.printf(
                    Locale.ROOT,
                    "  settled after %.1f s%s%n",
                    (System.nanoTime() - waited) / 1e9,
                    open == 0
                            ? ""
                            : " (" + open + " orders still " + (minBuyers == 1 ? "RESERVED or PENDING" : "RESERVED")
                                    + ")");
            ok &= check(db, "hot deal", List.of(hotDeal), hotOk, hotUnknown);
            ok &= check(db, "spread deals", spreadDeals, spreadOk, spreadUnknown);
        }
        return ok;
    }

    boolean check(Connection db, String what, List<String> ids, long expected, long unknown) throws SQLException {
        String in = String.join(",", ids.stream().map(i -> "'" + i + "'").toList());
        long sold = Db.count(db, "SELECT COALESCE(SUM(sold), 0) FROM deal WHERE id IN (" + in + ")");
        long confirmedCount = Db.count(db, "SELECT COALESCE(SUM(confirmed), 0) FROM deal WHERE id IN (" + in + ")");
        // each deal's one option counts the same stock (V23: sold on the option row, then on the deal's)
        long optionSold = Db.count(db, "SELECT COALESCE(SUM(sold), 0) FROM deal_option WHERE deal_id IN (" + in + ")");
        long held = Db.count(
                db,
                "SELECT COALESCE(SUM(quantity), 0) FROM purchase_order WHERE deal_id IN (" + in + ")"
                        + " AND released_at IS NULL");
        long reserved = Db.count(
                db, "SELECT COUNT(*) FROM purchase_order WHERE deal_id IN (" + in + ") AND status = 'RESERVED'");
        long paid = Db.count(
                db,
                "SELECT COALESCE(SUM(quantity), 0) FROM purchase_order WHERE deal_id IN (" + in + ")"
                        + " AND status IN ('PENDING', 'CONFIRMED')");
        long coupons = Db.count(db, "SELECT COUNT(*) FROM coupon WHERE deal_id IN (" + in + ")");
        long confirmed = Db.count(
                db, "SELECT COUNT(*) FROM purchase_order WHERE deal_id IN (" + in + ") AND status = 'CONFIRMED'");
        long pending = Db.count(
                db, "SELECT COUNT(*) FROM purchase_order WHERE deal_id IN (" + in + ") AND status = 'PENDING'");
        // The ledger's keys are ASCII and the orders' ids utf8mb4: a join would not use the key's index; compare here.
        Map<String, String> orderStatus = new java.util.HashMap<>();
        try (Statement st = db.createStatement();
                ResultSet r =
                        st.executeQuery("SELECT id, status FROM purchase_order" + " WHERE deal_id IN (" + in + ")")) {
            while (r.next()) {
                orderStatus.put(r.getString(1), r.getString(2));
            }
        }
        long captured = 0;
        long authorised = 0;
        long payments = 0;
        try (Statement st = db.createStatement();
                ResultSet r = st.executeQuery("SELECT payment_key, state FROM sandbox_payment")) {
            while (r.next()) {
                String status = orderStatus.get(r.getString(1));
                if (status != null) {
                    payments++;
                    captured += "CAPTURED".equals(r.getString(2)) && "CONFIRMED".equals(status) ? 1 : 0;
                    authorised += "AUTHORISED".equals(r.getString(2)) && "PENDING".equals(status) ? 1 : 0;
                }
            }
        }
        // deal.confirmed counts paid coupons up to the tipping point only (DealRepository.paid)
        boolean good = sold == held
                && sold == optionSold
                && sold == coupons
                && sold == paid
                && confirmedCount <= sold
                && reserved == 0
                && sold >= expected
                && sold <= expected + unknown
                && captured == confirmed
                && authorised == pending
                && payments == confirmed + pending;
        System.out.printf(
                Locale.ROOT,
                "  %-13s sold %d (options %d), confirmed %d, coupons in orders holding stock %d, in paid orders %d,"
                        + " coupons %d; purchases answered as made %d%s; orders RESERVED %d; payments %d: captured %d for %d"
                        + " CONFIRMED orders, authorised %d for %d PENDING: %s%n",
                what,
                sold,
                optionSold,
                confirmedCount,
                held,
                paid,
                coupons,
                expected,
                unknown > 0 ? " (+ up to " + unknown + " with a lost answer)" : "",
                reserved,
                payments,
                captured,
                confirmed,
                authorised,
                pending,
                good ? "OK" : "MISMATCH (oversold, lost updates, or ledger and orders disagree)");
        return good;
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String abbreviate(String text) {
        return Text.abbreviate(text);
    }

    // ---- values made as the product makes them --------------------------------------------------------------------

    static final SecureRandom RANDOM = new SecureRandom();

    // ---- what the database was asked -------------------------------------------------------------------------------

    /** MariaDB's global command counters, read before and after each phase (on a connection of its own). */
    static final class DbCounters {
        static final List<String> NAMES = List.of(
                "Questions",
                "Com_select",
                "Com_insert",
                "Com_update",
                "Com_commit",
                "Com_set_option",
                "Com_admin_commands",
                "Com_rollback",
                "Innodb_row_lock_waits");
        final int port;
        Connection connection;

        DbCounters(int port) {
            this.port = port;
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
            try {
                if (connection == null) {
                    connection = Db.connect(port);
                }
                return Db.status(connection, NAMES);
            } catch (SQLException e) {
                connection = null;
                return new long[NAMES.size()];
            }
        }
    }

    // ---- where the CPU goes ----------------------------------------------------------------------------------------

    /**
     * CPU time of the processes involved, from /proc (Linux): the products' JVMs (Payara Micro, found by their --port),
     * the embedded MariaDB (mariadbd --port=), the launcher JVM that started the first product (Maven with the mail
     * catcher), this bench, and the whole machine. Elsewhere the columns stay empty.
     */
    static final class CpuMeter {
        static final String HEADER =
                "CPU ms/purchase: products (requests sandbox  jit     gc  other)  mariadb  launcher"
                        + "  bench  other | machine busy";
        static final double TICK_MS = Procs.TICK_MS;
        final Map<Integer, Long> products = new LinkedHashMap<>();
        final long mariadb;
        final long launcher;
        final long bench = Procs.self();

        CpuMeter(int httpPort, int slowHttpPort, int dbPort) {
            for (int port : List.of(httpPort, slowHttpPort)) {
                long pid = port < 0 ? -1 : Procs.product(port);
                if (pid >= 0) {
                    products.put(port, pid);
                }
            }
            mariadb = Procs.mariadb(dbPort);
            launcher = Procs.parent(productAt(httpPort));
        }

        long productAt(int port) {
            return products.getOrDefault(port, -1L);
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "processes measured: products %s, MariaDB %s, launcher %s, bench %d",
                    products.isEmpty()
                            ? "not found"
                            : products.entrySet().stream()
                                    .map(e -> "pid " + e.getValue() + " (port " + e.getKey() + ")")
                                    .collect(java.util.stream.Collectors.joining(", ")),
                    mariadb < 0 ? "not found" : "pid " + mariadb,
                    launcher < 0 ? "not found" : "pid " + launcher,
                    bench);
        }

        /**
         * Ticks per process and of the machine (busy and all), as counted since boot; the products' split by their
         * threads: requests (the HTTP worker threads), sandbox (the sandbox gateway's HTTP server and the product's
         * java.net.http client of it), jit (C1/C2 compiler threads), gc (GC and VM threads).
         */
        record Usage(
                long product,
                long requests,
                long sandbox,
                long jit,
                long gc,
                long mariadb,
                long launcher,
                long bench,
                long machineBusy,
                long machineAll) {
            Usage() {
                this(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            }

            Usage minus(Usage o) {
                return new Usage(
                        product - o.product,
                        requests - o.requests,
                        sandbox - o.sandbox,
                        jit - o.jit,
                        gc - o.gc,
                        mariadb - o.mariadb,
                        launcher - o.launcher,
                        bench - o.bench,
                        machineBusy - o.machineBusy,
                        machineAll - o.machineAll);
            }

            Usage plus(Usage o) {
                return new Usage(
                        product + o.product,
                        requests + o.requests,
                        sandbox + o.sandbox,
                        jit + o.jit,
                        gc + o.gc,
                        mariadb + o.mariadb,
                        launcher + o.launcher,
                        bench + o.bench,
                        machineBusy + o.machineBusy,
                        machineAll + o.machineAll);
            }

            String perPurchase(long purchases, long nanos) {
                if (machineAll == 0 || purchases == 0) {
                    return "";
                }
                long other = machineBusy - product - mariadb - launcher - bench;
                double n = purchases;
                return String.format(
                        Locale.ROOT,
                        "%25.2f  %8.2f %7.2f %6.2f %6.2f %6.2f  %7.2f %9.2f %6.2f %6.2f | %5.0f%%",
                        product * TICK_MS / n,
                        requests * TICK_MS / n,
                        sandbox * TICK_MS / n,
                        jit * TICK_MS / n,
                        gc * TICK_MS / n,
                        (product - requests - sandbox - jit - gc) * TICK_MS / n,
                        mariadb * TICK_MS / n,
                        launcher * TICK_MS / n,
                        bench * TICK_MS / n,
                        Math.max(0, other) * TICK_MS / n,
                        100.0 * machineBusy / machineAll);
            }
        }

        Usage sample() {
            long[] machine = Procs.machine();
            long all = 0;
            long requests = 0;
            long sandbox = 0;
            long jit = 0;
            long gc = 0;
            for (long product : products.values()) {
                Procs.ThreadTicks t = Procs.threads(product);
                all += t.all();
                requests += t.requests();
                sandbox += t.sandbox();
                jit += t.jit();
                gc += t.gc();
            }
            return new Usage(
                    all,
                    requests,
                    sandbox,
                    jit,
                    gc,
                    Procs.ticks(mariadb),
                    Procs.ticks(launcher),
                    Procs.ticks(bench),
                    machine[0],
                    machine[1]);
        }
    }

    // ---- where the request threads wait ---------------------------------------------------------------------------

    /**
     * Thread dumps of a product ({@code jcmd <pid> Thread.print}), each HTTP worker thread that is busy with a request
     * counted by what it does at that moment: its state, the first frame of the product's own code (io.groupdeal) and
     * what it waits for below it (the gateway over HTTP, MariaDB, a pooled connection, an EJB instance, a lock).
     */
    static final class ThreadDumps {

        /** The key under which the count of dumps taken is kept. */
        static final String DUMPS = "(dumps)";

        static void count(long pid, String phase, int number, String dumpDir, Map<String, Integer> where) {
            String dump = Profile.jcmd(pid, "Thread.print");
            if (dump.isEmpty()) {
                return;
            }
            try {
                if (dumpDir != null) {
                    java.nio.file.Path dir = java.nio.file.Path.of(dumpDir);
                    java.nio.file.Files.createDirectories(dir);
                    java.nio.file.Files.writeString(dir.resolve(phase.replace(' ', '-') + "-" + number + ".txt"), dump);
                }
            } catch (IOException e) {
                System.out.println("  (thread dump not kept: " + e.getMessage() + ")");
            }
            where.merge(DUMPS, 0, Integer::sum);
            where.put(DUMPS, where.get(DUMPS) + 1);
            for (String block : dump.split("\n\n")) {
                if (!block.startsWith("\"http-thread-pool")) {
                    continue;
                }
                String kind = classify(block);
                if (kind != null) {
                    where.merge(kind, 1, Integer::sum);
                }
            }
        }

        /** What a request thread does; null when it is idle (waiting for a request). */
        static String classify(String block) {
            List<String> frames = block.lines()
                    .map(String::strip)
                    .filter(l -> l.startsWith("at "))
                    .map(l -> l.substring(3))
                    .toList();
            Matcher state = Pattern.compile("java.lang.Thread.State: (\\w+)").matcher(block);
            String st = state.find() ? state.group(1) : "?";
            String own = frames.stream()
                    .filter(Profile::ownCode)
                    .findFirst()
                    .map(ThreadDumps::method)
                    .orElse(null);
            if (own == null
                    && frames.stream()
                            .noneMatch(f -> f.startsWith("org.glassfish.jersey")
                                    || f.startsWith("org.apache.catalina")
                                    || f.startsWith("jakarta.servlet"))) {
                return null; // Grizzly's worker waiting for work
            }
            String waits = "";
            String top = frames.isEmpty() ? "" : frames.get(0);
            String stack = String.join("\n", frames.subList(0, Math.min(frames.size(), 40)));
            if (stack.contains("jdk.internal.net.http") || stack.contains("java.net.http")) {
                waits = "the gateway over HTTP";
            } else if (stack.contains("com.mysql.cj")
                    && (top.contains("read")
                            || top.contains("poll")
                            || stack.contains("SocketInputStream")
                            || stack.contains("NioSocketImpl"))) {
                waits = "MariaDB (a statement or commit)";
            } else if (stack.contains("com.sun.enterprise.resource.pool") || stack.contains("ConnectionPool")) {
                waits = "a pooled database connection";
            } else if (stack.contains("com.sun.ejb.containers.util.pool") || stack.contains("NonBlockingPool")) {
                waits = "an EJB instance from the bean pool";
            } else if (!st.equals("RUNNABLE")) {
                waits = "a lock or condition: " + method(top);
            } else {
                waits = "running: " + method(top);
            }
            return st + ", in " + (own == null ? "(framework)" : own) + ": " + waits;
        }

        /** "pkg.Class.method(File.java:12)" as "Class.method". */
        static String method(String frame) {
            String m = frame.contains("(") ? frame.substring(0, frame.indexOf('(')) : frame;
            int dot = m.lastIndexOf('.');
            int cls = dot <= 0 ? -1 : m.lastIndexOf('.', dot - 1);
            return cls < 0 ? m : m.substring(cls + 1);
        }
    }
}
