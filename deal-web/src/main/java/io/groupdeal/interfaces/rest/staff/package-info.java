/** The merchant's counter staff. */
package io.groupdeal.interfaces.rest.staff;
