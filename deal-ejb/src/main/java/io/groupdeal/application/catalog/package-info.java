/** The public catalog: anyone finds published deals near a place or by words. */
package io.groupdeal.application.catalog;
