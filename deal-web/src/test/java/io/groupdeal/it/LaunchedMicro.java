package io.groupdeal.it;

import io.groupdeal.devserver.ItServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro of its own, started as {@code config/payara/run-micro.sh} starts it: the WAR the build made, the run's
 * preboot commands, the run's coverage agent (ItServer), a port of its own and only the DEAL_ environment a test gives it (besides the IT database's user
 * and a mail host). For the ITs about how the product starts, which cannot use the run's shared server; its output goes
 * to a log file next to the IT data.
 */
record LaunchedMicro(Process process, Path log) {

    /**
     * The resource lock of the ITs that run alongside the others with a server of their own: one such server boots at
     * a time, beside the run's shared one (two cores).
     */
    static final String SECOND_SERVER = "second-server";

    /** A server for a test of its start: with the quick JIT ({@link ItServer#QUICK_JIT}). */
    static LaunchedMicro start(String name, int httpPort, Map<String, String> deal) throws IOException {
        return start(name, httpPort, deal, List.of(ItServer.QUICK_JIT));
    }

    /**
     * A server for a test of what it does under load (hashing at the production cost): with the JIT production has, so
     * that the work costs what it costs there.
     */
    static LaunchedMicro startOptimised(String name, int httpPort, Map<String, String> deal) throws IOException {
        return start(name, httpPort, deal, List.of());
    }

    private static LaunchedMicro start(String name, int httpPort, Map<String, String> deal, List<String> jit)
            throws IOException {
        Path log =
                Files.createTempFile(Path.of(System.getProperty("deal.it.data")).getParent(), name + "-", ".log");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jit);
        command.addAll(ItServer.coverageAgent());
        command.addAll(List.of(
                "-jar",
                System.getProperty("deal.it.micro"),
                "--deploy",
                System.getProperty("deal.it.war"),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(httpPort),
                "--nocluster",
                "--nohazelcast",
                "--prebootcommandfile",
                System.getProperty("deal.it.preboot")));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(variable -> variable.startsWith("DEAL_"));
        env.put("DEAL_DB_USER", "deal");
        env.put("DEAL_DB_PASSWORD", "deal");
        env.put("DEAL_SMTP_HOST", "127.0.0.1");
        env.putAll(deal);
        return new LaunchedMicro(builder.start(), log);
    }

    /** The end of its log, for a failure's message. */
    String tail() throws IOException {
        String output = Files.readString(log);
        return output.substring(Math.max(0, output.length() - 4000));
    }

    /**
     * Stops it as an operator would (SIGTERM), so that the coverage agent writes what the ITs ran; SIGKILL only when it
     * has not ended within 30 s.
     */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
