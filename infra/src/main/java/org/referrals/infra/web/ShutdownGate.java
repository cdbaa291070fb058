package org.referrals.infra.web;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Graceful shutdown that ends. Once the application begins to stop (SIGTERM), requests already running finish, but
 * a request arriving on a kept-alive connection gets 503 with {@code Connection: close} and {@code Retry-After}
 * instead of being served. Netty's graceful shutdown only refuses new connections and waits for active ones, and
 * clients that keep sending on theirs kept it busy until its 30-second timeout, then were cut off mid-request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ShutdownGate implements WebFilter {

    private final ProblemWriter problems;
    private volatile boolean closing;

    public ShutdownGate(ProblemWriter problems) {
        this.problems = problems;
    }

    /** Published before the web server's graceful shutdown starts. */
    @EventListener(ContextClosedEvent.class)
    public void close() {
        closing = true;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!closing) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "Shutting down",
                              "this instance is stopping; send the request again (to another instance, or once it is back)");
    }
}
