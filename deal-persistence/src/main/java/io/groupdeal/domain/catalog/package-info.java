/** The public catalog: published deals of active tenants, found by place and words, read across tenants. */
package io.groupdeal.domain.catalog;
