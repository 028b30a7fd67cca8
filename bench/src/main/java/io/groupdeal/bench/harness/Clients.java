package io.groupdeal.bench.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A measured round's client threads, started together: each opens what it needs first (connections, so none is opened
 * while the clock runs) and says it is {@link Start#ready()}; the bench starts its clock and lets them all go at once.
 * A client that throws is counted as ready (no one waits for it) and its exception is kept for the bench to report.
 */
public final class Clients {

    /** One client's work: its set-up, {@link Start#ready()}, then its requests. */
    @FunctionalInterface
    public interface Client {
        void run(int index, Start start) throws Exception;
    }

    /** The start every client waits for. */
    public static final class Start {
        private final CountDownLatch ready;
        private final CountDownLatch go = new CountDownLatch(1);

        private Start(int clients) {
            this.ready = new CountDownLatch(clients);
        }

        /** Says this client is set up, and waits until the bench lets every client go. */
        public void ready() throws InterruptedException {
            ready.countDown();
            go.await();
        }
    }

    private final Start start;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Exception> errors = Collections.synchronizedList(new ArrayList<>());

    private Clients(int count) {
        this.start = new Start(count);
    }

    /** Starts {@code count} threads named bench-client-N, each running {@code client} with its index N. */
    public static Clients start(int count, Client client) {
        Clients clients = new Clients(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread t = new Thread(
                    () -> {
                        try {
                            client.run(index, clients.start);
                        } catch (Exception e) {
                            clients.errors.add(e);
                            clients.start.ready.countDown();
                        }
                    },
                    "bench-client-" + i);
            t.start();
            clients.threads.add(t);
        }
        return clients;
    }

    /** Waits until every client is set up (or has failed). */
    public void awaitReady() throws InterruptedException {
        start.ready.await();
    }

    /** Lets every client go. */
    public void go() {
        start.go.countDown();
    }

    /** Waits until every client has ended. */
    public void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    /** What the clients threw, in the order they threw it. */
    public List<Exception> errors() {
        return errors;
    }
}
