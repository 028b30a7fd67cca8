package io.groupdeal.domain.team;

import java.math.BigDecimal;
import java.time.Instant;

/** A team as stored: its deal, seats taken of {@code size}, its price per member and when it ends. */
public record Team(
        String tenantId,
        String id,
        String dealId,
        String optionId,
        int size,
        BigDecimal unitPrice,
        TeamStatus status,
        int memberCount,
        Instant expiresAt,
        Instant createdAt) {}
