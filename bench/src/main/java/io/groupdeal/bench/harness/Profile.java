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

    private Profile() {}

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
