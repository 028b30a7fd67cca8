/** The merchant's settings over REST. */
package io.groupdeal.interfaces.rest.settings;
