package io.groupdeal.application.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PaymentTaskRunnerTest {

    @Test
    void aFailedTaskWaitsLongerEachTimeButNeverMoreThanTenMinutes() {
        assertEquals(Duration.ofSeconds(5), PaymentTaskRunner.backoff(1));
        assertEquals(Duration.ofSeconds(10), PaymentTaskRunner.backoff(2));
        assertEquals(Duration.ofSeconds(320), PaymentTaskRunner.backoff(7));
        assertEquals(Duration.ofMinutes(10), PaymentTaskRunner.backoff(8));
        assertEquals(Duration.ofMinutes(10), PaymentTaskRunner.backoff(1000));
    }
}
