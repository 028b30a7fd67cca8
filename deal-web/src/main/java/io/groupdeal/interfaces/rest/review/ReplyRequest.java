package io.groupdeal.interfaces.rest.review;

import jakarta.validation.constraints.Size;

/** The merchant's reply to a review. */
public record ReplyRequest(@Size(max = 4000) String text) {
}
