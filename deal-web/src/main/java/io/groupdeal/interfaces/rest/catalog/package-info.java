/** The public catalog: deals near a place, by words, and one deal's page. */
package io.groupdeal.interfaces.rest.catalog;
