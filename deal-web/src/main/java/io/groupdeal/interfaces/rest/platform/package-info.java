/** The operator's API: tenants, suspension, commission. */
package io.groupdeal.interfaces.rest.platform;
