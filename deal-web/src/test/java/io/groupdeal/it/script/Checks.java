package io.groupdeal.it.script;

import java.util.HashMap;
import java.util.Map;

/**
 * The verdicts of a driver program: one line "PASS name: detail" or "FAIL name: detail" per check (the scripts count
 * those lines), and the exit status: 0 when every check passed, 1 when one failed, 2 when the run could not be made.
 */
public final class Checks {

    private static int failed;

    private Checks() {}

    public static void check(String name, boolean ok, String detail) {
        System.out.println((ok ? "PASS " : "FAIL ") + name + ": " + detail);
        if (!ok) {
            failed++;
        }
    }

    /** Ends the program: 1 when a check failed, else 0. */
    public static void exit() {
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Ends the program with status 2: the run could not be made, whatever the checks said so far. */
    public static void couldNotRun(String what, Exception e) {
        System.out.println("FAIL " + what + ": could not run: " + e);
        e.printStackTrace(System.out);
        System.exit(2);
    }

    /** The options {@code --name value} of the arguments from {@code from} on, by name (without the dashes). */
    public static Map<String, String> options(String[] args, int from) {
        Map<String, String> options = new HashMap<>();
        for (int i = from; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /** The text on one line and at most {@code max} characters long, for a check's detail. */
    public static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > max ? flat.substring(0, max) + "..." : flat;
    }

    /** Sleeps; an interrupt ends the sleep and stays set. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
