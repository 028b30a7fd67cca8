/** Tenants: the merchant businesses that own stores, staff and deals, with their status and settings. */
package io.groupdeal.domain.tenant;
