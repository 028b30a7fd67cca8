package io.groupdeal.domain.redemption;

import io.groupdeal.domain.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a counter's history is read over: one tenant's events in {@code [from, to)}, at one store or ({@code storeId}
 * null) at every store. The one home of the window's conditions, so a list of redemptions or double uses and its count
 * never disagree about the window's edges.
 */
public record CounterWindow(TenantId tenant, String storeId, Instant from, Instant to) {

    public CounterWindow {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * The conditions after a {@code WHERE <alias>.tenant_id = ?}: {@code timeColumn} of the table aliased {@code alias}
     * in the window, and at the store when there is one. Their values are {@link #parameters()}.
     */
    String conditions(String alias, String timeColumn) {
        String time = alias + "." + timeColumn;
        return " AND " + time + " >= ? AND " + time + " < ?"
                + (storeId == null ? "" : " AND " + alias + ".store_id = ?");
    }

    /** {@link #conditions}, then newest first (by time, then by id) and one page: the values {@link #parameters(int, int)}. */
    String page(String alias, String timeColumn) {
        return conditions(alias, timeColumn) + " ORDER BY " + alias + "." + timeColumn + " DESC, " + alias + ".id DESC"
                + " LIMIT ? OFFSET ?";
    }

    /** The tenant, then the values of {@link #conditions}. */
    List<Object> parameters() {
        List<Object> parameters = new ArrayList<>(List.of(tenant.value(), from, to));
        if (storeId != null) {
            parameters.add(storeId);
        }
        return parameters;
    }

    /** {@link #parameters()}, then a page's {@code LIMIT ? OFFSET ?}. */
    List<Object> parameters(int page, int size) {
        List<Object> parameters = parameters();
        parameters.add(size);
        parameters.add(page * size);
        return parameters;
    }
}
