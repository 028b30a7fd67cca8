package io.groupdeal.bench.harness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bench's command line: options with a value ({@code --threads 20}) and flags ({@code --strict-targets}); an unknown
 * option is an error that lists the known ones. The last of a repeated option counts.
 */
public final class Options {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Integer> positions = new HashMap<>();

    /** Reads {@code args}; {@code valued} take a value, {@code flags} do not. */
    public Options(String[] args, List<String> valued, List<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (valued.contains(name)) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                values.put(name, args[++i]);
            } else if (flags.contains(name)) {
                values.put(name, "");
            } else {
                throw new IllegalArgumentException("unknown option " + name + " (known: " + String.join(" ", valued)
                        + " " + String.join(" ", flags) + ")");
            }
            positions.put(name, i);
        }
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** True when the flag was given after {@code other} (or {@code other} was not given). */
    public boolean after(String name, String other) {
        return has(name) && positions.get(name) > positions.getOrDefault(other, -1);
    }

    public String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    public int integer(String name, int otherwise) {
        return has(name) ? Integer.parseInt(values.get(name)) : otherwise;
    }

    /** The whole number, at least {@code least}. */
    public int integer(String name, int otherwise, int least) {
        return Math.max(least, integer(name, otherwise));
    }

    public long number(String name, long otherwise) {
        return has(name) ? Long.parseLong(values.get(name)) : otherwise;
    }

    public double decimal(String name, double otherwise) {
        return has(name) ? Double.parseDouble(values.get(name)) : otherwise;
    }
}
