/** The merchant admin's counter staff and the stores each may redeem at. */
package io.groupdeal.application.staff;
