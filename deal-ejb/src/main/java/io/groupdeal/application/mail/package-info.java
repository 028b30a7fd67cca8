/** Mail to buyers: written to the outbox in the transaction of the change that causes it, delivered with retries. */
package io.groupdeal.application.mail;
