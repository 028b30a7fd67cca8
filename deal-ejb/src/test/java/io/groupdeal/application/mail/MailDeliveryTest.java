package io.groupdeal.application.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.groupdeal.application.Timeouts;
import io.groupdeal.application.Wiring;
import io.groupdeal.domain.mail.Mail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A mail that went out is marked sent even when the database is away for a moment (a node failing over), and never
 * marked failed: marking it failed, or leaving it claimed, would send it again.
 */
class MailDeliveryTest {

    private final List<String> sent = new ArrayList<>();
    private final List<String> marked = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final AtomicInteger markFailures = new AtomicInteger();

    @Test
    void aSentMailIsMarkedSentOnceTheDatabaseIsBack() throws Exception {
        markFailures.set(3);
        deliver();
        assertEquals(List.of("mail-1"), sent, "sent once");
        assertEquals(List.of("mail-1"), marked, "marked on the try after the database came back");
        assertEquals(List.of(), failed, "a sent mail is never marked failed");
    }

    @Test
    void aSentMailThatCannotBeMarkedIsNeverMarkedFailed() throws Exception {
        markFailures.set(Integer.MAX_VALUE);
        deliver();
        assertEquals(List.of("mail-1"), sent, "sent once");
        assertEquals(List.of(), marked);
        assertEquals(List.of(), failed, "it waits for its claim to end, and a mark of failure would send it sooner");
    }

    private void deliver() throws Exception {
        MailDelivery job = new MailDelivery();
        job.markPause = Duration.ZERO;
        Wiring.configure(job, "outbox", new Outbox() {
            @Override
            List<String> due(int limit) {
                return List.of("mail-1");
            }

            @Override
            Optional<Queued> claim(String id) {
                return Optional.of(new Queued(
                        id,
                        new Mail("tenant", "cause", "buyer@example.com", "Hello", "text", null, List.of()),
                        1,
                        null));
            }

            @Override
            void sent(String id, String subject) {
                if (markFailures.getAndDecrement() > 0) {
                    throw new IllegalStateException("the database is away");
                }
                marked.add(id);
            }

            @Override
            void failed(String id, String error, Duration retryIn, boolean giveUp) {
                failed.add(id);
            }
        });
        Wiring.configure(job, "sender", new MailSender() {
            @Override
            void send(String outboxId, Mail mail) {
                sent.add(outboxId);
            }
        });
        Wiring.configure(job, "maxAttempts", 20);
        Wiring.configure(job, "retrySeconds", 30L);
        Timeouts.fire(job);
    }
}
