/** Reviews of deals by the buyers who used their coupons, the merchants' replies, and each deal's rating. */
package io.groupdeal.domain.review;
