package io.groupdeal.domain.shared;

/** One broken rule of a value, named by its field, for answers that list every problem at once. */
public record Violation(String field, String message) {
}
