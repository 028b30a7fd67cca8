package io.groupdeal.bench;

import io.groupdeal.bench.harness.Api;
import io.groupdeal.bench.harness.Http;
import io.groupdeal.bench.harness.Latencies;
import io.groupdeal.bench.harness.Options;
import io.groupdeal.bench.harness.Procs;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API under a flood of logins: {@code --clients} (8) clients use the API in a closed loop (GET
 * /api/v1/catalog/deals and GET /api/v1/me with a valid token, alternately), in phases of {@code --phase-seconds}
 * that alternate between quiet and flooded: during a flooded phase {@code --flood} (200) threads send wrong logins
 * as fast as they are answered, each from a made-up client address behind the trusted proxy (X-Forwarded-For; the
 * script sets DEAL_TRUSTED_PROXIES=127.0.0.1) and for a made-up email: a distributed attack that the per-email and
 * per-address throttles do not stop, so that only the bound on hashing stands between it and the rest of the product.
 * The first second of every phase is not counted (the flood starting or draining), and a quiet phase starts counting
 * only once every flood login has been answered (logins waiting for a hashing turn would hash into it). Alternating
 * phases let the noise of a shared machine hit both alike.
 *
 * <p>Prints per phase kind p50/p95/p99/max of the clients' requests, their count, the flood's answers by status, and
 * the CPU of the product, MariaDB, the bench and the rest of the machine; then the ratio of the flooded p99 to the
 * quiet p99 against the target (at most 2). Exit status 1 when a client request failed, 3 when the run broke off, 4
 * with {@code --strict-target} when the target is missed.
 */
public final class LoginFloodBench {

    int dbPort;
    int httpPort;
    int clients = 8;
    int flood = 200;
    int phaseSeconds = 12;
    int rounds = 5;
    boolean strictTarget;
    /** One client for all threads: the JDK's pool keeps a connection per request in flight. */
    Http http;

    volatile String phase = "warm-up";
    volatile boolean floodOn;
    volatile boolean running = true;
    final Map<String, Latencies> latencies = new ConcurrentHashMap<>();
    final Map<String, Map<Integer, AtomicLong>> floodAnswers = new ConcurrentHashMap<>();
    final AtomicLong clientFailures = new AtomicLong();
    /** Flood logins sent and not yet answered: a quiet phase counts only once none is left. */
    final AtomicInteger floodInFlight = new AtomicInteger();

    public static void main(String[] args) {
        Options o = new Options(args);
        LoginFloodBench b = new LoginFloodBench();
        b.httpPort = o.integer("--http-port", 8080);
        b.dbPort = o.integer("--db-port", 0);
        b.clients = o.integer("--clients", b.clients, 1);
        b.flood = o.integer("--flood", b.flood, 1);
        b.phaseSeconds = o.integer("--phase-seconds", b.phaseSeconds, 3);
        b.rounds = o.integer("--rounds", b.rounds, 1);
        b.strictTarget = o.flag("--strict-target");
        o.requireKnown();
        b.http = new Http(b.httpPort, Duration.ofSeconds(120));
        Api.exit(b::run);
    }

    int run() throws Exception {
        System.out.printf(
                "login flood bench: %d API clients (closed loop), %d flood threads (wrong logins, made-up"
                        + " addresses and emails); %d rounds of a quiet and a flooded phase of %d s, alternating%n",
                clients, flood, rounds, phaseSeconds);
        // Set-up one at a time: sign-ups hash on purpose, and the product answers 503 busy beyond its bound.
        String[] tokens = new String[clients];
        for (int c = 0; c < clients; c++) {
            String email =
                    "flood-bench-" + c + "-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.groupdeal.io";
            Api.buyer(http, email, "Bench Client " + c);
            tokens[c] = Api.login(http, email, Api.PASSWORD);
        }
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String token = tokens[c];
            threads.add(start("client-" + c, () -> client(token)));
        }
        for (int f = 0; f < flood; f++) {
            threads.add(start("flood-" + f, this::flooder));
        }
        CpuMeter cpu = new CpuMeter(httpPort, dbPort);
        Map<String, long[]> cpuByPhase = new ConcurrentHashMap<>();
        // A short warm-up of each kind, not counted; then the rounds, alternating which kind goes first.
        runPhase("warm-up", false, 5, null, null);
        runPhase("warm-up", true, 5, null, null);
        for (int r = 0; r < rounds; r++) {
            boolean floodFirst = r % 2 == 1;
            for (int k = 0; k < 2; k++) {
                boolean on = (k == 0) == floodFirst;
                runPhase(on ? "flooded" : "quiet", on, phaseSeconds, cpu, cpuByPhase);
            }
        }
        running = false;
        floodOn = false;
        for (Thread t : threads) {
            t.join(30_000);
        }

        System.out.println();
        System.out.println(
                "phase     requests    p50 ms   p95 ms   p99 ms   max ms  | CPU % of the machine: product mariadb bench other");
        Map<String, double[]> p = new TreeMap<>();
        for (String kind : List.of("quiet", "flooded")) {
            Latencies l = latencies.getOrDefault(kind, new Latencies());
            double[] q = {l.ms(0.5), l.ms(0.95), l.ms(0.99), l.ms(1)};
            p.put(kind, q);
            long[] c = cpuByPhase.getOrDefault(kind, new long[5]);
            double all = Math.max(1, c[4]);
            System.out.printf(
                    Locale.ROOT,
                    "%-8s %9d %9.1f %8.1f %8.1f %8.1f  | %5.0f %7.0f %5.0f %5.0f%n",
                    kind,
                    l.count(),
                    q[0],
                    q[1],
                    q[2],
                    q[3],
                    100 * c[0] / all,
                    100 * c[1] / all,
                    100 * c[2] / all,
                    100 * Math.max(0, c[3] - c[0] - c[1] - c[2]) / all);
        }
        System.out.println();
        System.out.print("flood answers (flooded phases):");
        floodAnswers.getOrDefault("flooded", Map.of()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf(
                        " %s: %,d",
                        e.getKey() == 0 ? "failed" : e.getKey(), e.getValue().get()));
        long seconds = (long) rounds * (phaseSeconds - 1);
        long checked = floodAnswers
                .getOrDefault("flooded", Map.of())
                .getOrDefault(401, new AtomicLong())
                .get();
        System.out.printf(Locale.ROOT, "  (%.1f passwords checked per second)%n", checked / (double) seconds);
        double ratio = p.get("flooded")[2] / Math.max(0.001, p.get("quiet")[2]);
        System.out.printf(
                Locale.ROOT,
                "p99 flooded / quiet: %.2f (target <= 2): %s; p50 ratio %.2f%n",
                ratio,
                ratio <= 2 ? "met" : "MISSED",
                p.get("flooded")[0] / Math.max(0.001, p.get("quiet")[0]));
        System.out.println("load average at the end: " + Procs.load());
        if (clientFailures.get() > 0) {
            System.out.println("FAILED: " + clientFailures.get() + " API client requests did not answer 200");
            return 1;
        }
        return strictTarget && ratio > 2 ? 4 : 0;
    }

    void runPhase(String name, boolean on, int seconds, CpuMeter cpu, Map<String, long[]> cpuByPhase)
            throws InterruptedException {
        phase = "settling";
        floodOn = on;
        Thread.sleep(1000); // the flood starts or drains: not counted
        long drainUntil = System.nanoTime() + 60_000_000_000L;
        while (!on && floodInFlight.get() > 0 && System.nanoTime() < drainUntil) {
            Thread.sleep(50); // logins the product still holds (waiting for a hashing turn) are the flood's, not quiet
        }
        long[] before = cpu == null ? null : cpu.sample();
        phase = name;
        Thread.sleep((seconds - 1) * 1000L);
        phase = "settling";
        if (cpu != null) {
            long[] after = cpu.sample();
            long[] sum = cpuByPhase.computeIfAbsent(name, k -> new long[5]);
            for (int i = 0; i < 5; i++) {
                sum[i] += after[i] - before[i];
            }
        }
        System.out.printf(Locale.ROOT, "  %-8s phase of %d s done%n", name, seconds);
    }

    void client(String token) {
        int i = 0;
        while (running) {
            String kind = phase;
            long t0 = System.nanoTime();
            int status;
            try {
                status = (i++ % 2 == 0
                                ? http.send("GET", "/api/v1/catalog/deals?size=20", null, null)
                                : http.send("GET", "/api/v1/me", token, null))
                        .status();
            } catch (IOException e) {
                status = 0;
            }
            long took = System.nanoTime() - t0;
            if (!kind.equals(phase) || kind.equals("settling") || kind.equals("warm-up")) {
                continue; // the phase changed meanwhile: not counted
            }
            if (status != 200) {
                clientFailures.incrementAndGet();
            }
            latencies.computeIfAbsent(kind, k -> new Latencies()).record(took);
        }
    }

    void flooder() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            if (!floodOn) {
                sleep(50);
                continue;
            }
            String kind = phase;
            String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
            String email = "nobody-" + random.nextLong(Long.MAX_VALUE) + "@flood.example.com";
            int status;
            floodInFlight.incrementAndGet();
            try {
                status = http.send(
                                "POST",
                                "/api/v1/auth/tokens",
                                null,
                                "{\"email\":\"" + email + "\",\"password\":\"wrong-password-" + random.nextInt()
                                        + "\"}",
                                "X-Forwarded-For",
                                address)
                        .status();
            } catch (IOException e) {
                status = 0;
            } finally {
                floodInFlight.decrementAndGet();
            }
            floodAnswers
                    .computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(status, s -> new AtomicLong())
                    .incrementAndGet();
        }
    }

    static Thread start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- CPU from /proc: the product's JVM, MariaDB, this bench, the machine ---------------------------------------

    static final class CpuMeter {
        final long[] pids = new long[3];

        CpuMeter(int httpPort, int dbPort) {
            pids[0] = Procs.product(httpPort);
            pids[1] = Procs.mariadb(dbPort);
            pids[2] = Procs.self();
        }

        /** Ticks: product, MariaDB, bench (utime + stime), the machine busy, the machine in all. */
        long[] sample() {
            long[] machine = Procs.machine();
            return new long[] {Procs.ticks(pids[0]), Procs.ticks(pids[1]), Procs.ticks(pids[2]), machine[0], machine[1]
            };
        }
    }
}
