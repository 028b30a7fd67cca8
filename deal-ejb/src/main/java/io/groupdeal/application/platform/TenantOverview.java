package io.groupdeal.application.platform;

import io.groupdeal.domain.tenant.Tenant;
import io.groupdeal.domain.tenant.TenantFigures;
import java.io.Serializable;

/** A tenant as the operator sees it: the business, its deals on sale now and its sales of the last 30 days. */
public record TenantOverview(Tenant tenant, TenantFigures figures) implements Serializable {}
