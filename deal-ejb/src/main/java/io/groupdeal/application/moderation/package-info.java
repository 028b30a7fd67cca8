/** The operator's review of moderated tenants' deals: the queue, approve, reject with a reason. */
package io.groupdeal.application.moderation;
