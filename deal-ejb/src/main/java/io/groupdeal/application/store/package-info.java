/** The merchant admin's stores. */
package io.groupdeal.application.store;
