package io.groupdeal.application.security;

import io.groupdeal.application.problem.RateLimited;
import io.groupdeal.domain.throttle.Attempts;
import io.groupdeal.domain.throttle.Limit;
import io.groupdeal.domain.throttle.Limit.Decision;
import io.groupdeal.domain.throttle.Limit.Window;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttling of logins and sign-ups, before any password is hashed:
 * <ul>
 * <li>per email: {@code deal.throttle.login.limit} login attempts within {@code deal.throttle.login.window}
 * (10 in 15 minutes) count as failed until the password proved right; when they are used up, every login of that
 * email answers 429 until the window closes, the right password too (it is not even checked, so the answer tells
 * nothing about it), and an unknown email is counted exactly like a known one;</li>
 * <li>per client address: failed logins and sign-ups together, {@code deal.throttle.address.limit} within
 * {@code deal.throttle.address.window} (50 in 15 minutes). IPv6 addresses count by their /64, which one client
 * usually has whole.</li>
 * </ul>
 * An attempt is counted before its password is checked, in a transaction of its own that locks the subjects' rows
 * (in a fixed order, so two attempts cannot deadlock), and a login whose password was right gives it back: parallel
 * attempts never check more passwords than the limit allows, on any number of server instances. A refusal is also
 * remembered in memory until its window closes ({@link Lockouts}): the next attempts of that subject on this
 * instance are refused without a row lock.
 */
@Stateless
@PermitAll
public class Throttle {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    @Inject
    private Attempts attempts;

    @Inject
    private Clock clock;

    @Inject
    private Lockouts lockouts;

    @Inject
    @ConfigProperty(name = "deal.throttle.login.limit", defaultValue = "10")
    private int loginLimit;

    @Inject
    @ConfigProperty(name = "deal.throttle.login.window", defaultValue = "PT15M")
    private Duration loginWindow;

    @Inject
    @ConfigProperty(name = "deal.throttle.address.limit", defaultValue = "50")
    private int addressLimit;

    @Inject
    @ConfigProperty(name = "deal.throttle.address.window", defaultValue = "PT15M")
    private Duration addressWindow;

    private Limit perEmail;
    private Limit perAddress;

    @PostConstruct
    void configure() {
        perEmail = new Limit(loginLimit, loginWindow);
        perAddress = new Limit(addressLimit, addressWindow);
    }

    /** Counts a login attempt of the email from the address; 429 {@code rate-limited} when either has none left. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Ticket admitLogin(String email, String clientAddress) {
        return admit(List.of(
                new Counted(emailSubject(email), perEmail), new Counted(addressSubject(clientAddress), perAddress)));
    }

    /** Counts a sign-up from the address; 429 {@code rate-limited} when it has none left. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Ticket admitSignup(String clientAddress) {
        return admit(List.of(new Counted(addressSubject(clientAddress), perAddress)));
    }

    /** Gives back the attempts of a ticket that did not fail: a right password, or a request refused as busy. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void giveBack(Ticket ticket) {
        ticket.windows().forEach(w -> {
            attempts.giveBack(w.subject(), w.start());
            lockouts.forget(w.subject());
        });
    }

    /** Windows that closed longer ago than the longest window decide nothing: their rows go. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sweep() {
        Duration longest = loginWindow.compareTo(addressWindow) > 0 ? loginWindow : addressWindow;
        return attempts.deleteStartedBefore(clock.instant().minus(longest.plus(longest)));
    }

    private Ticket admit(List<Counted> subjects) {
        // A lock this instance already saw refuses without a row lock (a request that waited for its hashing turn).
        lockouts.require(subjects.stream().map(Counted::subject).toList());
        Instant now = clock.instant();
        List<Counted> ordered = new ArrayList<>(subjects);
        ordered.sort(Comparator.comparing(Counted::subject));
        List<TicketWindow> counted = new ArrayList<>();
        long refusedFor = 0;
        for (Counted subject : ordered) {
            Decision decision = subject.limit().decide(attempts.lock(subject.subject()), now);
            if (decision.isAllowed()) {
                counted.add(new TicketWindow(subject.subject(), decision.window()));
            } else {
                refusedFor = Math.max(refusedFor, decision.retryAfterSeconds());
                lockouts.remember(
                        subject.subject(),
                        decision.window().start().plus(subject.limit().window()));
            }
        }
        if (refusedFor > 0) {
            // Nothing is counted: the transaction rolls back with the problem.
            throw rateLimited("rate-limited.attempts", refusedFor);
        }
        counted.forEach(w -> attempts.save(w.subject(), w.window()));
        return new Ticket(counted.stream()
                .map(w -> new Ticket.Start(w.subject(), w.window().start()))
                .toList());
    }

    /** 429 for {@code why} ({@code rate-limited.attempts}); the interfaces word the wait at a glance. */
    public static RateLimited rateLimited(String why, long seconds) {
        return new RateLimited(why, seconds);
    }

    /** The subject of an email's logins: its SHA-256 (an attacker's strings are not stored), trimmed and in lower case. */
    static String emailSubject(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return "login:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subject of a client address: an IPv4 address as it is, an IPv6 address by its /64. */
    static String addressSubject(String address) {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (IPV4.matcher(a).matches()) {
            return "address:" + a;
        }
        if (IPV6.matcher(a).matches() && a.length() <= 45) {
            try {
                byte[] bytes = java.net.InetAddress.getByName(a).getAddress();
                if (bytes.length == 4) {
                    return "address:" + java.net.InetAddress.getByAddress(bytes).getHostAddress();
                }
                return "address:" + HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            } catch (java.net.UnknownHostException e) {
                // not an address after all: counted by its text below
            }
        }
        // Not an IP literal (the servlet container gives one, so this is only a safeguard): bounded, ASCII.
        String text = a.replaceAll("[^\\x21-\\x7e]", "?");
        return "address:" + (text.length() > 60 ? text.substring(0, 60) : text);
    }

    private record Counted(String subject, Limit limit) {}

    private record TicketWindow(String subject, Window window) {}

    /** The windows an attempt was counted in, to give it back. */
    public record Ticket(List<Start> windows) {

        public record Start(String subject, Instant start) {}
    }
}
