/** The merchant's deals: drafts, publishing, cancelling, reports; and the clock that moves deals on time. */
package io.groupdeal.application.deal;
