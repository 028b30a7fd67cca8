/**
 * The payment sandbox as a service of its own: an HTTP server with its own threads, its own connection pool and its
 * own tables, started beside the product unless {@code deal.sandbox.url} names one elsewhere. The product reaches it
 * only over HTTP, through the {@code sandbox} payment gateway.
 */
package io.groupdeal.infrastructure.sandbox;
