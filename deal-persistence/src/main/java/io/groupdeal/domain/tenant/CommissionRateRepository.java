package io.groupdeal.domain.tenant;

import io.groupdeal.domain.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commission history of the tenants ({@code commission_rate}): one row per rate and the moment it took effect,
 * written with every change, so that a statement of any past period uses the rates of that time.
 */
@ApplicationScoped
public class CommissionRateRepository {

    @Inject
    private NativeSql sql;

    /**
     * Records that the tenant's rate is {@code rate} from {@code from} on. Two changes at the same microsecond: the
     * later write is the rate of that moment.
     */
    public void record(String tenantId, Instant from, BigDecimal rate) {
        sql.update(
                "INSERT INTO commission_rate (tenant_id, effective_from, rate) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE rate = VALUES(rate)",
                List.of(tenantId, from, rate));
    }

    public CommissionHistory of(String tenantId) {
        return of(List.of(tenantId)).get(tenantId);
    }

    /** The history of each of the tenants (every tenant has at least the rate it was created with). */
    public Map<String, CommissionHistory> of(Collection<String> tenantIds) {
        if (tenantIds.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(tenantIds.size(), "?"));
        Map<String, List<CommissionRate>> rates = new HashMap<>();
        sql.rows(
                        "SELECT tenant_id, effective_from, rate FROM commission_rate WHERE tenant_id IN (" + marks + ")"
                                + " ORDER BY tenant_id, effective_from",
                        new ArrayList<>(tenantIds),
                        r -> Map.entry(
                                r.string("tenant_id"),
                                new CommissionRate(r.instant("effective_from"), r.decimal("rate"))))
                .forEach(e -> rates.computeIfAbsent(e.getKey(), t -> new ArrayList<>())
                        .add(e.getValue()));
        Map<String, CommissionHistory> histories = new HashMap<>();
        rates.forEach((tenant, list) -> histories.put(tenant, new CommissionHistory(list)));
        return histories;
    }
}
