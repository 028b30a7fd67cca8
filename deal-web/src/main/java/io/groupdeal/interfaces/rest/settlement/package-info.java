/** Settlement statements over REST, as JSON and as CSV (the same figures). */
package io.groupdeal.interfaces.rest.settlement;
