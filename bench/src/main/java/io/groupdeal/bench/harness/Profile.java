package io.groupdeal.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A JFR recording of the product (jcmd JFR.start/JFR.stop with the "profile" settings: a stack sample of every running
 * Java thread every 10 ms), summarised from {@code jfr print}: samples by kind of thread; for the HTTP request threads
 * the library on top of the stack, the top frames (self time, by method) and the product's methods anywhere on it
 * (inclusive).
 */
public final class Profile {

    private static final Pattern THREAD = Pattern.compile("sampledThread = \"([^\"]*)\"");
    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"com.mysql.", "MySQL driver"},
            new String[] {"org.eclipse.persistence.", "EclipseLink"},
            new String[] {"org.glassfish.jersey.", "Jersey"},
            new String[] {"org.glassfish.grizzly.", "Grizzly"},
            new String[] {"org.apache.catalina.", "web container"},
            new String[] {"org.glassfish.soteria.", "Soteria"},
            new String[] {"org.jboss.weld.", "Weld"},
            new String[] {"com.sun.ejb.", "EJB container"},
            new String[] {"com.sun.enterprise.resource.", "connection pool"},
            new String[] {"com.sun.enterprise.transaction.", "JTA"},
            new String[] {"com.sun.jts.", "JTA"},
            new String[] {"org.eclipse.yasson.", "JSON-B"},
            new String[] {"org.glassfish.json.", "JSON-P"},
            new String[] {"org.hibernate.validator.", "Bean Validation"},
            new String[] {"jdk.internal.net.http.", "java.net.http client"},
            new String[] {"java.net.http.", "java.net.http client"},
            new String[] {"sun.net.httpserver.", "JDK HTTP server"},
            new String[] {"io.opentelemetry.", "OpenTelemetry"},
            new String[] {"io.groupdeal.", "GroupDeal code"},
            new String[] {"java.", "JDK"},
            new String[] {"jdk.", "JDK"},
            new String[] {"sun.", "JDK"},
            new String[] {"com.sun.", "Payara/GlassFish"},
            new String[] {"org.glassfish.", "Payara/GlassFish"},
            new String[] {"fish.payara.", "Payara/GlassFish"});

    /**
     * What a CPU sample of async-profiler was spent on, by the first pattern its stack matches (so the gateway's
     * client inside a purchase counts as the gateway, the purchase's statements as the MySQL driver).
     */
    private static final List<Spent> SPENT_ON = List.of(
            new Spent("payment gateway client (java.net.http)", "SandboxGateway|jdk/internal/net/http/"),
            new Spent("payment sandbox server and its ledger", "sun/net/httpserver/|infrastructure/sandbox/"),
            new Spent("scheduled jobs (mail, reconciler, tasks)", "ScheduledJob|JobRun|EJBTimerService"),
            new Spent("authentication (token look-up included)", "TokenAuthModule"),
            new Spent("connection pool", "com/sun/enterprise/resource/|ConnectionManagerImpl"),
            new Spent("JTA", "com/sun/enterprise/transaction/|JavaEETransaction"),
            new Spent("MySQL driver (its system calls included)", "com/mysql/"),
            new Spent("the product's services, EJB and CDI around them", "io/groupdeal/application/"),
            new Spent("JAX-RS (Jersey, JSON-B, the resources)", "org/glassfish/jersey/"),
            new Spent("web container (Grizzly, Catalina, filters)", "grizzly|catalina|io/groupdeal/interfaces/"),
            new Spent("JIT compilers", "CompileBroker|Compiler|C2|C1"),
            new Spent("garbage collector", "G1|GC"));

    /** A kind of CPU work, and the frames (a regular expression) that show it on a collapsed stack. */
    private record Spent(String name, Pattern frames) {
        Spent(String name, String frames) {
            this(name, Pattern.compile(frames));
        }
    }

    private Profile() {}

    /**
     * Starts async-profiler's CPU sampling (every millisecond of CPU, every thread, Java, native and kernel frames) in
     * the running product; false when its agent could not be loaded.
     */
    public static boolean startCpu(long pid) {
        Path agent = agent();
        // jcmd splits its arguments at commas unless they are quoted
        return agent != null
                && jcmd(pid, "JVMTI.agent_load", agent.toString(), "\"start,event=cpu,interval=1ms\"")
                        .contains("return code: 0");
    }

    /** Stops async-profiler in the product and writes the samples to {@code file} as collapsed stacks. */
    public static void stopCpu(long pid, Path file) {
        Path agent = agent();
        if (agent == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            System.out.println("  (no CPU profile: " + e.getMessage() + ")");
            return;
        }
        jcmd(pid, "JVMTI.agent_load", agent.toString(), "\"stop,file=" + file + ",collapsed\"");
    }

    /** The agent of this machine's kind, copied out of the async-profiler jar into target/ once. */
    private static Path agent() {
        String kind = System.getProperty("os.arch").equals("aarch64") ? "linux-arm64" : "linux-x64";
        Path file = Path.of("bench", "target", "async-profiler", kind, "libasyncProfiler.so")
                .toAbsolutePath();
        try (var in = Profile.class.getResourceAsStream("/" + kind + "/libasyncProfiler.so")) {
            if (in == null) {
                System.out.println("  (no async-profiler agent for " + kind + " on the class path)");
                return null;
            }
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.copy(in, file);
            }
            return file;
        } catch (IOException e) {
            System.out.println("  (no async-profiler agent: " + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * Prints what the product's CPU went to in async-profiler's collapsed stacks {@code file}: the share of samples in
     * the kernel (system calls, scheduling: frames marked {@code _[k]} on top), the system calls they came from, and
     * the samples by {@link #SPENT_ON}.
     */
    public static void summariseCpu(String during, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            System.out.println("  (no CPU profile: " + e.getMessage() + ")");
            return;
        }
        Map<String, Integer> spent = new LinkedHashMap<>();
        Map<String, Integer> syscalls = new LinkedHashMap<>();
        long all = 0;
        long kernel = 0;
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String stack = line.substring(0, space);
            int n = Integer.parseInt(line.substring(space + 1));
            all += n;
            String[] frames = stack.split(";");
            if (frames[frames.length - 1].endsWith("_[k]")) {
                kernel += n;
                int first = 0;
                while (!frames[first].endsWith("_[k]")) {
                    first++;
                }
                syscalls.merge(first == 0 ? "?" : frames[first - 1], n, Integer::sum);
            }
            String kind = SPENT_ON.stream()
                    .filter(s -> s.frames().matcher(stack).find())
                    .findFirst()
                    .map(Spent::name)
                    .orElse("other");
            spent.merge(kind, n, Integer::sum);
        }
        int total = (int) Math.max(1, all);
        System.out.printf(
                Locale.ROOT,
                "%nCPU profile of the product during %s (async-profiler, %s): %d samples of 1 ms of CPU, %.1f%% of"
                        + " them in the kernel%n",
                during,
                file.getFileName(),
                all,
                100.0 * kernel / total);
        System.out.println("  by what it was spent on (the first that its stack shows, in this order):");
        print(spent, total, SPENT_ON.size() + 1);
        System.out.println("  the kernel's samples, by the call that entered it:");
        print(syscalls, total, 8);
    }

    public static void start(long pid, String name) {
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile");
    }

    public static void stop(long pid, String name, Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            System.out.println("  (no profile: " + e.getMessage() + ")");
            return;
        }
        jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file);
    }

    /** Runs jcmd on the process and returns what it printed ("" when it could not run). */
    public static String jcmd(long pid, String... command) {
        if (pid < 0) {
            System.out.println("  (no jcmd: the product's process was not found)");
            return "";
        }
        List<String> line = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            System.out.println("  (jcmd failed: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    /** The library a frame belongs to, by its package. */
    public static String library(String frame) {
        for (String[] l : LIBRARIES) {
            if (frame.startsWith(l[0])) {
                return l[1];
            }
        }
        return "other";
    }

    /** A frame without its arguments and line: package.Class.method. */
    public static String method(String frame) {
        int paren = frame.indexOf('(');
        return paren < 0 ? frame : frame.substring(0, paren);
    }

    /** A frame of the product's own code, not of a generated proxy, a filter or the SQL helper every repository uses. */
    public static boolean ownCode(String frame) {
        return frame.startsWith("io.groupdeal.")
                && !frame.contains("$Proxy")
                && !frame.contains("__EJB31_Generated")
                && !frame.contains(".doFilter")
                && !frame.startsWith("io.groupdeal.domain.shared.NativeSql");
    }

    /** The kind of a thread of the product, by its name. */
    static String kind(String name) {
        return name.startsWith("http-thread-pool")
                ? "request threads"
                : name.startsWith("deal-sandbox")
                        ? "sandbox server"
                        : name.startsWith("HttpClient")
                                ? "gateway client"
                                : name.contains("ejb") ? "EJB timers (jobs)" : "other";
    }

    /** Prints the summary of the recording {@code file}, headed "profile of the product during {@code during}". */
    public static void summarise(String during, Path file) {
        if (file == null || !Files.exists(file)) {
            return;
        }
        String text;
        try {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jfr")
                                    .toString(),
                            "print",
                            "--events",
                            "jdk.ExecutionSample",
                            "--stack-depth",
                            "200",
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
            text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
        } catch (IOException e) {
            System.out.println("  (no profile summary: " + e.getMessage() + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Map<String, Integer> threads = new LinkedHashMap<>();
        Map<String, Integer> top = new LinkedHashMap<>();
        Map<String, Integer> libraries = new LinkedHashMap<>();
        Map<String, Integer> own = new LinkedHashMap<>();
        int all = 0;
        int requests = 0;
        for (String event : text.split("jdk.ExecutionSample \\{")) {
            Matcher t = THREAD.matcher(event);
            if (!t.find()) {
                continue;
            }
            all++;
            String kind = kind(t.group(1));
            threads.merge(kind, 1, Integer::sum);
            if (!kind.equals("request threads")) {
                continue;
            }
            List<String> frames = event.lines()
                    .map(String::strip)
                    .filter(l -> l.contains("line:"))
                    .map(l -> method(l.substring(0, l.indexOf(" line:"))))
                    .toList();
            if (frames.isEmpty()) {
                continue;
            }
            requests++;
            top.merge(frames.get(0), 1, Integer::sum);
            libraries.merge(library(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (String f : frames) {
                if (ownCode(f) && seen.add(f)) {
                    own.merge(f, 1, Integer::sum);
                }
            }
        }
        int req = Math.max(1, requests);
        System.out.printf(
                Locale.ROOT,
                "%nprofile of the product during %s (JFR, %s): %d samples, %d of them of request" + " threads%n",
                during,
                file.getFileName(),
                all,
                requests);
        System.out.println("  by thread: " + share(threads, Math.max(1, all), 10));
        if (requests == 0) {
            return;
        }
        System.out.println("  request threads, by the library on top of the stack: " + share(libraries, req, 14));
        System.out.println("  request threads, top frames (self):");
        print(top, req, 20);
        System.out.println("  request threads, the product's methods on the stack (inclusive):");
        print(own, req, 20);
    }

    private static void print(Map<String, Integer> counts, int total, int limit) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e ->
                        System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static String share(Map<String, Integer> counts, int total, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / total))
                .collect(Collectors.joining(", "));
    }
}
