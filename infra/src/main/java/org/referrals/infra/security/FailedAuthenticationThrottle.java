package org.referrals.infra.security;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.referrals.infra.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Slows down guessing of API keys and tokens: a client address with {@code failedAuthLimit} failed authentications
 * within {@code failedAuthWindow} gets 429 (with {@code Retry-After}) on every request until the oldest failure
 * leaves the window. Requests without credentials do not count. Behind a proxy, set
 * {@code SERVER_FORWARD_HEADERS_STRATEGY=framework} so the client's own address is used. Built by
 * {@link SecurityConfiguration}, which calls {@link #failed} on every refused credential.
 */
public class FailedAuthenticationThrottle implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(FailedAuthenticationThrottle.class);
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final int limit;
    private final long windowNanos;
    private final ProblemWriter problems;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public FailedAuthenticationThrottle(HttpHardeningProperties properties, ProblemWriter problems) {
        this.limit = properties.failedAuthLimit();
        this.windowNanos = properties.failedAuthWindow().toNanos();
        this.problems = problems;
    }

    /** A request presented credentials that were refused. */
    public void failed(ServerWebExchange exchange) {
        if (failures.size() > MAX_TRACKED_CLIENTS) {
            failures.clear(); // a flood of addresses: forget rather than exhaust memory
        }
        Deque<Long> times = failures.computeIfAbsent(client(exchange), c -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(System.nanoTime());
            if (times.size() == limit) {
                log.warn("failed authentications: {} from one client within {}, further requests answer 429",
                         limit, Duration.ofNanos(windowNanos));
            }
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long retryAfterNanos = blockedFor(client(exchange));
        if (retryAfterNanos <= 0) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfterNanos / 1_000_000_000L)));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-authentications",
                              "Too many failed authentications",
                              "too many refused API keys or tokens from this address; try again later");
    }

    private long blockedFor(String client) {
        Deque<Long> times = failures.get(client);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            long now = System.nanoTime();
            while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
                times.removeFirst();
            }
            if (times.isEmpty()) {
                failures.remove(client, times);
                return 0;
            }
            return times.size() >= limit ? times.peekFirst() + windowNanos - now : 0;
        }
    }

    private static String client(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
