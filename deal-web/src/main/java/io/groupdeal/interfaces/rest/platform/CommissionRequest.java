package io.groupdeal.interfaces.rest.platform;

import jakarta.validation.constraints.Size;

/**
 * What the operator changes of a tenant: {@code {"commissionRate": "0.15"}} (a decimal from 0 to 1, as a string like
 * money) and/or {@code {"moderated": true}} (its deals reviewed before they go live). At least one of them.
 */
public record CommissionRequest(@Size(max = 20) String commissionRate, Boolean moderated) {}
