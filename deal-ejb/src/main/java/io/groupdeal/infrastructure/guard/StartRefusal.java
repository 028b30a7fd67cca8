package io.groupdeal.infrastructure.guard;

/**
 * Ends a start the product refuses. On Payara Micro the process is the product, and a Micro whose deployment failed
 * stays up serving nothing (a process that looks alive to a supervisor): it exits with status {@value #EXIT_STATUS},
 * the status the launchers give up with too. On a full application server the failed deployment is the refusal.
 */
public final class StartRefusal {

    public static final int EXIT_STATUS = 3;
    /** Payara's shutdown hooks get this long; a hook that hangs must not keep the refused process alive. */
    private static final long HALT_AFTER_MILLIS = 20_000;

    private StartRefusal() {}

    /**
     * On Payara Micro, exits from a thread of its own: the calling thread must first fail the deployment (by throwing)
     * and let go of the deployment's locks, which Payara's shutdown hooks take too. The reason also goes to standard
     * error, in case the log handler's queue is not written out before the process ends.
     */
    public static void exitSoon(String reason) {
        if (!onPayaraMicro()) {
            return;
        }
        System.err.println("GroupDeal refused to start: " + reason);
        System.err.flush();
        Thread exit = new Thread(
                () -> {
                    Thread halt = new Thread(
                            () -> {
                                try {
                                    Thread.sleep(HALT_AFTER_MILLIS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                Runtime.getRuntime().halt(EXIT_STATUS);
                            },
                            "deal-start-refusal-halt");
                    halt.setDaemon(true);
                    halt.start();
                    System.exit(EXIT_STATUS);
                },
                "deal-start-refusal-exit");
        exit.start();
    }

    private static boolean onPayaraMicro() {
        try {
            Class.forName("fish.payara.micro.PayaraMicro", false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
