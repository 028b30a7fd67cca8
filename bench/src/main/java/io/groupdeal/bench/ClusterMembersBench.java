package io.groupdeal.bench;

import io.groupdeal.bench.PurchaseBench.Phase;
import io.groupdeal.bench.PurchaseBench.Stats;
import io.groupdeal.bench.harness.Api;
import io.groupdeal.bench.harness.Db;
import io.groupdeal.bench.harness.Options;
import io.groupdeal.bench.harness.Procs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What clustering costs: purchases through the balancer of the local cluster (config/cluster/local.sh) with 1, 2 and
 * 3 members in service, on the same Galera database, with the same clients, in one run. On one machine throughput
 * cannot grow with members (they share its cores); what can be measured is what each purchase costs in CPU when the
 * same load is spread over more members: the data grid's traffic, more pools and caches, more timers.
 *
 * <p>The purchase is {@link PurchaseBench}'s over HTTP (its set-up through the API, its client threads, its counts
 * and its check of the database at the end): spread deals, a new Idempotency-Key per purchase, each client thread
 * buying for its own buyer. A member is taken out of service and put back by the balancer's runtime API ({@code
 * disable server api/m<i>}, {@code enable server}) over HAProxy's admin socket: no restart, so every member stays as
 * warm as it was, and the data grid keeps all its members throughout (a member out of service still runs its jobs and
 * its share of the grid).
 *
 * <p>After {@code --warmup} seconds with every member in service, each configuration runs {@code --seconds} in each
 * of {@code --rounds} rounds, every second round in reverse order (1,2,3,3,2,1,...), so that drift and noise hit all
 * alike; after each switch {@code --settle} seconds of purchases are not counted. Over each measured window it reads
 * from /proc the CPU of every member's JVM, of every Galera node, of the balancer, of this bench and of the machine,
 * and the write node's commits and write sets; from the balancer, which member answered how many purchases.
 *
 * <p>Prints per configuration: purchases/s, p50/p99, CPU milliseconds per purchase of the members in service and of
 * those out of it, of MariaDB (the write node, the other two), of the balancer, and the whole cluster's purchases per
 * CPU-second against 1 member's: the target is at least 0.85 with 2 and 3 members. The members out of service count:
 * the jobs run on every member and take work wherever it was queued (a purchase's confirmation mail is delivered by
 * whichever member claims it), so with 1 member in service the other two still do part of the purchases' work. Exit status: 1 when more than 1% of
 * a configuration's purchases failed, 2 when the database does not match the purchases made, 3 when the run broke
 * off, 4 with {@code --strict-targets} when the target is missed. Run by bench/cluster-members.sh.
 */
public final class ClusterMembersBench {

    static final double TARGET = 0.85;

    int httpPort;
    int dbPort;
    List<Integer> memberPorts;
    Path run;
    int threads = 32;
    int deals = 100;
    int seconds = 25;
    int settleSeconds = 5;
    int warmupSeconds = 150;
    int rounds = 3;
    List<Integer> configurations;
    boolean strictTargets;

    public static void main(String[] args) {
        Api.exit(new ClusterMembersBench().parse(args)::run);
    }

    ClusterMembersBench parse(String[] args) {
        Options o = new Options(args);
        httpPort = o.integer("--http-port", -1);
        dbPort = o.integer("--db-port", -1);
        String ports = o.text("--member-ports", null);
        String folder = o.text("--run", null);
        threads = o.integer("--threads", threads);
        deals = o.integer("--deals", deals);
        seconds = o.integer("--seconds", seconds);
        settleSeconds = o.integer("--settle", settleSeconds);
        warmupSeconds = o.integer("--warmup", warmupSeconds);
        rounds = o.integer("--rounds", rounds);
        String configs = o.text("--configurations", "1,2,3");
        strictTargets = o.flag("--strict-targets");
        o.requireKnown();
        if (httpPort < 1 || dbPort < 1 || ports == null || folder == null) {
            throw new IllegalArgumentException("--http-port (the balancer's), --db-port (the balancer's database port),"
                    + " --member-ports p1,p2,... and --run (the cluster's run folder) are required");
        }
        memberPorts = Arrays.stream(ports.split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        configurations = Arrays.stream(configs.split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        run = Path.of(folder);
        if (threads < 1
                || threads > 256
                || seconds < 1
                || seconds > 3600
                || settleSeconds < 0
                || settleSeconds > 600
                || warmupSeconds < 0
                || warmupSeconds > 600
                || rounds < 1
                || rounds > 20
                || configurations.isEmpty()
                || configurations.stream().anyMatch(c -> c < 1 || c > memberPorts.size())
                || !configurations.contains(1)) {
            throw new IllegalArgumentException("out of bounds: threads 1..256, seconds 1..3600, settle 0..600,"
                    + " warmup 0..600, rounds 1..20, configurations: members in service, 1.." + memberPorts.size()
                    + ", 1 among them (the baseline)");
        }
        return this;
    }

    // ---- the processes measured ------------------------------------------------------------------------------------

    /** Each member's JVM (Payara Micro, found by its --port), in the order of --member-ports. */
    long[] members;
    /** Each Galera node's mariadbd (run/mariadbd<n>.pid), node 1 first. */
    final List<Long> nodes = new ArrayList<>();

    long balancer;
    /** The node that takes the writes (index into {@link #nodes}). */
    int writer = -1;

    final long self = Procs.self();
    Connection writeNode;
    static final List<String> WSREP = List.of("wsrep_replicated", "wsrep_replicated_bytes");

    /**
     * The figures read around each window, in this order: each member's ticks, each node's ticks, the balancer's,
     * this bench's, the machine's busy and all ticks, the write node's write sets and their bytes.
     */
    long[] sample() {
        int m = members.length;
        int n = nodes.size();
        long[] v = new long[m + n + 6];
        for (int i = 0; i < m; i++) {
            v[i] = Procs.ticks(members[i]);
        }
        for (int i = 0; i < n; i++) {
            v[m + i] = Procs.ticks(nodes.get(i));
        }
        v[m + n] = Procs.ticks(balancer);
        v[m + n + 1] = Procs.ticks(self);
        long[] machine = Procs.machine();
        v[m + n + 2] = machine[0];
        v[m + n + 3] = machine[1];
        try {
            if (writeNode == null) {
                writeNode = Db.connect(dbPort);
            }
            long[] w = Db.status(writeNode, WSREP);
            v[m + n + 4] = w[0];
            v[m + n + 5] = w[1];
        } catch (SQLException e) {
            writeNode = null;
        }
        return v;
    }

    void findProcesses() throws IOException, SQLException {
        members = new long[memberPorts.size()];
        for (int i = 0; i < members.length; i++) {
            members[i] = Procs.product(memberPorts.get(i));
            if (members[i] < 0) {
                throw new IllegalStateException("no Payara Micro serves port " + memberPorts.get(i));
            }
        }
        for (int n = 1; Files.exists(run.resolve("mariadbd" + n + ".pid")); n++) {
            nodes.add(pidFrom(run.resolve("mariadbd" + n + ".pid"), "mariadbd"));
        }
        if (nodes.isEmpty()) {
            throw new IllegalStateException("no database node's pid file (mariadbd<n>.pid) in " + run);
        }
        balancer = pidFrom(run.resolve("haproxy.pid"), "haproxy");
        try (Connection db = Db.connect(dbPort)) {
            String name = String.valueOf(Db.one(db, "SELECT @@wsrep_node_name")[0]); // db<n>, galera.cnf
            writer = Integer.parseInt(name.replaceAll("\\D", "")) - 1;
        }
        System.out.printf(
                Locale.ROOT,
                "processes measured: members %s, database nodes %s (db%d takes the writes), balancer %d, bench %d%n",
                Arrays.toString(members),
                nodes,
                writer + 1,
                balancer,
                self);
    }

    static long pidFrom(Path file, String command) throws IOException {
        long pid = Long.parseLong(Files.readString(file).trim());
        String comm = Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        if (!comm.startsWith(command)) {
            throw new IllegalStateException(file + " names process " + pid + " (" + comm + "), not " + command);
        }
        return pid;
    }

    // ---- the balancer ----------------------------------------------------------------------------------------------

    /** One command to HAProxy's admin socket (run/haproxy.sock), its answer. */
    String admin(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(run.resolve("haproxy.sock")));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(16384);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                answer.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
            return answer.toString(StandardCharsets.US_ASCII);
        }
    }

    /** The columns of the backend "api"'s server m<i> in HAProxy's "show stat", by name, for each member. */
    List<Map<String, String>> apiServers() throws IOException {
        String[] lines = admin("show stat").split("\n");
        List<String> header = List.of(lines[0].replaceFirst("^# ", "").split(",", -1));
        List<Map<String, String>> servers = new ArrayList<>();
        for (int i = 0; i < memberPorts.size(); i++) {
            servers.add(Map.of());
        }
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            if (cells.length < 2 || !cells[0].equals("api") || !cells[1].matches("m\\d+")) {
                continue;
            }
            int i = Integer.parseInt(cells[1].substring(1)) - 1;
            if (i < servers.size()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < Math.min(header.size(), cells.length); c++) {
                    row.put(header.get(c), cells[c]);
                }
                servers.set(i, row);
            }
        }
        return servers;
    }

    /** Purchases (2xx answers) each member gave through the balancer so far. */
    long[] answered() throws IOException {
        List<Map<String, String>> servers = apiServers();
        long[] v = new long[servers.size()];
        for (int i = 0; i < v.length; i++) {
            String x = servers.get(i).getOrDefault("hrsp_2xx", "");
            v[i] = x.isEmpty() ? 0 : Long.parseLong(x);
        }
        return v;
    }

    /**
     * Members 1..{@code count} in the API's backend, the others out of it (maintenance: no requests, no health checks);
     * waits until the balancer shows exactly that (a member put back is UP after two good checks a second apart).
     */
    void serve(int count) throws IOException, InterruptedException {
        for (int i = 1; i <= memberPorts.size(); i++) {
            String answer = admin((i <= count ? "enable" : "disable") + " server api/m" + i)
                    .trim();
            if (!answer.isEmpty()) {
                throw new IllegalStateException("the balancer refused to switch member " + i + ": " + answer);
            }
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        String states = "";
        while (System.nanoTime() < deadline) {
            List<Map<String, String>> servers = apiServers();
            boolean done = true;
            StringBuilder seen = new StringBuilder();
            for (int i = 0; i < servers.size(); i++) {
                String status = servers.get(i).getOrDefault("status", "?");
                seen.append(" m").append(i + 1).append('=').append(status);
                done &= i < count ? status.equals("UP") : status.startsWith("MAINT");
            }
            states = seen.toString();
            if (done) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                "the balancer did not put members 1.." + count + " in service within 60 s:" + states);
    }

    // ---- the run ---------------------------------------------------------------------------------------------------

    /** What a configuration did in one window (or several added up), with its members' answers. */
    record Window(Stats stats, long[] answered) {}

    int run() throws Exception {
        PurchaseBench purchases = new PurchaseBench().parse(new String[] {
            "--http-port",
            Integer.toString(httpPort),
            "--db-port",
            Integer.toString(dbPort),
            "--threads",
            Integer.toString(threads),
            "--deals",
            Integer.toString(deals),
            "--phases",
            "http-spread",
            "--no-profile",
            "--dumps",
            "0"
        });
        System.out.printf(
                Locale.ROOT,
                "cluster members bench, %s: purchases through the balancer (port %d) with %s members in service of %d,"
                        + " %d client threads on %d spread deals; %d s per configuration and round after %d s of settling,"
                        + " %d rounds (every second one reversed), %d s of warm-up with every member in service%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                httpPort,
                configurations,
                memberPorts.size(),
                threads,
                deals,
                seconds,
                settleSeconds,
                rounds,
                warmupSeconds);
        System.out.println(
                "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + PurchaseBench.load());
        findProcesses();
        serve(memberPorts.size());
        PurchaseBench.awaitReady(httpPort);
        long t0 = System.nanoTime();
        purchases.setUp();
        System.out.printf(Locale.ROOT, "set up through the API in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        purchases.cpu = new PurchaseBench.CpuMeter(-1, -1, -1); // unused: this bench reads its own processes
        purchases.dbCounters = new PurchaseBench.DbCounters(dbPort); // the write node's, through the balancer
        purchases.alsoMeasured = this::sample;
        Phase phase = new Phase("HTTP", false, httpPort, 0);

        long sold = 0;
        long unknown = 0;
        if (warmupSeconds > 0) {
            Stats warm = purchases.runPhase(phase, warmupSeconds, null);
            sold += warm.ok;
            unknown += warm.unknown;
            System.out.printf(
                    Locale.ROOT,
                    "%nwarm-up, %d members in service: %.1f purchases/s, p99 %.1f ms%s%n",
                    memberPorts.size(),
                    warm.rate(),
                    warm.percentile(0.99),
                    warm.failed() > 0 ? " (" + warm.failed() + " failed: " + warm.failureSummary() + ")" : "");
        }

        Map<Integer, Stats> totals = new LinkedHashMap<>();
        List<Map<Integer, Stats>> byRound = new ArrayList<>();
        Map<Integer, long[]> answeredTotals = new LinkedHashMap<>();
        for (int c : configurations) {
            totals.put(c, new Stats());
            answeredTotals.put(c, new long[memberPorts.size()]);
        }
        System.out.printf(Locale.ROOT, "%n%5s %7s %s%n", "round", "members", HEADER);
        try {
            for (int round = 1; round <= rounds; round++) {
                Map<Integer, Stats> thisRound = new LinkedHashMap<>();
                byRound.add(thisRound);
                List<Integer> order = new ArrayList<>(configurations);
                if (round % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (int count : order) {
                    serve(count);
                    if (settleSeconds > 0) {
                        Stats settle = purchases.runPhase(phase, settleSeconds, null);
                        sold += settle.ok;
                        unknown += settle.unknown;
                    }
                    long[] before = answered();
                    Stats s = purchases.runPhase(phase, seconds, null);
                    long[] by = answered();
                    for (int i = 0; i < by.length; i++) {
                        by[i] -= before[i];
                        answeredTotals.get(count)[i] += by[i];
                    }
                    sold += s.ok;
                    unknown += s.unknown;
                    totals.get(count).add(s);
                    thisRound.put(count, s);
                    System.out.printf(Locale.ROOT, "%5d %s%n", round, row(count, new Window(s, by)));
                }
            }
        } finally {
            serve(memberPorts.size());
        }

        System.out.printf(Locale.ROOT, "%nall rounds together:%n%5s %7s %s%n", "", "members", HEADER);
        for (int c : configurations) {
            System.out.printf(Locale.ROOT, "%5s %s%n", "all", row(c, new Window(totals.get(c), answeredTotals.get(c))));
        }
        System.out.println(LEGEND);
        boolean met = summary(totals, byRound);
        latencies(totals);
        System.out.println("machine after the run: " + PurchaseBench.load());

        int exit = 0;
        for (Map.Entry<Integer, Stats> e : totals.entrySet()) {
            Stats s = e.getValue();
            if (s.failed() > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "%s: %d members: %d of %d purchases failed: %s%n",
                        s.failed() * 100L > s.attempts() ? "FAIL" : "note",
                        e.getKey(),
                        s.failed(),
                        s.attempts(),
                        s.failureSummary());
                if (s.failed() * 100L > s.attempts()) {
                    exit = 1;
                }
            }
        }
        if (!purchases.verify(0, 0, sold, unknown)) {
            exit = 2;
        }
        if (strictTargets && !met && exit == 0) {
            exit = 4;
        }
        return exit;
    }

    static final String HEADER = String.format(
            Locale.ROOT,
            "%7s %7s %11s %8s %8s | %8s %8s | %8s %8s %8s | %8s %8s %6s %7s | %5s %5s %5s | %s",
            "ok",
            "failed",
            "purchases/s",
            "p50 ms",
            "p99 ms",
            "in-svc",
            "out-svc",
            "db-write",
            "db-other",
            "balancer",
            "cluster",
            "/core-s",
            "cores",
            "machine",
            "bench",
            "other",
            "wsets",
            "purchases answered by m1, m2, ...");

    static final String LEGEND =
            "(CPU milliseconds per purchase made, over the measured windows: in-svc the JVMs of the"
                    + " members in service, out-svc those out of it (no requests from the balancer, but still in the data grid"
                    + " and running the jobs: they deliver their share of the confirmation mails), db-write the Galera node that"
                    + " takes the writes, db-other the other nodes (applying the write sets), balancer HAProxy; cluster = in-svc"
                    + " + out-svc + db-write + db-other + balancer, /core-s the purchases per CPU-second of that, cores the cores"
                    + " it kept busy; machine: share of both cores busy; bench this client; other the rest of the machine (the"
                    + " mail catcher among it); wsets: write sets the write node replicated per purchase)";

    /** Milliseconds of CPU per purchase of the figures of {@link #sample()}, by role, for {@code count} in service. */
    record Cost(
            double inService,
            double outOfService,
            double dbWrite,
            double dbOther,
            double balancer,
            double bench,
            double other,
            double machineBusy,
            double writeSets,
            double writeSetBytes,
            double cores) {
        /**
         * Every process of the cluster: the members out of the balancer too, because the product's jobs run on every
         * member and take work wherever it was queued (a purchase's confirmation mail is delivered by whichever
         * member claims it first).
         */
        double cluster() {
            return members() + dbWrite + dbOther + balancer;
        }

        double members() {
            return inService + outOfService;
        }

        double perCoreSecond() {
            return cluster() == 0 ? 0 : 1000 / cluster();
        }
    }

    Cost cost(int count, Stats s) {
        long[] v = s.also;
        int m = members.length;
        int n = nodes.size();
        if (v.length < m + n + 6 || s.ok == 0) {
            return new Cost(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        double per = Procs.TICK_MS / s.ok;
        long in = 0;
        long out = 0;
        for (int i = 0; i < m; i++) {
            if (i < count) {
                in += v[i];
            } else {
                out += v[i];
            }
        }
        long write = v[m + writer];
        long others = 0;
        for (int i = 0; i < n; i++) {
            others += i == writer ? 0 : v[m + i];
        }
        long lb = v[m + n];
        long bench = v[m + n + 1];
        long busy = v[m + n + 2];
        long all = v[m + n + 3];
        long other = Math.max(0, busy - in - out - write - others - lb - bench);
        double seconds = s.nanos / 1e9;
        return new Cost(
                in * per,
                out * per,
                write * per,
                others * per,
                lb * per,
                bench * per,
                other * per,
                all == 0 ? 0 : 100.0 * busy / all,
                v[m + n + 4] / (double) s.ok,
                v[m + n + 5] / (double) s.ok,
                (in + out + write + others + lb) * Procs.TICK_MS / 1000 / seconds);
    }

    String row(int count, Window w) {
        Stats s = w.stats();
        Cost c = cost(count, s);
        return String.format(
                Locale.ROOT,
                "%7d %7d %7d %11.1f %8.1f %8.1f | %8.2f %8.2f | %8.2f %8.2f %8.2f | %8.2f %8.1f %6.2f %6.0f%% | %5.2f %5.2f"
                        + " %5.2f | %s",
                count,
                s.ok,
                s.failed(),
                s.rate(),
                s.percentile(0.50),
                s.percentile(0.99),
                c.inService(),
                c.outOfService(),
                c.dbWrite(),
                c.dbOther(),
                c.balancer(),
                c.cluster(),
                c.perCoreSecond(),
                c.cores(),
                c.machineBusy(),
                c.bench(),
                c.other(),
                c.writeSets(),
                String.join(
                        ", ",
                        Arrays.stream(w.answered()).mapToObj(Long::toString).toList()));
    }

    /**
     * The summary table and the target: purchases per CPU-second of the whole cluster with N members in service
     * against 1 member's, over all rounds; then the same ratio per round, to show how much the rounds agree.
     */
    boolean summary(Map<Integer, Stats> totals, List<Map<Integer, Stats>> byRound) {
        Stats one = totals.get(1);
        Cost base = cost(1, one);
        System.out.printf(
                Locale.ROOT,
                "%nsummary (all rounds; CPU ms per purchase; per core = purchases per CPU-second of the whole cluster:"
                        + " every member, every Galera node and the balancer, against 1 member in service):%n");
        System.out.printf(
                Locale.ROOT,
                "| members in service | purchases/s | vs 1 | p99 ms | members' CPU (in service + out) | MariaDB CPU"
                        + " (write node + others) | balancer | cluster CPU | purchases per core-second | per core vs 1"
                        + " member | members' CPU vs 1 |%n");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        boolean met = true;
        for (Map.Entry<Integer, Stats> e : totals.entrySet()) {
            int count = e.getKey();
            Stats s = e.getValue();
            Cost c = cost(count, s);
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.1f | %.2f | %.0f | %.2f (%.2f + %.2f) | %.2f (%.2f + %.2f) | %.2f | %.2f | %.0f | **%.2f** |"
                            + " %.2f |%n",
                    count,
                    s.rate(),
                    one.rate() == 0 ? 0 : s.rate() / one.rate(),
                    s.percentile(0.99),
                    c.members(),
                    c.inService(),
                    c.outOfService(),
                    c.dbWrite() + c.dbOther(),
                    c.dbWrite(),
                    c.dbOther(),
                    c.balancer(),
                    c.cluster(),
                    c.perCoreSecond(),
                    ratio(base.cluster(), c.cluster()),
                    ratio(base.members(), c.members()));
        }
        System.out.printf(Locale.ROOT, "%ntarget: purchases per core with N members >= %.2f x 1 member's:%n", TARGET);
        for (Map.Entry<Integer, Stats> e : totals.entrySet()) {
            if (e.getKey() != 1) {
                met &= PurchaseBench.target(
                        e.getKey() + " members against 1",
                        ratio(base.cluster(), cost(e.getKey(), e.getValue()).cluster()),
                        TARGET);
            }
        }
        for (int r = 0; r < byRound.size(); r++) {
            Map<Integer, Stats> round = byRound.get(r);
            double first = cost(1, round.get(1)).cluster();
            StringBuilder line = new StringBuilder();
            for (int count : configurations) {
                if (count != 1) {
                    line.append(String.format(
                            Locale.ROOT,
                            "  %d against 1: %.2f",
                            count,
                            ratio(first, cost(count, round.get(count)).cluster())));
                }
            }
            System.out.printf(Locale.ROOT, "  round %d alone:%s%n", r + 1, line);
        }
        return met;
    }

    /** How many times more purchases per CPU-second: the baseline's cost over this one's (0 when either is unknown). */
    static double ratio(double baseCost, double cost) {
        return baseCost == 0 || cost == 0 ? 0 : baseCost / cost;
    }

    /**
     * What the write node costs per purchase, and so how many purchases one write node carries if its CPU were the
     * only limit (every configuration added up: the write node does the same work whatever the members).
     */
    void latencies(Map<Integer, Stats> totals) {
        Stats all = new Stats();
        totals.values().forEach(all::add);
        Cost c = cost(members.length, all); // which members are in service does not matter for the database's figures
        double commits =
                all.ok == 0 ? 0 : all.db[PurchaseBench.DbCounters.NAMES.indexOf("Com_commit")] / (double) all.ok;
        double requests =
                all.ok == 0 ? 0 : all.db[PurchaseBench.DbCounters.NAMES.indexOf("Questions")] / (double) all.ok;
        System.out.printf(
                Locale.ROOT,
                "%nthe write node (db%d), all configurations: %.2f ms CPU per purchase (the other nodes %.2f together),"
                        + " %.1f requests, %.2f commits and %.2f write sets of %.0f bytes per purchase:"
                        + " if its CPU were the limit, one core of it carries %.0f purchases/s, 8 cores about %.0f%n",
                writer + 1,
                c.dbWrite(),
                c.dbOther(),
                requests,
                commits,
                c.writeSets(),
                c.writeSets() == 0 ? 0 : c.writeSetBytes() / c.writeSets(),
                c.dbWrite() == 0 ? 0 : 1000 / c.dbWrite(),
                c.dbWrite() == 0 ? 0 : 8 * 1000 / c.dbWrite());
    }
}
