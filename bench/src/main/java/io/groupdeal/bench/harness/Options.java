package io.groupdeal.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A bench's command line: options with a value ({@code --threads 20}) and flags ({@code --strict-targets}). A bench
 * names each option once, where it reads it: reading declares it, and {@link #requireKnown()}, called after the last
 * read, refuses an option no read declared (listing the known ones) and a valued option without its value. The last of
 * a repeated option counts.
 */
public final class Options {

    private final String[] args;
    private final Set<String> valued = new LinkedHashSet<>();
    private final Set<String> flags = new LinkedHashSet<>();

    public Options(String[] args) {
        this.args = args.clone();
    }

    /** Whether the flag was given. */
    public boolean flag(String name) {
        flags.add(name);
        return last(name) >= 0;
    }

    /** True when the flag was given after the flag {@code other} (or {@code other} was not given). */
    public boolean after(String name, String other) {
        return flag(name) && last(name) > (flag(other) ? last(other) : -1);
    }

    public String text(String name, String otherwise) {
        valued.add(name);
        int at = last(name);
        if (at < 0) {
            return otherwise;
        }
        if (at + 1 == args.length) {
            throw new IllegalArgumentException("option " + name + " needs a value");
        }
        return args[at + 1];
    }

    public int integer(String name, int otherwise) {
        String value = text(name, null);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    /** The whole number, at least {@code least}. */
    public int integer(String name, int otherwise, int least) {
        return Math.max(least, integer(name, otherwise));
    }

    public long number(String name, long otherwise) {
        String value = text(name, null);
        return value == null ? otherwise : Long.parseLong(value);
    }

    public double decimal(String name, double otherwise) {
        String value = text(name, null);
        return value == null ? otherwise : Double.parseDouble(value);
    }

    /** Refuses what no read declared: an unknown option, or a valued one at the end without its value. */
    public void requireKnown() {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (valued.contains(name)) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                i++;
            } else if (!flags.contains(name)) {
                List<String> known = new ArrayList<>(valued);
                known.addAll(flags);
                throw new IllegalArgumentException(
                        "unknown option " + name + " (known: " + String.join(" ", known) + ")");
            }
        }
    }

    /** Where the option was given last; -1 when it was not. A value is never taken for an option's name. */
    private int last(String name) {
        int found = -1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name)) {
                found = i;
            }
            if (valued.contains(args[i])) {
                i++;
            }
        }
        return found;
    }
}
