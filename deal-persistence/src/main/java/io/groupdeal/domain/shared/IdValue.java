package io.groupdeal.domain.shared;

/** What every typed id holds: a value, never null or blank (a missing id is a bug of the caller, not input). */
final class IdValue {

    private IdValue() {}

    static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + what + " id");
        }
    }
}
