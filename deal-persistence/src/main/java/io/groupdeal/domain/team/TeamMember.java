package io.groupdeal.domain.team;

import java.time.Instant;

/** A member as others see them: the first word of their name, and when they joined. */
public record TeamMember(String firstName, Instant joinedAt) {

    /** The first word of a name, what a shared team page may show of a buyer. */
    public static String firstName(String name) {
        String trimmed = name == null ? "" : name.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
