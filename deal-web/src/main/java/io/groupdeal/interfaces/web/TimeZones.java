package io.groupdeal.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.util.List;

/** The time zones that forms offer ({@code #{timeZones.all}}): region ids such as Europe/Berlin, sorted, plus UTC. */
@Named
@ApplicationScoped
public class TimeZones {

    private static final List<String> ALL = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("UTC"),
                    ZoneId.getAvailableZoneIds().stream()
                            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                            .sorted())
            .toList();

    public List<String> getAll() {
        return ALL;
    }
}
