package io.groupdeal.application.order;

import io.groupdeal.domain.order.OrderRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Creates a buyer's count row for a deal in a transaction of its own, before the order's transaction counts on it.
 * Parallel orders of one buyer then only ever update an existing row, one after the other; inserting it inside the
 * orders' transactions could deadlock them when the first one rolls back.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class QuotaRows {

    @Inject
    private OrderRepository orders;

    public void ensure(String tenantId, String dealId, String buyerId) {
        orders.ensureQuota(tenantId, dealId, buyerId);
    }
}
