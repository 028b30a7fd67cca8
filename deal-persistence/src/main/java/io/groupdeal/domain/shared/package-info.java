/** Building blocks every aggregate uses: identifiers, time mapping, the tenant discriminator. */
package io.groupdeal.domain.shared;
