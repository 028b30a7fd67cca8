/** Settlement statements for a merchant and, across tenants, for the operator. */
package io.groupdeal.application.settlement;
