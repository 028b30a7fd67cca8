package io.groupdeal.domain.account;

import io.groupdeal.domain.shared.InvalidValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** An email address as a login name: trimmed, lower case, at most 254 characters, one @ with a dotted domain. */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    public EmailAddress {
        if (value == null) {
            throw new InvalidValue("email", "required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new InvalidValue("email", "email");
        }
    }

    public static boolean isValid(String text) {
        try {
            new EmailAddress(text);
            return true;
        } catch (InvalidValue e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
