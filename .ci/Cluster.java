import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.groupdeal.it.script.Api;
import io.groupdeal.it.script.Api.Account;
import io.groupdeal.it.script.Api.DealShape;
import io.groupdeal.it.script.Api.Reply;
import io.groupdeal.it.script.Checks;
import io.groupdeal.it.script.Sql;

import static io.groupdeal.it.script.Api.ID;
import static io.groupdeal.it.script.Api.expect;
import static io.groupdeal.it.script.Api.first;
import static io.groupdeal.it.script.Checks.check;
import static io.groupdeal.it.script.Checks.pause;
import static io.groupdeal.it.script.Sql.count;
import static io.groupdeal.it.script.Sql.text;

/**
 * The cluster test's client, run by .ci/cluster against config/cluster/local.sh (JDK 17 single-file program; the MySQL
 * driver and the ITs' classes on the class path, for LedgerCheck and io.groupdeal.it.script, what it shares with
 * .ci/Faults.java). Only 127.0.0.1; every loop is bounded in count and
 * time, every request has a client timeout. In order:
 * <ol>
 * <li>1,000 buyers on a deal of 100, spread over every member: exactly 100 sold, 900 refused sold-out;</li>
 * <li>50 parallel redeems of one code across the members: one success, 49 already-redeemed;</li>
 * <li>the same Idempotency-Key on three members at once, 10 times: one order each time;</li>
 * <li>reads spread: catalog searches through the balancer reach every database node through the members' read pools,
 * while the write pools' connections all stay on one node;</li>
 * <li>kill -9 of one member during a flash sale of 100 for 300 buyers through the balancer, every buyer retrying
 * with its key: every 201 present after, nothing oversold, ledger and orders agree;</li>
 * <li>kill -9 of the Galera node that takes the writes under purchase load: writes carry on after a few seconds of
 * 503, never a 500, every 201 present after;</li>
 * <li>a page survives the member that served it: the merchant's deals page read through the balancer, that member
 * killed with kill -9, then the page's Publish button pressed: another member takes the postback with the page's
 * session from the data grid, and the deal is published (not "page expired");</li>
 * <li>each mail sent once: the catcher holds exactly as many mails as the outbox sent.</li>
 * </ol>
 * Prints "PASS name: ..." or "FAIL name: ..." per check; exit status 1 when a check failed, 2 when the run could not be
 * made at all.
 */
public final class Cluster {

    static final String PASSWORD = "cluster-test-password";

    public static void main(String[] args) throws Exception {
        try {
            new Cluster(Checks.options(args, 0)).run();
        } catch (Exception e) {
            Checks.couldNotRun("cluster test", e);
        }
        Checks.exit();
    }

    final int balancer;
    final List<Integer> members = new ArrayList<>();
    final Path run;
    final Path mail;
    final String dbUrl;
    final String dbPassword;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
    final Api api = new Api(http);
    /** Every answer with status 500 or any other 5xx than 502/503 (never allowed), with where it came from. */
    final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
    String merchantToken;
    String storeId;
    String templateBuyer;

    Cluster(Map<String, String> options) throws IOException {
        balancer = Integer.parseInt(options.get("http-port"));
        for (String port : options.get("member-ports").split(",")) {
            members.add(Integer.parseInt(port));
        }
        run = Path.of(options.get("run"));
        mail = Path.of(options.get("mail"));
        dbUrl = "jdbc:mysql://127.0.0.1:" + options.get("db-port") + "/deal?sslMode=DISABLED&connectTimeout=5000&socketTimeout=30000";
        dbPassword = Files.readString(Path.of(options.get("db-password-file"))).trim();
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------------

    /** A request through {@link Api#send}; an answer 500, or any 5xx but 502/503, is noted as a server error. */
    Reply send(int port, String method, String path, String token, String key, String body, Duration timeout)
            throws IOException, InterruptedException {
        Reply reply = api.send(port, method, path, token, key, body, timeout);
        if (reply.status() >= 500 && reply.status() != 502 && reply.status() != 503) {
            serverErrors.add(method + " " + path + " on port " + port + ": " + reply.status() + " " + abbreviate(reply.body()));
        }
        return reply;
    }

    static String abbreviate(String text) {
        return Checks.abbreviate(text, 200);
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(dbUrl, "deal", dbPassword);
    }

    // ---- set-up ----------------------------------------------------------------------------------------------------

    void run() throws Exception {
        long started = System.nanoTime();
        setUp();
        saleAcrossMembers();
        redeemRace();
        sameKeyOnThreeMembers();
        readsSpread();
        memberKilledDuringSale();
        databaseNodeKilled();
        pageSurvivesItsMember();
        mailsOnce();
        check("never a 500 (nor any 5xx but 502/503 from a member or node that was killed)", serverErrors.isEmpty(),
                serverErrors.isEmpty() ? "none" : serverErrors.size() + ": " + new ArrayList<>(serverErrors).subList(0, Math.min(5, serverErrors.size())));
        System.out.println("cluster test: took " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s");
    }

    void setUp() throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Duration timeout = Duration.ofSeconds(60);
        String merchant = "cluster-" + runId + "@cluster.groupdeal.io";
        // new businesses are moderated: the operator .ci/cluster starts the cluster with (DEAL_ADMIN_EMAIL, no demo
        // data) lets this one publish straight away
        merchantToken = api.unmoderatedMerchant(balancer, "Cluster Test " + runId, merchant, PASSWORD,
                new Account("operator@cluster.groupdeal.io", "cluster-operator-password"), timeout);
        storeId = api.store(balancer, merchantToken, "Cluster Store", timeout);
        String buyer = "cluster-buyer-" + runId + "@cluster.groupdeal.io";
        templateBuyer = first(ID, expect(send(balancer, "POST", "/api/v1/buyers", null, null, "{\"email\":\"" + buyer
                + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Cluster Buyer\"}", timeout), 201, "buyer").body());
        System.out.println("setup: merchant " + merchant + ", store " + storeId + ", members on ports " + members
                + ", balancer on " + balancer);
    }

    String deal(String title, int maxQuantity, int perBuyerLimit, int minBuyers) throws Exception {
        return api.published(balancer, merchantToken, new DealShape(title, "Bought on every member.", minBuyers, maxQuantity,
                perBuyerLimit), Duration.ofSeconds(30));
    }

    /** Buyers made in the database ({@link Sql#buyers}), as .ci/faults makes its flash sale's. */
    List<String> buyers(int count) throws Exception {
        try (Connection db = database()) {
            db.setAutoCommit(false);
            List<String> tokens = Sql.buyers(db, templateBuyer, "0CLSTR", "Cluster", "cluster.groupdeal.io", 2, count);
            db.commit();
            return tokens;
        }
    }

    static String orderBody(String dealId) {
        return Api.orderBody(dealId, 1, "tok_ok");
    }
    /** What one buyer's purchase came to after its retries. */
    record Outcome(String key, int status, String orderId, String problem, int attempts, int port) {
    }

    /**
     * One purchase with one key, sent again with the same key on 502, 503 and lost connections (to the next member
     * when {@code rotate}, else to the same port) until a final answer: 201, 402, 409, or a 503 that is the order's own
     * final answer (payment-unavailable: released unpaid). At most {@code boundMillis}.
     */
    Outcome buy(String token, String dealId, int firstPort, boolean rotate, long boundMillis) throws InterruptedException {
        String key = "cluster-" + UUID.randomUUID();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(boundMillis);
        int attempts = 0;
        int port = firstPort;
        Reply last = null;
        while (System.nanoTime() < deadline) {
            attempts++;
            try {
                last = send(port, "POST", "/api/v1/orders", token, key, orderBody(dealId), Duration.ofSeconds(30));
                if (last.status() == 201 || last.status() == 200) {
                    return new Outcome(key, 201, first(ID, last.body()), null, attempts, port);
                }
                if (last.status() != 502 && last.status() != 503) {
                    return new Outcome(key, last.status(), null, last.problemName(), attempts, port);
                }
            } catch (IOException e) {
                last = null;
            }
            Thread.sleep(last != null && last.retryAfter() != null ? Math.min(2_000, 500L * Integer.parseInt(last.retryAfter())) : 500);
            if (rotate) {
                port = members.get((members.indexOf(port) + 1) % members.size());
            }
        }
        return new Outcome(key, last == null ? -1 : last.status(), null, last == null ? "no answer" : last.problemName(), attempts, port);
    }

    static Map<String, Long> tally(List<Outcome> outcomes) {
        Map<String, Long> byAnswer = new TreeMap<>();
        outcomes.forEach(o -> byAnswer.merge(o.status + (o.problem == null ? "" : " " + o.problem), 1L, Long::sum));
        return byAnswer;
    }

    List<Outcome> sale(List<String> tokens, String dealId, int parallel, java.util.function.IntUnaryOperator portOf, boolean rotate,
                       long boundMillis, Runnable whileRunning) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int b = 0; b < tokens.size(); b++) {
            int buyer = b;
            pool.submit(() -> {
                go.await();
                outcomes.add(buy(tokens.get(buyer), dealId, portOf.applyAsInt(buyer), rotate, boundMillis));
                return null;
            });
        }
        go.countDown();
        if (whileRunning != null) {
            whileRunning.run();
        }
        pool.shutdown();
        if (!pool.awaitTermination(boundMillis * 4 + 120_000, TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("the sale did not end in time");
        }
        return new ArrayList<>(outcomes);
    }

    boolean ledgerAgrees(Connection db, List<String> deals, int boundSeconds, String what) throws Exception {
        long since = System.nanoTime();
        int open = Sql.unsettledAfter(db, deals, boundSeconds);
        check(what + ": every reservation and payment task settled", open == 0, open == 0 ? "nothing RESERVED, no payment task"
                + " open after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since) + " ms" : open + " still open after " + boundSeconds + " s");
        io.groupdeal.it.LedgerCheck ledger = io.groupdeal.it.LedgerCheck.run(db, deals);
        check(what + ": ledger and orders agree (LedgerCheck)", ledger.agrees(), abbreviate(ledger.report()));
        return open == 0 && ledger.agrees();
    }

    /** Every order answered 201 is in the database. */
    void every201Present(Connection db, List<Outcome> outcomes, String what) throws SQLException {
        List<String> missing = new ArrayList<>();
        long answered = 0;
        for (Outcome o : outcomes) {
            if (o.status == 201) {
                answered++;
                if (o.orderId == null || count(db, "SELECT COUNT(*) FROM purchase_order WHERE id = ? AND released_at IS NULL", o.orderId) != 1) {
                    missing.add(o.key + " -> " + o.orderId);
                }
            }
        }
        check(what + ": every 201 is an order that holds its stock", missing.isEmpty() && answered > 0, answered + " answered 201, "
                + missing.size() + " missing or released" + (missing.isEmpty() ? "" : " " + missing.subList(0, Math.min(5, missing.size()))));
    }

    // ---- 1. a thousand buyers on a deal of 100, spread over every member -------------------------------------------

    void saleAcrossMembers() throws Exception {
        String dealId = deal("Cluster sale of 100", 100, 1, 10);
        List<String> tokens = buyers(1000);
        long started = System.nanoTime();
        List<Outcome> outcomes = sale(tokens, dealId, 120, b -> members.get(b % members.size()), true, 120_000, null);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Map<String, Long> byAnswer = tally(outcomes);
        Map<Integer, Long> soldBy = new TreeMap<>();
        outcomes.stream().filter(o -> o.status == 201).forEach(o -> soldBy.merge(o.port, 1L, Long::sum));
        long ok = byAnswer.getOrDefault("201", 0L);
        long soldOut = byAnswer.getOrDefault("409 sold-out", 0L);
        check("1,000 buyers on a deal of 100 over every member: exactly 100 sold, 900 sold-out", ok == 100 && soldOut == 900
                && soldBy.size() == members.size(), byAnswer + " in " + took + " ms; 201s by member port " + soldBy
                + "; retries " + outcomes.stream().mapToInt(o -> o.attempts - 1).sum());
        try (Connection db = database()) {
            long sold = count(db, "SELECT sold FROM deal WHERE id = ?", dealId);
            long coupons = count(db, "SELECT COUNT(*) FROM coupon WHERE deal_id = ?", dealId);
            check("the deal of 100: sold = coupons = 100", sold == 100 && coupons == 100, "sold " + sold + ", coupons " + coupons);
            every201Present(db, outcomes, "the deal of 100");
            ledgerAgrees(db, List.of(dealId), 60, "the deal of 100");
            saleDeal = dealId;
        }
    }

    String saleDeal;

    // ---- 2. fifty parallel redeems of one code across members ------------------------------------------------------

    void redeemRace() throws Exception {
        String code;
        try (Connection db = database()) {
            code = text(db, "SELECT code FROM coupon WHERE deal_id = ? AND status = 'ACTIVE' ORDER BY code LIMIT 1", saleDeal);
        }
        check("a coupon of the sale is ACTIVE (the deal tipped and captured)", code != null, code == null ? "none" : code);
        if (code == null) {
            return;
        }
        int racers = 50;
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < racers; r++) {
            int port = members.get(r % members.size());
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    Reply reply = null;
                    // A 503 changed nothing: the same request again (at most a few times).
                    for (int i = 0; i < 5; i++) {
                        reply = send(port, "POST", "/api/v1/counter/redemptions", merchantToken, null,
                                "{\"code\":\"" + code + "\",\"storeId\":\"" + storeId + "\"}", Duration.ofSeconds(30));
                        if (reply.status() != 503) {
                            break;
                        }
                        Thread.sleep(500);
                    }
                    answers.add(reply.status() + (reply.status() == 201 ? "" : " " + reply.problemName()));
                } catch (Exception e) {
                    answers.add(e.getClass().getSimpleName());
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(120_000);
        }
        Map<String, Long> byAnswer = new TreeMap<>();
        answers.forEach(a -> byAnswer.merge(a, 1L, Long::sum));
        try (Connection db = database()) {
            String redeemed = text(db, "SELECT redeemed_at FROM coupon WHERE code = ?", code);
            check("50 parallel redeems of one code across members: one success, 49 already-redeemed",
                    byAnswer.getOrDefault("201", 0L) == 1 && byAnswer.getOrDefault("409 already-redeemed", 0L) == racers - 1
                            && redeemed != null, byAnswer + "; coupon redeemed at " + redeemed);
        }
    }

    // ---- reads spread over every database node ----------------------------------------------------------------------

    /**
     * The members' read pools (the catalog) reach every Synced node, while the writes stay on one: 300 searches of the
     * catalog from 24 clients through the balancer, then the connections each node took for the read pools (HAProxy's
     * total sessions per server of {@code database-reads}) and for the write pools ({@code database}).
     */
    void readsSpread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        List<java.util.concurrent.Future<?>> searches = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            searches.add(pool.submit(() -> {
                try {
                    statuses.add(send(balancer, "GET", "/api/v1/catalog/deals?q=Cluster&size=20", null, null, null,
                            Duration.ofSeconds(30)).status());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }));
        }
        for (java.util.concurrent.Future<?> search : searches) {
            search.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Map<String, Long> reads = new TreeMap<>();
        Map<String, Long> writes = new TreeMap<>();
        for (String line : balancer("show stat").split("\n")) {
            String[] f = line.split(",");
            if (f.length > 7 && f[1].startsWith("db")) {
                (f[0].equals("database-reads") ? reads : f[0].equals("database") ? writes : new TreeMap<String, Long>())
                        .put(f[1], Long.parseLong(f[7]));
            }
        }
        long ok = statuses.stream().filter(status -> status == 200).count();
        check("reads spread over every database node, writes on one", ok == 300 && reads.size() == 3
                        && reads.values().stream().allMatch(n -> n > 0)
                        && writes.values().stream().filter(n -> n > 0).count() == 1,
                ok + " of 300 catalog searches answered 200; connections of the read pools per node " + reads
                        + ", of the write pools " + writes);
    }

    // ---- 3. the same Idempotency-Key on three members at once -------------------------------------------------------

    void sameKeyOnThreeMembers() throws Exception {
        String dealId = deal("Cluster keys", 1000, 1000, 1);
        String token = buyers(1).get(0);
        int rounds = 10;
        List<String> wrong = new ArrayList<>();
        Map<String, Long> byAnswer = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            String key = "cluster-same-" + UUID.randomUUID();
            CountDownLatch go = new CountDownLatch(1);
            ConcurrentHashMap<Integer, String> ids = new ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (int m = 0; m < Math.min(3, members.size()); m++) {
                int port = members.get(m);
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        Reply reply = null;
                        for (int i = 0; i < 20; i++) {
                            reply = send(port, "POST", "/api/v1/orders", token, key, orderBody(dealId), Duration.ofSeconds(30));
                            if (reply.status() != 503) {
                                break;
                            }
                            Thread.sleep(500);
                        }
                        synchronized (byAnswer) {
                            byAnswer.merge(reply.status() + (reply.status() < 300 ? "" : " " + reply.problemName()), 1L, Long::sum);
                        }
                        ids.put(port, reply.status() < 300 ? first(ID, reply.body()) : "status " + reply.status());
                    } catch (Exception e) {
                        ids.put(port, e.getClass().getSimpleName());
                    }
                });
                t.start();
                threads.add(t);
            }
            go.countDown();
            for (Thread t : threads) {
                t.join(60_000);
            }
            try (Connection db = database()) {
                long orders = count(db, "SELECT COUNT(*) FROM order_request WHERE idempotency_key = ?", key);
                if (orders != 1 || ids.values().stream().distinct().count() != 1 || ids.size() != threads.size()) {
                    wrong.add(key + ": " + orders + " orders, answers " + ids);
                }
            }
        }
        try (Connection db = database()) {
            long orders = count(db, "SELECT COUNT(*) FROM purchase_order WHERE deal_id = ?", dealId);
            check("the same Idempotency-Key on three members at once: one order, the same answer everywhere", wrong.isEmpty()
                    && orders == rounds, rounds + " keys, " + orders + " orders; answers " + byAnswer
                    + (wrong.isEmpty() ? "" : "; wrong: " + wrong));
        }
    }

    // ---- 4. kill -9 of a member during a flash sale ----------------------------------------------------------------

    void memberKilledDuringSale() throws Exception {
        String dealId = deal("Cluster flash sale", 100, 1, 10);
        List<String> tokens = buyers(300);
        int victim = members.size() >= 2 ? 2 : 1;
        long pid = Long.parseLong(Files.readString(run.resolve("member-" + victim + ".pid")).trim());
        AtomicInteger before = new AtomicInteger();
        long[] killedAt = {0};
        // Through the balancer, as buyers come: it stops sending to the dead member, and a retry with the same key
        // lands on another one.
        List<Outcome> outcomes = sale(tokens, dealId, 100, b -> balancer, false, 90_000, () -> {
            try {
                try (Connection db = database()) {
                    for (int i = 0; i < 600 && count(db, "SELECT sold FROM deal WHERE id = ?", dealId) < 15; i++) {
                        Thread.sleep(100);
                    }
                    before.set((int) count(db, "SELECT sold FROM deal WHERE id = ?", dealId));
                }
                new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
                killedAt[0] = System.nanoTime();
                System.out.println("flash sale: kill -9 member-" + victim + " (pid " + pid + ") with " + before.get() + " sold");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Map<String, Long> byAnswer = tally(outcomes);
        try (Connection db = database()) {
            ledgerAgrees(db, List.of(dealId), 90, "flash sale with a member killed");
            every201Present(db, outcomes, "flash sale with a member killed");
            long sold = count(db, "SELECT sold FROM deal WHERE id = ?", dealId);
            long coupons = count(db, "SELECT COUNT(*) FROM coupon WHERE deal_id = ?", dealId);
            long ok = byAnswer.getOrDefault("201", 0L);
            long unanswered = outcomes.stream().filter(o -> o.status != 201 && o.status != 409 && o.status != 402
                    && !"payment-unavailable".equals(o.problem)).count();
            check("flash sale with a member killed: nothing oversold, every buyer a final answer, sold = coupons = 201s",
                    sold <= 100 && sold == coupons && sold == ok && unanswered == 0, "300 buyers for 100: " + byAnswer + "; sold "
                            + sold + ", coupons " + coupons + "; killed with " + before.get() + " sold; retries "
                            + outcomes.stream().mapToInt(o -> o.attempts - 1).sum());
        }
        flashDeal = dealId;
    }

    String flashDeal;

    // ---- 5. kill -9 of the database node that takes the writes -----------------------------------------------------

    /** HAProxy's answer to one command on its admin socket. */
    String balancer(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(run.resolve("haproxy.sock")));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            StringBuilder answer = new StringBuilder();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                answer.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
            }
            return answer.toString();
        }
    }

    /** The node the balancer sends the database connections to: HAProxy's stick table. */
    int writerNode() throws IOException {
        String answer = balancer("show table database");
        Matcher m = Pattern.compile("server_id=(\\d+)").matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("no node in the balancer's table: " + answer);
        }
        return Integer.parseInt(m.group(1));
    }

    void databaseNodeKilled() throws Exception {
        String dealId = deal("Cluster database failover", 1_000_000, 1_000_000, 1);
        List<String> tokens = buyers(16);
        int node = writerNode();
        long pid = Long.parseLong(Files.readString(run.resolve("db" + node + ".pid")).trim());
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<long[]> answers = new ConcurrentLinkedQueue<>(); // {nanos at answer, status}
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < tokens.size(); c++) {
            String token = tokens.get(c);
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    String key = "cluster-db-" + UUID.randomUUID();
                    int status;
                    String orderId = null;
                    try {
                        Reply r = send(balancer, "POST", "/api/v1/orders", token, key, orderBody(dealId), Duration.ofSeconds(30));
                        status = r.status();
                        orderId = status == 201 ? first(ID, r.body()) : null;
                    } catch (Exception e) {
                        status = -1;
                    }
                    answers.add(new long[] {System.nanoTime(), status});
                    outcomes.add(new Outcome(key, status, orderId, null, 1, balancer));
                    if (status != 201) {
                        pause(200);
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        Thread.sleep(8_000);
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        long killed = System.nanoTime();
        System.out.println("database: kill -9 node db" + node + " (pid " + pid + "), which took the writes");
        Thread.sleep(30_000);
        stop.set(true);
        for (Thread t : clients) {
            t.join(40_000);
        }
        // The outage: the longest time after the kill in which no purchase was answered 201 (answers that were on
        // their way at the kill do not hide it).
        long[] times = answers.stream().filter(a -> a[1] == 201 && a[0] > killed).mapToLong(a -> a[0]).sorted().toArray();
        long gapMillis = -1;
        long previous = killed;
        for (long t : times) {
            gapMillis = Math.max(gapMillis, TimeUnit.NANOSECONDS.toMillis(t - previous));
            previous = t;
        }
        long lastTen = answers.stream().filter(a -> a[1] == 201 && a[0] > killed + TimeUnit.SECONDS.toNanos(20)).count();
        Map<Long, Long> statuses = new TreeMap<>();
        answers.stream().filter(a -> a[0] > killed).forEach(a -> statuses.merge(a[1], 1L, Long::sum));
        int newWriter = writerNode();
        check("a database node killed: writes carry on within 15 s, on another node", gapMillis >= 0 && gapMillis <= 15_000
                && lastTen > 0 && newWriter != node, "longest time without a 201 after the kill " + gapMillis
                + " ms; answers after the kill by status "
                + statuses + "; " + lastTen + " purchases in the last 10 s; writes now on db" + newWriter);
        try (Connection db = database()) {
            every201Present(db, new ArrayList<>(outcomes), "after the database node's death");
            ledgerAgrees(db, List.of(dealId), 90, "after the database node's death");
            // counted once every reservation is settled: a reservation holds stock before its coupons exist
            long sold = count(db, "SELECT sold FROM deal WHERE id = ?", dealId);
            long coupons = count(db, "SELECT COUNT(*) FROM coupon WHERE deal_id = ?", dealId);
            check("after the database node's death: sold = coupons", sold == coupons, "sold " + sold + ", coupons " + coupons);
        }
    }

    // ---- 6. a page survives its member -----------------------------------------------------------------------------

    static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    static final Pattern PUBLISH = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"Publish\"");
    static final Pattern FORM_ACTION = Pattern.compile("<form id=\"deals\"[^>]*action=\"([^\"]+)\"");

    void pageSurvivesItsMember() throws Exception {
        String dealId = api.draft(balancer, merchantToken, new DealShape("Cluster page draft",
                "Published from a page whose member died.", 1, 10, 1), Duration.ofSeconds(30));
        Map<String, String> cookies = new java.util.LinkedHashMap<>();
        cookies.put("gd_session", merchantToken);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancer + "/merchant/deals.xhtml"))
                .timeout(Duration.ofSeconds(30)).header("Cookie", cookieHeader(cookies)).GET().build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(page, cookies);
        String viewState = first(VIEW_STATE, page.body());
        String button = first(PUBLISH, page.body());
        String action = first(FORM_ACTION, page.body());
        String member = cookies.get("GDMEMBER");
        if (page.statusCode() != 200 || viewState == null || button == null || action == null || member == null
                || !cookies.containsKey("JSESSIONID")) {
            check("a page survives the member that served it", false, "the deals page did not come as expected: status "
                    + page.statusCode() + ", cookies " + cookies.keySet() + ", view state " + (viewState != null) + ", Publish button "
                    + button + ", form action " + action);
            return;
        }
        int victim = Integer.parseInt(member.substring(1));
        long pid = Long.parseLong(Files.readString(run.resolve("member-" + victim + ".pid")).trim());
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        System.out.println("page: the deals page came from member-" + victim + "; kill -9 (pid " + pid + ")");
        String form = "deals=deals&" + enc(button) + "=Publish&jakarta.faces.ViewState=" + enc(viewState);
        HttpResponse<String> post = null;
        List<String> tries = new ArrayList<>();
        // The balancer sends the postback to a live member (the dead one refuses the connection); a 502/503 while it
        // notices, or a connection it closed, is the same request again (as a browser's reload would send it). Each
        // try on a connection of its own, as a browser opens one after an error.
        for (int i = 0; i < 10 && post == null; i++) {
            try {
                HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build()
                        .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancer + action)).timeout(Duration.ofSeconds(30))
                                .header("Cookie", cookieHeader(cookies)).header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                tries.add(Integer.toString(answer.statusCode()));
                if (answer.statusCode() != 502 && answer.statusCode() != 503) {
                    post = answer;
                }
            } catch (IOException e) {
                tries.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (post == null) {
                Thread.sleep(1_000);
            }
        }
        System.out.println("page: the postback's tries: " + tries);
        if (post == null) {
            check("a page survives the member that served it (session in the data grid)", false, "no answer to the postback: " + tries);
            return;
        }
        keepCookies(post, cookies);
        Reply deal = send(balancer, "GET", "/api/v1/deals/" + dealId, merchantToken, null, null, Duration.ofSeconds(30));
        boolean published = deal.status() == 200 && deal.body().contains("\"status\":\"ON_SALE\"");
        boolean expired = post.body().contains("This page has expired");
        check("a page survives the member that served it (session in the data grid)", published && !expired
                && post.statusCode() < 400, "postback after member-" + victim + " died answered " + post.statusCode()
                + (expired ? " \"This page has expired\"" : "") + ", now on " + cookies.get("GDMEMBER") + "; the deal is "
                + (published ? "ON_SALE" : "not published: " + abbreviate(deal.body())));
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String cookieHeader(Map<String, String> cookies) {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }

    static void keepCookies(HttpResponse<?> response, Map<String, String> cookies) {
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
    }

    // ---- 7. each mail once ------------------------------------------------------------------------------------------

    /**
     * Mail is claimed in the database, so each is sent by one member. The Message-ID is the outbox row's id, so the
     * catcher's files tell which mail each is: every mail the outbox marked SENT was received, and none twice, but for
     * at most one per member killed during the test (a member that dies between sending a mail and marking it sent
     * leaves it to be sent again, which the product accepts: the same Message-ID then shows it is the same mail).
     */
    void mailsOnce() throws Exception {
        // The outbox first, then the catcher's folder: a mail is marked SENT only after the catcher kept it (it writes
        // the file before it answers), so every mail of this list is in the folder; the other way round, mails sent in
        // between would count as lost.
        List<String> sent = new ArrayList<>();
        long waiting;
        try (Connection db = database();
             PreparedStatement p = db.prepareStatement("SELECT id FROM mail_outbox WHERE status = 'SENT'");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                sent.add(r.getString(1));
            }
            waiting = count(db, "SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING'");
        }
        Map<String, Integer> got = received();
        List<String> lost = sent.stream().filter(id -> !got.containsKey(id)).toList();
        List<String> twice = got.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        check("each mail once: every mail marked SENT was received, none twice (but one per killed member at most)",
                !sent.isEmpty() && lost.isEmpty() && twice.size() <= 2, sent.size() + " SENT, " + got.size()
                        + " received (" + waiting + " still waiting in the outbox); not received: " + lost.size()
                        + (lost.isEmpty() ? "" : " " + lost.subList(0, Math.min(5, lost.size()))) + "; received twice: " + twice);
    }

    /** The catcher's mails by Message-ID (the outbox row's id), each with how many times it arrived. */
    private Map<String, Integer> received() throws IOException {
        Pattern messageId = Pattern.compile("(?im)^Message-ID:\\s*<([^@>]+)@");
        Map<String, Integer> received = new HashMap<>();
        try (var files = Files.list(mail)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                Matcher m = messageId.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
                received.merge(m.find() ? m.group(1) : "(none) " + file.getFileName(), 1, Integer::sum);
            }
        }
        return received;
    }
}
