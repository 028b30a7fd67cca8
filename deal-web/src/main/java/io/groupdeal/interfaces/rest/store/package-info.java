/** The merchant's stores. */
package io.groupdeal.interfaces.rest.store;
