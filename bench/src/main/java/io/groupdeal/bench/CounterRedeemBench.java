package io.groupdeal.bench;

import io.groupdeal.bench.harness.Api;
import io.groupdeal.bench.harness.Db;
import io.groupdeal.bench.harness.Http;
import io.groupdeal.bench.harness.Http.Reply;
import io.groupdeal.bench.harness.Json;
import io.groupdeal.bench.harness.Latencies;
import io.groupdeal.bench.harness.Options;
import io.groupdeal.bench.harness.Procs;
import io.groupdeal.bench.harness.Profile;
import io.groupdeal.bench.harness.Text;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Redemption latency at the counter: POST /api/v1/counter/redemptions from {@code --threads} counters at once, each a
 * staff account redeeming its own fresh coupons one after another (closed loop), against GET /health at the same
 * concurrency in the same run: phases of {@code --phase-seconds} alternate (each /health phase as long as the
 * redemption phase before it), so that noise, background jobs and growing tables hit both alike; the first pair is a
 * warm-up of {@code --warmup} redemptions per counter. Set up through the API as the ITs do: 4 merchants with 2 stores,
 * a staff account per counter (at one store), per merchant a deal on sale with minBuyers 1 (coupons ACTIVE at once)
 * valid at all its stores, 8 buyers who buy the coupons in orders of 20. Every code is valid and unused (the guessing
 * guard never bites); each redemption has a new Idempotency-Key, as the counter page sends one.
 *
 * <p>Then the same at a fixed arrival rate (open model, {@code --open-redemptions} per counter; 0: none): requests
 * sent on a schedule at {@code --open-fraction} (0.5) of the closed loop's redemptions per second, whatever the
 * answers, from a pool of threads large enough that a slow answer never delays the next request, the counters taking
 * turns; latency counts from the scheduled moment, so time spent queueing anywhere (in the bench's pool too) is not
 * hidden. /health runs at the same rate in the phases between. The first {@code --open-warmup-rounds} (0) rounds are
 * shown and not counted: after the closed loop the JIT compilers still have work, which they do at this rate.
 *
 * <p>With {@code --settle-rounds} (0), that many pairs of the open model run right after the closed loop's warm-up,
 * at the same fraction of the warm-up's rate, shown ({@code s1}, ...) and not counted: the JIT compilers, starved
 * while the closed loop keeps both cores busy, finish their work there, so that the closed loop's phases and the open
 * model after them measure the compiled product (the JIT column shows whether they did). Each counter buys
 * {@code SETTLE_CODES_PER_SECOND} codes per second of them; what they leave goes to the closed loop.
 *
 * <p>Prints per phase mean, p50/p95/p99/max (HdrHistogram, 3 significant digits), CPU per request of each process
 * (/proc) and MariaDB requests per request; then the targets for both models; then checks the database: coupons
 * REDEEMED = REDEEM events = idempotency keys = answered 201. With {@code --profile} (the default) a JFR recording of
 * the product during the redemption warm-up, summarised by top frames (self time), by library and by the product's
 * methods (inclusive); the recording stays in bench/target/counter/.
 * Run by bench/counter-redeem.sh, or by hand against a running product (after the script built the module):
 * {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.groupdeal.bench.CounterRedeemBench
 * --http-port 18480 --db-port 13480}.
 * Exit status: 1 when a redemption failed (or more than 1% of /health), 2 when the database does not match, 3 when
 * the run broke off, 4 with {@code --strict-targets} when a target is missed.
 */
public final class CounterRedeemBench {

    static final String PASSWORD = Api.PASSWORD;
    static final int MERCHANTS = 4;
    static final int STORES = 2;
    static final int BUYERS = 8;
    static final double TARGET_RATIO = 4.0;
    static final double TARGET_P99_MS = 25.0;
    /** Codes per counter and second of settle rounds: 20 counters at 300 redemptions/s, more than this machine makes. */
    static final int SETTLE_CODES_PER_SECOND = 15;
    /** Issue 14: the product's CPU per redemption and MariaDB's requests per redemption. */
    static final double TARGET_CPU_MS = 3.0;

    static final int TARGET_REQUESTS = 6;

    /** One client for all threads: the JDK's pool keeps a connection per request in flight. */
    static Http http;

    int httpPort = 18480;
    int dbPort = 13480;
    int threads = 20;
    int redemptions = 250;
    int warmup = 150;
    int phaseSeconds = 5;
    int openRedemptions = 100;
    double openFraction = 0.5;
    double openRate = 0;
    int openThreads = 200;
    int openWarmupRounds = 0;
    int settleRounds = 0;
    boolean profile = true;
    boolean strictTargets = false;

    public static void main(String[] args) {
        Options o = new Options(args);
        CounterRedeemBench b = new CounterRedeemBench();
        b.httpPort = o.integer("--http-port", b.httpPort);
        b.dbPort = o.integer("--db-port", b.dbPort);
        b.threads = o.integer("--threads", b.threads, 1);
        b.redemptions = o.integer("--redemptions", b.redemptions, 1);
        b.warmup = o.integer("--warmup", b.warmup, 0);
        b.phaseSeconds = o.integer("--phase-seconds", b.phaseSeconds, 1);
        b.openRedemptions = o.integer("--open-redemptions", b.openRedemptions, 0);
        b.openFraction = o.decimal("--open-fraction", b.openFraction);
        b.openRate = o.decimal("--open-rate", b.openRate);
        b.openThreads = o.integer("--open-threads", b.openThreads, 1);
        b.openWarmupRounds = o.integer("--open-warmup-rounds", b.openWarmupRounds, 0);
        b.settleRounds = o.integer("--settle-rounds", b.settleRounds, 0);
        b.profile = !o.after("--no-profile", "--profile");
        b.strictTargets = o.flag("--strict-targets");
        o.requireKnown();
        http = new Http(b.httpPort, null);
        Api.exit(b::run);
    }

    /** One counter: a staff account at one store, and the codes it redeems, in order. */
    static final class Counter {
        final int merchant;
        final String storeId;
        String staffId;
        String token;
        final List<String> codes = new ArrayList<>();
        int next;

        Counter(int merchant, String storeId) {
            this.merchant = merchant;
            this.storeId = storeId;
        }
    }

    final List<Counter> counters = new ArrayList<>();
    final List<String> deals = new ArrayList<>();
    CpuMeter cpu;
    Path recording; // the JFR recording of the warm-up
    int closedLimit; // codes per counter for the closed loop (warm-up included); the rest are for the open model
    long made; // redemptions answered 201, the warm-up included
    long unknown; // redemptions whose answer was lost (made or not)

    int run() throws Exception {
        System.out.printf(
                "counter bench: %d counters, closed loop; %d redemptions each after %d of warm-up, in phases"
                        + " of %d s alternating with GET /health at the same concurrency; then %d each at a fixed arrival rate%n",
                threads, redemptions, warmup, phaseSeconds, openRedemptions);
        long t0 = System.nanoTime();
        int settleCodes = settleRounds * phaseSeconds * SETTLE_CODES_PER_SECOND;
        closedLimit = warmup + settleCodes + redemptions;
        setUp(closedLimit + openRedemptions);
        System.out.printf(Locale.ROOT, "set up through the API in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        waitForMail();
        cpu = new CpuMeter(httpPort, dbPort);
        System.out.printf(
                "%n%-6s %5s %5s %6s %4s %6s %6s %6s %6s %6s %6s | %s%n",
                "phase", "round", "s", "ok", "fail", "req/s", "mean", "p50", "p95", "p99", "max", CpuMeter.HEADER);
        Stats redeem = new Stats();
        Stats health = new Stats();
        Stats warmUp = new Stats();
        for (int round = warmup > 0 ? 0 : 1; counters.stream().allMatch(c -> c.next < closedLimit); round++) {
            boolean warm = round == 0;
            if (warm && profile) {
                recording = Path.of("bench/target/counter/warm-up-" + System.currentTimeMillis() + ".jfr")
                        .toAbsolutePath();
                Profile.start(cpu.pids[0], "counter-bench");
            }
            Stats r = phase(true, warm ? Long.MAX_VALUE : phaseSeconds * 1_000_000_000L, warm ? warmup : closedLimit);
            if (warm && profile) {
                Profile.stop(cpu.pids[0], "counter-bench", recording);
            }
            Stats h = phase(false, r.nanos, 0); // as long as the redemption phase, the last and shorter one too
            r.print("redeem", warm ? "warm" : Integer.toString(round));
            h.print("health", warm ? "warm" : Integer.toString(round));
            if (r.broken || h.broken) {
                throw new IllegalStateException("nearly every request fails: " + r.failures + " " + h.failures);
            }
            (warm ? warmUp : redeem).add(r);
            (warm ? warmUp : health).add(h);
            if (warm && settleRounds > 0) {
                settle(r.rate() * openFraction);
            }
        }
        System.out.printf("%nall rounds (warm-up not counted):%n");
        redeem.print("redeem", "all");
        health.print("health", "all");

        Stats openRedeem = new Stats();
        Stats openHealth = new Stats();
        double rate = openRate > 0 ? openRate : redeem.rate() * openFraction;
        if (openRedemptions > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "%nopen model: a request every %.2f ms (%.1f/s, %s), latency from the"
                            + " scheduled moment; redemptions and /health at the same rate, alternating%n",
                    1000 / rate,
                    rate,
                    openRate > 0
                            ? "--open-rate"
                            : String.format(
                                    Locale.ROOT,
                                    "%.2f of the closed loop's %.1f" + " redemptions/s",
                                    openFraction,
                                    redeem.rate()));
            // the first --open-warmup-rounds rounds are shown, not counted: the JIT compilers, starved while the closed
            // loop kept both cores busy, catch up at this rate
            openRounds(rate, 0, "o", "ow", openWarmupRounds, openRedeem, openHealth);
            System.out.printf(
                    "%nall open-model rounds%s:%n",
                    openWarmupRounds > 0 ? " (the first " + openWarmupRounds + " not counted)" : "");
            openRedeem.print("redeem", "open");
            openHealth.print("health", "open");
        }
        System.out.println("(ms. CPU: ms per request answered, of the product's JVM (of it: its HTTP request threads,"
                + " its JIT compiler threads and its GC threads), MariaDB, this bench and the rest"
                + " of the machine; busy: share of all cores. db: MariaDB requests and pings per request, the product's"
                + " background jobs included. Processes: product JVM " + cpu.pids[0] + ", MariaDB " + cpu.pids[1]
                + ", bench " + cpu.pids[2] + ")");

        double r99 = redeem.percentile(0.99);
        double h99 = health.percentile(0.99);
        boolean ratioMet = r99 / h99 <= TARGET_RATIO;
        boolean absoluteMet = r99 <= TARGET_P99_MS;
        System.out.printf(
                Locale.ROOT,
                "%nat %d concurrent counters: redeem p50 %.1f ms, p99 %.1f ms; health p50 %.1f"
                        + " ms, p99 %.1f ms%n  p99 ratio %.2f, target <= %.0f: %s%n  redeem p99 %.1f ms, target <= %.0f"
                        + " ms: %s%n  (ratios redeem/health: p50 %.2f, machine CPU per request %.2f; closed loop, so"
                        + " mean latency = %d / throughput: %.0f redemptions/s, %.0f /health/s)%n",
                threads,
                redeem.percentile(0.5),
                r99,
                health.percentile(0.5),
                h99,
                r99 / h99,
                TARGET_RATIO,
                ratioMet ? "met" : "MISSED",
                r99,
                TARGET_P99_MS,
                absoluteMet ? "met" : "MISSED",
                redeem.percentile(0.5) / health.percentile(0.5),
                (double) redeem.cpu[3] / redeem.ok / health.cpu[3] * health.ok,
                threads,
                redeem.rate(),
                health.rate());
        double ms = CpuMeter.TICK_MS / Math.max(1, redeem.ok);
        double product = redeem.cpu[0] * ms;
        double requests = redeem.cpu[5] * ms / CpuMeter.TICK_MS;
        System.out.printf(
                Locale.ROOT,
                "  product CPU per redemption (closed loop) %.2f ms, target <= %.0f ms: %s (request threads %.2f, JIT"
                        + " %.2f, GC %.2f, the rest %.2f); MariaDB %.2f ms; %.1f MariaDB requests per redemption"
                        + " (the timers' included), target <= %d: %s%n",
                product,
                TARGET_CPU_MS,
                product <= TARGET_CPU_MS ? "met" : "MISSED",
                redeem.cpu[7] * ms,
                redeem.cpu[8] * ms,
                redeem.cpu[9] * ms,
                (redeem.cpu[0] - redeem.cpu[7] - redeem.cpu[8] - redeem.cpu[9]) * ms,
                redeem.cpu[1] * ms,
                requests,
                TARGET_REQUESTS,
                requests < TARGET_REQUESTS + 0.5 ? "met" : "MISSED");
        boolean openMet = true;
        if (openRedemptions > 0) {
            double o99 = openRedeem.percentile(0.99);
            double oh99 = openHealth.percentile(0.99);
            openMet = o99 / oh99 <= TARGET_RATIO && o99 <= TARGET_P99_MS;
            System.out.printf(
                    Locale.ROOT,
                    "at a fixed %.1f requests/s (open model): redeem p50 %.1f ms, p99 %.1f ms;"
                            + " health p50 %.1f ms, p99 %.1f ms%n  p99 ratio %.2f, target <= %.0f: %s%n  redeem p99 %.1f"
                            + " ms, target <= %.0f ms: %s%n",
                    rate,
                    openRedeem.percentile(0.5),
                    o99,
                    openHealth.percentile(0.5),
                    oh99,
                    o99 / oh99,
                    TARGET_RATIO,
                    o99 / oh99 <= TARGET_RATIO ? "met" : "MISSED",
                    o99,
                    TARGET_P99_MS,
                    o99 <= TARGET_P99_MS ? "met" : "MISSED");
        }
        int exit = 0;
        if (openRedeem.failed() > 0 || openHealth.failed() * 100 > openHealth.ok + openHealth.failed()) {
            System.out.printf(
                    "FAIL (open model): %d of %d redemptions failed %s; %d of %d /health failed %s%n",
                    openRedeem.failed(),
                    openRedeem.ok + openRedeem.failed(),
                    openRedeem.failures,
                    openHealth.failed(),
                    openHealth.ok + openHealth.failed(),
                    openHealth.failures);
            exit = 1;
        }
        if (redeem.failed() > 0 || health.failed() * 100 > health.ok + health.failed() || warmUp.failed() > 0) {
            System.out.printf(
                    "FAIL: %d of %d redemptions failed %s; %d of %d /health failed %s; warm-up: %s%n",
                    redeem.failed(),
                    redeem.ok + redeem.failed(),
                    redeem.failures,
                    health.failed(),
                    health.ok + health.failed(),
                    health.failures,
                    warmUp.failures);
            exit = 1;
        }
        exit = verify() ? exit : 2;
        if (profile) {
            Profile.summarise("the redemption warm-up", recording);
        }
        return strictTargets && !(ratioMet && absoluteMet && openMet) && exit == 0 ? 4 : exit;
    }

    // ---- set-up through the API ------------------------------------------------------------------------------------

    void setUp(int perCounter) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> merchantTokens = new ArrayList<>();
        List<String> storeIds = new ArrayList<>(); // those of merchant m from m * STORES on
        for (int m = 0; m < MERCHANTS; m++) {
            String email = "bench-counter-merchant-" + m + "-" + run + "@bench.groupdeal.io";
            Api.merchant(http, "Counter Bench " + m, email);
            String token = login(email);
            merchantTokens.add(token);
            for (int s = 0; s < STORES; s++) {
                storeIds.add(id(call(
                        "/api/v1/stores",
                        token,
                        "{\"name\":\"Counter Bench " + m
                                + " Store " + s + "\",\"address\":\"Benchstr. 1, 10115 Berlin\",\"latitude\":52.5" + s
                                + ",\"longitude\":13.4" + m + ",\"timeZone\":\"Europe/Berlin\"}",
                        201)));
            }
            String id = id(call(
                    "/api/v1/deals",
                    token,
                    "{\"title\":\"Counter bench " + m
                            + "\",\"description\":\"A bench deal\",\"finePrint\":\"Valid for one person.\",\"currency\":"
                            + "\"EUR\",\"price\":\"9.90\",\"originalValue\":\"20.00\",\"minBuyers\":1,\"maxQuantity\":1000000,"
                            + "\"perBuyerLimit\":1000000,\"salesStart\":\"" + now.minus(1, ChronoUnit.HOURS)
                            + "\",\"salesEnd\":\"" + now.plus(2, ChronoUnit.DAYS) + "\",\"couponValidUntil\":\""
                            + now.plus(32, ChronoUnit.DAYS) + "\",\"storeIds\":[],\"refundPolicy\":\"ANYTIME\"}",
                    201));
            String published = call("/api/v1/deals/" + id + "/publish", token, null, 200);
            if (!"ON_SALE".equals(Json.object(published).getString("status", null))) {
                throw new IllegalStateException("deal not ON_SALE after publishing: " + published);
            }
            deals.add(id);
        }
        for (int t = 0; t < threads; t++) {
            counters.add(new Counter(t % MERCHANTS, storeIds.get(t % MERCHANTS * STORES + t / MERCHANTS % STORES)));
        }
        // Staff and buyers (signup and login hash the password slowly on purpose), then each counter's coupons in
        // orders of up to 20 of its merchant's deal; the buyers take turns.
        parallel(threads, t -> {
            Counter c = counters.get(t);
            String email = "bench-counter-staff-" + t + "-" + run + "@bench.groupdeal.io";
            c.staffId = id(call(
                    "/api/v1/staff",
                    merchantTokens.get(c.merchant),
                    "{\"email\":\"" + email
                            + "\",\"name\":\"Counter " + t + "\",\"password\":\"" + PASSWORD + "\",\"storeIds\":[\""
                            + c.storeId
                            + "\"]}",
                    201));
            c.token = login(email);
        });
        String[] buyers = new String[BUYERS];
        parallel(BUYERS, b -> {
            String email = "bench-counter-buyer-" + b + "-" + run + "@bench.groupdeal.io";
            Api.buyer(http, email, "Counter Bench Buyer " + b);
            buyers[b] = login(email);
        });
        List<int[]> orders = new ArrayList<>(); // {counter, quantity}
        for (int t = 0; t < threads; t++) {
            for (int left = perCounter; left > 0; left -= 20) {
                orders.add(new int[] {t, Math.min(20, left)});
            }
        }
        long t0 = System.nanoTime();
        parallel(orders.size(), o -> {
            Counter c = counters.get(orders.get(o)[0]);
            int quantity = orders.get(o)[1];
            String body = call(
                    "/api/v1/orders",
                    buyers[o % BUYERS],
                    "{\"dealId\":\"" + deals.get(c.merchant) + "\",\"quantity\":" + quantity
                            + ",\"paymentToken\":\"tok_ok\"}",
                    201);
            JsonObject order = Json.object(body);
            List<String> codes = order.getJsonArray("coupons").getValuesAs(JsonObject.class).stream()
                    .map(coupon -> coupon.getString("code"))
                    .toList();
            if (codes.size() != quantity || !"CONFIRMED".equals(order.getString("status", null))) {
                throw new IllegalStateException("expected a confirmed order of " + quantity + " coupons: " + cut(body));
            }
            synchronized (c) {
                c.codes.addAll(codes);
            }
        });
        System.out.printf(
                Locale.ROOT,
                "bought %d coupons in %d orders in %.0f s%n",
                threads * perCounter,
                orders.size(),
                (System.nanoTime() - t0) / 1e9);
    }

    /** The set-up's orders queued confirmation mails (a QR code per coupon, drawn when sent): lets them go first. */
    void waitForMail() throws SQLException, InterruptedException {
        long t0 = System.nanoTime();
        String due = "SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING' AND attempts = 0";
        try (Connection db = Db.connect(dbPort)) {
            long queued = Db.count(db, due);
            long left = queued;
            for (; left > 0 && System.nanoTime() - t0 < 600_000_000_000L; left = Db.count(db, due)) {
                Thread.sleep(2000);
            }
            System.out.printf(
                    Locale.ROOT,
                    "waited %.0f s for the set-up's %d confirmation mails to go out%s%n",
                    (System.nanoTime() - t0) / 1e9,
                    queued,
                    left > 0 ? "; gave up with " + left + " queued" : "");
        }
    }

    interface Job {
        void run(int index) throws Exception;
    }

    /** Runs {@code job} for 0..count-1 on four threads; the first failure is thrown. */
    void parallel(int count, Job job) throws Exception {
        List<Exception> errors = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int first = w;
            workers.add(new Thread(() -> {
                try {
                    for (int i = first; i < count && errors.isEmpty(); i += 4) {
                        job.run(i);
                    }
                } catch (Exception e) {
                    errors.add(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join();
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
    }

    /** A POST and the body of its answer, which must have the status; orders carry an Idempotency-Key. */
    static String call(String path, String token, String body, int status) throws IOException {
        return http.send(
                        "POST",
                        path,
                        token,
                        body,
                        "Idempotency-Key",
                        path.endsWith("/orders") ? UUID.randomUUID().toString() : null)
                .expect(status, path)
                .body();
    }

    /** The "id" of the JSON object. */
    static String id(String body) {
        return Json.object(body).getString("id");
    }

    static String login(String email) throws IOException {
        return Api.login(http, email, PASSWORD);
    }

    static Reply redeem(Counter c, String code) throws IOException {
        return http.send(
                "POST",
                "/api/v1/counter/redemptions",
                c.token,
                "{\"code\":\"" + code + "\",\"storeId\":\"" + c.storeId + "\"}",
                "Idempotency-Key",
                UUID.randomUUID().toString());
    }

    static String cut(String text) {
        return Text.abbreviate(text);
    }

    // ---- phases ----------------------------------------------------------------------------------------------------

    /** One phase, or several added up: latencies of the requests answered as expected, failures by kind, CPU, db. */
    static final class Stats {
        long ok;
        long nanos;
        boolean broken;
        final Latencies latencies = new Latencies();
        final Map<String, Long> failures = new TreeMap<>();
        long[] cpu = new long[CpuMeter.FIELDS];

        synchronized void add(Stats o) {
            ok += o.ok;
            nanos += o.nanos;
            broken |= o.broken;
            Arrays.setAll(cpu, i -> cpu[i] + o.cpu[i]);
            o.failures.forEach((k, v) -> failures.merge(k, v, Long::sum));
            latencies.add(o.latencies);
        }

        /** One request answered as expected, {@code nanos} after it was sent (or scheduled). */
        synchronized void record(long nanos) {
            ok++;
            latencies.record(nanos);
        }

        synchronized void fail(String failure) {
            failures.merge(failure, 1L, Long::sum);
            broken = failed() > 100 && failed() > 10 * ok;
        }

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        double rate() {
            return nanos == 0 ? 0 : ok / (nanos / 1e9);
        }

        /** Milliseconds (HdrHistogram: within 0.1%); 1.0 is the maximum. */
        double percentile(double p) {
            return latencies.ms(p);
        }

        void print(String what, String round) {
            System.out.printf(
                    Locale.ROOT,
                    "%-6s %5s %5.1f %6d %4d %6.0f %6.1f %6.1f %6.1f %6.1f %6.1f | %s%n",
                    what,
                    round,
                    nanos / 1e9,
                    ok,
                    failed(),
                    rate(),
                    latencies.meanMs(),
                    percentile(0.5),
                    percentile(0.95),
                    percentile(0.99),
                    percentile(1),
                    CpuMeter.perRequest(cpu, ok));
            if (!failures.isEmpty()) {
                System.out.printf("  (%s failures: %s)%n", what, failures);
            }
        }
    }

    /**
     * One phase with a thread per counter: redemptions (each counter its next codes) or GET /health, for {@code nanos}
     * or until a counter has used {@code stopAt} of its codes or all: then all stop, so that the concurrency is the
     * same throughout (the codes left over stay ACTIVE).
     */
    Stats phase(boolean redeeming, long nanos, int stopAt) throws Exception {
        Stats total = new Stats();
        long[] before = cpu.sample();
        long start = System.nanoTime();
        long deadline = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : start + nanos;
        AtomicBoolean out = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Counter counter = counters.get(w);
            workers.add(new Thread(
                    () -> {
                        Stats mine = new Stats();
                        while (System.nanoTime() < deadline && !mine.broken && !out.get()) {
                            if (redeeming && counter.next >= Math.min(stopAt, counter.codes.size())) {
                                out.set(true);
                                break;
                            }
                            long t0 = System.nanoTime();
                            String failure =
                                    redeeming ? redeemOnce(counter, counter.codes.get(counter.next++)) : healthOnce();
                            long took = System.nanoTime() - t0;
                            if (failure != null) {
                                mine.fail(failure);
                            } else {
                                mine.record(took);
                            }
                        }
                        total.add(mine);
                    },
                    "counter-" + w));
        }
        workers.forEach(Thread::start);
        for (Thread t : workers) {
            t.join();
        }
        total.nanos = System.nanoTime() - start;
        long[] after = cpu.sample();
        Arrays.setAll(total.cpu, i -> after[i] - before[i]);
        made += redeeming ? total.ok : 0;
        return total;
    }

    /**
     * The settle rounds after the warm-up ({@code --settle-rounds}): pairs of open-model phases at {@code rate}, shown
     * and not counted, while the JIT compilers catch up.
     */
    void settle(double rate) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "settle: %d rounds of the open model at %.1f/s (%.2f of the warm-up's rate), not counted%n",
                settleRounds,
                rate,
                openFraction);
        openRounds(rate, settleRounds, "s", "s", settleRounds, null, null);
    }

    /**
     * Rounds of the open model at {@code rate}, each a redemption phase then a /health phase as long, on one pool of
     * the bench's threads: {@code rounds} of them, or as long as every counter has codes left when 0. The first
     * {@code uncounted} are shown as {@code uncountedLabel} and a round number; the others as {@code label}, and
     * added to {@code redeemed} and {@code healthy}.
     */
    private void openRounds(
            double rate, int rounds, String label, String uncountedLabel, int uncounted, Stats redeemed, Stats healthy)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(openThreads);
        try {
            for (int round = 1;
                    rounds > 0 ? round <= rounds : counters.stream().allMatch(c -> c.next < c.codes.size());
                    round++) {
                boolean counted = round > uncounted;
                Stats r = openPhase(pool, true, rate, phaseSeconds * 1_000_000_000L);
                Stats h = openPhase(pool, false, rate, r.nanos);
                r.print("redeem", (counted ? label : uncountedLabel) + round);
                h.print("health", (counted ? label : uncountedLabel) + round);
                if (counted) {
                    redeemed.add(r);
                    healthy.add(h);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One phase at a fixed arrival rate (open model): request i is due at start + i / rate, sent at that moment by a
     * thread of {@code pool} whatever became of the earlier ones, the counters taking turns; its latency counts from
     * the moment it was due, so a request that waited for a free thread of the bench or a connection is counted with
     * its wait. Stops scheduling after {@code nanos} or when the next counter has no code left.
     */
    Stats openPhase(ExecutorService pool, boolean redeeming, double rate, long nanos) throws Exception {
        Stats total = new Stats();
        long[] before = cpu.sample();
        long start = System.nanoTime() + 1_000_000;
        double interval = 1e9 / rate;
        List<Future<?>> sent = new ArrayList<>();
        long last = start;
        for (long i = 0; ; i++) {
            long due = start + (long) (i * interval);
            if (due - start >= nanos || total.broken) {
                break;
            }
            Counter counter = counters.get((int) (i % threads));
            String code;
            synchronized (counter) {
                if (redeeming && counter.next >= counter.codes.size()) {
                    break;
                }
                code = redeeming ? counter.codes.get(counter.next++) : null;
            }
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            last = due;
            sent.add(pool.submit(() -> {
                String failure = redeeming ? redeemOnce(counter, code) : healthOnce();
                long took = System.nanoTime() - due;
                if (failure != null) {
                    total.fail(failure);
                } else {
                    total.record(took);
                }
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        total.nanos = Math.max(1, last - start + (long) interval); // the span of the schedule
        long[] after = cpu.sample();
        Arrays.setAll(total.cpu, i -> after[i] - before[i]);
        synchronized (this) {
            made += redeeming ? total.ok : 0;
        }
        return total;
    }

    /** Null when the coupon was redeemed (201 naming the code), else the kind of failure. */
    String redeemOnce(Counter counter, String code) {
        try {
            Reply reply = redeem(counter, code);
            if (reply.status() == 201 && code.equals(field(reply.body(), "code"))) {
                return null;
            }
            String type = field(reply.body(), "type");
            return reply.status() + (type != null ? " " + type : "");
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                unknown++; // redeemed or not: the answer was lost
            }
            return "io " + e.getMessage();
        }
    }

    static String healthOnce() {
        try {
            Reply reply = http.send("GET", "/health", null, null);
            return reply.status() == 200 && reply.body().contains("\"UP\"") ? null : Integer.toString(reply.status());
        } catch (IOException | RuntimeException e) {
            return "io " + e.getMessage();
        }
    }

    /** The string {@code name} of the JSON object in the text; null when there is none (or no JSON object). */
    static String field(String text, String name) {
        try {
            return Json.object(text).get(name) instanceof JsonString s ? s.getString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Exactly the redemptions answered 201 are in the database: the bench deals' coupons REDEEMED, their REDEEM events
     * (each naming the coupon's own store and time and a staff account of this run, no coupon with two) and the
     * idempotency keys of the bench's staff all equal them. A lost answer (I/O error) may or may not have redeemed.
     */
    boolean verify() throws SQLException {
        String in = String.join(",", deals.stream().map(i -> "'" + i + "'").toList());
        String staff = String.join(
                ",", counters.stream().map(c -> "'" + c.staffId + "'").toList());
        String events = " FROM redemption_event e JOIN coupon c ON c.tenant_id = e.tenant_id AND c.id = e.coupon_id"
                + " WHERE c.deal_id IN (" + in + ") AND e.kind = 'REDEEM'";
        try (Connection db = Db.connect(dbPort)) {
            long redeemed = Db.count(
                    db, "SELECT COUNT(*) FROM coupon WHERE deal_id IN (" + in + ")" + " AND status = 'REDEEMED'");
            long redeemEvents = Db.count(db, "SELECT COUNT(*)" + events);
            long matching = Db.count(
                    db,
                    "SELECT COUNT(*)" + events + " AND c.status = 'REDEEMED' AND c.redeemed_store_id"
                            + " = e.store_id AND c.redeemed_at = e.occurred_at AND e.account_id IN (" + staff + ")");
            long twice = Db.count(
                    db,
                    "SELECT COUNT(*) FROM (SELECT e.coupon_id" + events
                            + " GROUP BY e.tenant_id, e.coupon_id HAVING COUNT(*) > 1) x");
            // the idempotency keys are kept in the REDEEM events' rows (V28; before it, in counter_request)
            long keys = Db.count(
                    db,
                    "SELECT COUNT(*) FROM redemption_event WHERE kind = 'REDEEM' AND idempotency_key IS NOT NULL"
                            + " AND account_id IN (" + staff + ")");
            boolean good = redeemed == redeemEvents
                    && matching == redeemEvents
                    && twice == 0
                    && keys == redeemed
                    && redeemed >= made
                    && redeemed <= made + unknown;
            System.out.printf(
                    "%ndatabase: redemptions answered 201: %d%s; coupons REDEEMED %d; REDEEM events %d (%d"
                            + " matching coupon, store, time and staff; %d coupons with two); idempotency keys %d: %s%n",
                    made,
                    unknown > 0 ? " (+ up to " + unknown + " with a lost answer)" : "",
                    redeemed,
                    redeemEvents,
                    matching,
                    twice,
                    keys,
                    good ? "OK" : "MISMATCH");
            return good;
        }
    }

    // ---- where the CPU goes ----------------------------------------------------------------------------------------

    /**
     * CPU time from /proc (Linux) of the product's JVM (Payara Micro, found by its --port), the embedded MariaDB
     * (mariadbd --port=), this bench and the whole machine, and MariaDB's request and ping counters.
     */
    static final class CpuMeter {
        static final String HEADER = "CPU: product (requests    jit     gc) mariadb bench other  busy | db: req ping";
        // ticks: product, mariadb, bench, machine busy, machine all; db: requests, pings; the product's request
        // threads, JIT compiler threads and GC threads
        static final int FIELDS = 10;
        static final double TICK_MS = Procs.TICK_MS;
        final long[] pids = new long[3];
        final int dbPort;
        Connection db;

        CpuMeter(int httpPort, int dbPort) {
            this.dbPort = dbPort;
            pids[0] = Procs.product(httpPort);
            pids[1] = Procs.mariadb(dbPort);
            pids[2] = Procs.self();
        }

        static String perRequest(long[] v, long requests) {
            double ms = TICK_MS / Math.max(1, requests);
            return v[4] == 0
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            "%12.2f (%8.2f %6.2f %6.2f) %7.2f %5.2f %5.2f %4.0f%% | %7.1f %4.1f",
                            v[0] * ms,
                            v[7] * ms,
                            v[8] * ms,
                            v[9] * ms,
                            v[1] * ms,
                            v[2] * ms,
                            Math.max(0, v[3] - v[0] - v[1] - v[2]) * ms,
                            100.0 * v[3] / v[4],
                            v[5] * ms / TICK_MS,
                            v[6] * ms / TICK_MS);
        }

        long[] sample() {
            long[] v = new long[FIELDS];
            Procs.ThreadTicks product = Procs.threads(pids[0]);
            v[0] = product.all();
            v[7] = product.requests();
            v[8] = product.jit();
            v[9] = product.gc();
            for (int i = 1; i < 3; i++) {
                v[i] = Procs.ticks(pids[i]);
            }
            long[] machine = Procs.machine();
            v[3] = machine[0];
            v[4] = machine[1];
            try {
                db = db != null ? db : Db.connect(dbPort);
                long[] requests = Db.status(db, List.of("Questions", "Com_admin_commands"));
                v[5] = requests[0];
                v[6] = requests[1];
            } catch (SQLException e) {
                db = null;
            }
            return v;
        }
    }
}
