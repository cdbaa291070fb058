package org.referrals.infra.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.referrals.command.apikey.ApiKeySecrets;
import org.referrals.infra.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a refused API key or token: 401, or 429 with {@code Retry-After} once too many were refused from its client
 * address or for its key id. Each refusal takes a token from a bucket of its address and, for an API key, of its key
 * id (Bucket4j): {@code failedAuthLimit} per {@code failedAuthWindow}, and three times that per ten windows, so a
 * client that keeps failing waits longer and longer. Valid credentials are never refused, so nobody is locked out by
 * someone else's failures behind the same address (a shared NAT), nor a key's owner by guesses at its id from
 * rotating addresses. What stops guessing is the keys themselves: 256-bit random secrets, and a bootstrap key refused
 * at start when weak ({@link BootstrapAdminKey}); the throttle keeps a flood of refusals cheap and visible. Behind a
 * proxy set {@code SERVER_FORWARD_HEADERS_STRATEGY=framework} so the client's own address is used.
 */
public class FailedAuthenticationThrottle {

    private static final Logger log = LoggerFactory.getLogger(FailedAuthenticationThrottle.class);

    private final ProblemWriter problems;
    private final int limit;
    private final Duration window;
    /** Bounded, and forgotten after ten quiet windows: a flood of addresses or ids cannot exhaust memory. */
    private final Cache<String, Bucket> buckets;

    public FailedAuthenticationThrottle(HttpHardeningProperties properties, ProblemWriter problems) {
        this.problems = problems;
        this.limit = properties.failedAuthLimit();
        this.window = properties.failedAuthWindow();
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window.multipliedBy(10)).build();
    }

    /** The answer to a refused credential; {@code apiKey} is the presented header, or null for a bearer token. */
    public Mono<Void> refused(ServerWebExchange exchange, String apiKey, String detail) {
        List<String> counted = new ArrayList<>();
        counted.add("address " + client(exchange));
        if (apiKey != null) {
            counted.add("key " + ApiKeySecrets.parse(apiKey).keyId());
        }
        long waitNanos = 0;
        for (String subject : counted) {
            ConsumptionProbe probe = buckets.get(subject, this::newBucket).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                waitNanos = Math.max(waitNanos, probe.getNanosToWaitForRefill());
            } else if (probe.getRemainingTokens() == 0) {
                log.warn("failed authentications: the limit for one {} is reached, its further refusals answer 429",
                         subject.startsWith("key") ? "key id" : "client address");
            }
        }
        if (waitNanos == 0) {
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated", detail);
        }
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(Math.max(1, Duration.ofNanos(waitNanos).toSeconds())));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-authentications",
                              "Too many failed authentications",
                              "too many refused API keys or tokens from this address or for this key; try again later");
    }

    private Bucket newBucket(String subject) {
        return Bucket.builder()
                     .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build())
                     .addLimit(Bandwidth.builder().capacity(3L * limit).refillGreedy(3L * limit, window.multipliedBy(10)).build())
                     .build();
    }

    private static String client(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
