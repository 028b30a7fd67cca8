/** Counter staff of a tenant and the stores each is assigned to. */
package io.groupdeal.domain.staff;
