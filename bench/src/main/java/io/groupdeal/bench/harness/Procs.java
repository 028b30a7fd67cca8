package io.groupdeal.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The processes a bench measures, from /proc (Linux): the product's JVM (Payara Micro, found by its {@code --port}),
 * the embedded MariaDB ({@code mariadbd --port=}), their CPU time and the whole machine's. Off Linux every figure is 0.
 */
public final class Procs {

    /** Milliseconds per tick of /proc (USER_HZ is 100 on Linux). */
    public static final double TICK_MS = 10;

    private Procs() {}

    /** The pid of the Payara Micro that serves {@code httpPort}, or -1. */
    public static long product(int httpPort) {
        return find(args -> {
            int port = args.indexOf("--port");
            return args.stream().anyMatch(a -> a.contains("payara-micro"))
                    && port >= 0
                    && port + 1 < args.size()
                    && args.get(port + 1).equals(Integer.toString(httpPort));
        });
    }

    /** The pid of the MariaDB that listens on {@code dbPort}, or -1. */
    public static long mariadb(int dbPort) {
        return find(args -> !args.isEmpty() && args.get(0).contains("mariadbd") && args.contains("--port=" + dbPort));
    }

    /** The parent of {@code pid} (the launcher of the product), or -1. */
    public static long parent(long pid) {
        return pid < 0
                ? -1
                : ProcessHandle.of(pid)
                        .flatMap(ProcessHandle::parent)
                        .map(ProcessHandle::pid)
                        .orElse(-1L);
    }

    public static long self() {
        return ProcessHandle.current().pid();
    }

    private static long find(java.util.function.Predicate<List<String>> matches) {
        java.io.File[] procs =
                new java.io.File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        for (java.io.File f : procs == null ? new java.io.File[0] : procs) {
            try {
                String cmd = new String(
                        Files.readAllBytes(f.toPath().resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8);
                if (matches.test(List.of(cmd.split("\0")))) {
                    return Long.parseLong(f.getName());
                }
            } catch (IOException | RuntimeException ignored) {
                // a process that ended meanwhile, or not ours to read
            }
        }
        return -1;
    }

    /** utime + stime of a process, in ticks; 0 when it is not found. */
    public static long ticks(long pid) {
        return pid < 0 ? 0 : ticks(Long.toString(pid));
    }

    /** utime + stime of /proc/{@code which}/stat: a process, or a thread as "pid/task/tid"; 0 when not found. */
    public static long ticks(String which) {
        try {
            String stat = Files.readString(Path.of("/proc/" + which + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * A product JVM's ticks by kind of thread (/proc/{@code pid}/task/*): the HTTP request threads, the sandbox
     * gateway's server and client threads, the JIT compilers and the garbage collector; {@code all} is the process's
     * own count, so the rest (timers, the pool, the data grid) is what the others leave.
     */
    public record ThreadTicks(long all, long requests, long sandbox, long jit, long gc) {

        public long rest() {
            return all - requests - sandbox - jit - gc;
        }
    }

    /** {@link ThreadTicks} of a process now; zeros when it is not found. */
    public static ThreadTicks threads(long pid) {
        long all = ticks(pid);
        long requests = 0;
        long sandbox = 0;
        long jit = 0;
        long gc = 0;
        java.io.File[] tasks = pid < 0 ? null : new java.io.File("/proc/" + pid + "/task").listFiles();
        for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
            try {
                String name = Files.readString(task.toPath().resolve("comm")).strip();
                long t = ticks(pid + "/task/" + task.getName());
                if (name.startsWith("http-thread-poo") || name.startsWith("http-listener")) {
                    requests += t;
                } else if (name.toLowerCase(java.util.Locale.ROOT).contains("sandbox")
                        || name.startsWith("HttpClient")) {
                    sandbox += t;
                } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += t;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    gc += t;
                }
            } catch (IOException | RuntimeException ignored) {
                // a thread that ended meanwhile
            }
        }
        return new ThreadTicks(all, requests, sandbox, jit, gc);
    }

    /** Busy and all ticks of all cores: /proc/stat "cpu" (user nice system idle iowait irq softirq steal). */
    public static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
                all += Long.parseLong(f[i]);
            }
            return new long[] {all - Long.parseLong(f[4]) - Long.parseLong(f[5]), all};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The load average of the machine (/proc/loadavg), or "unknown". */
    public static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
