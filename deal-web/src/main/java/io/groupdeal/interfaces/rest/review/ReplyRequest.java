package io.groupdeal.interfaces.rest.review;

import io.groupdeal.domain.shared.MultiLine;
import jakarta.validation.constraints.Size;

/** The merchant's reply to a review. */
public record ReplyRequest(@MultiLine @Size(max = 4000) String text) {}
