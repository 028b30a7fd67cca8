package io.groupdeal.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind a request, for throttling: the connection's peer, unless the peer is one of
 * the trusted proxies ({@code deal.trusted-proxies}, comma-separated addresses, none by default); then the
 * {@code X-Forwarded-For} header is read from the right, past the trusted proxies, to the first address that is not
 * one. A client cannot choose its address by sending the header itself: from an untrusted peer it is ignored, and a
 * trusted proxy appends the address it saw to whatever the client sent.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    @Inject
    @ConfigProperty(name = "deal.trusted-proxies")
    private Optional<String> trustedProxies;

    private Set<String> trusted;

    private Set<String> trusted() {
        if (trusted == null) {
            trusted = parse(trustedProxies.orElse(""));
        }
        return trusted;
    }

    public String of(HttpServletRequest request) {
        return resolve(
                request.getRemoteAddr(),
                request.getHeaders("X-Forwarded-For") == null
                        ? List.of()
                        : java.util.Collections.list(request.getHeaders("X-Forwarded-For")),
                trusted());
    }

    /** The trusted proxies of a setting, each as its canonical address; entries that are no address are left out. */
    static Set<String> parse(String setting) {
        return Arrays.stream(setting.split(","))
                .map(ClientAddress::canonical)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The client's address, from the peer's address and the {@code X-Forwarded-For} headers in their order. */
    static String resolve(String peer, List<String> forwardedFor, Set<String> trusted) {
        String client = canonical(peer).orElse(peer);
        if (!trusted.contains(client)) {
            return client;
        }
        List<String> hops =
                forwardedFor.stream().flatMap(h -> Arrays.stream(h.split(","))).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = canonical(hops.get(i));
            if (hop.isEmpty()) {
                // Not an address: the chain cannot be followed further; the last trusted hop is what is known.
                return client;
            }
            client = hop.get();
            if (!trusted.contains(client)) {
                return client;
            }
        }
        return client;
    }

    /** An IP literal in its canonical text (no DNS look-up: anything else is empty). */
    static Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String a = text.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (!IPV4.matcher(a).matches() && !(a.length() <= 45 && IPV6.matcher(a).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(a).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
