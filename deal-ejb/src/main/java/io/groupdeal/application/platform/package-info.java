/** The platform operator's view of tenants: status and commission. */
package io.groupdeal.application.platform;
