/** Stores: the merchant's places of business, where coupons are redeemed; located for "deals near me". */
package io.groupdeal.domain.store;
