/** The merchant's deals: drafts, publishing, cancelling, the per-deal report and its CSV. */
package io.groupdeal.interfaces.rest.deal;
