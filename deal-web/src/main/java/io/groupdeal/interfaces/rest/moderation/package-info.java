/** The operator's moderation queue and decisions: {@code /v1/platform/moderation}, {@code /v1/platform/deals/{id}/approve, /reject}. */
package io.groupdeal.interfaces.rest.moderation;
