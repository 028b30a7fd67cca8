package io.groupdeal.application.payment;

import java.net.URI;

/**
 * Where the payment sandbox answers: {@code deal.sandbox.url} when set, else the sandbox server that the product
 * started beside itself on 127.0.0.1. The sandbox gateway asks it for every call and knows nothing else of the server.
 */
public interface SandboxEndpoint {

    /** The sandbox's base address, e.g. {@code http://127.0.0.1:41234}. */
    URI address();
}
