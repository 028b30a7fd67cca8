package io.groupdeal.interfaces.rest.moderation;

import io.groupdeal.domain.shared.MultiLine;

/** {@code {"reason": "..."}}: what the merchant is to change, plain text with line breaks (1 to 1,000 characters). */
public record RejectRequest(@MultiLine String reason) {}
