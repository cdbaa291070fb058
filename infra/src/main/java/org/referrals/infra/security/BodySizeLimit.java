package org.referrals.infra.security;

import org.referrals.infra.web.ProblemWriter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Request bodies above {@code referrals.http.max-body-size} answer 413 before anything reads them: at once when
 * {@code Content-Length} says so, else as soon as a streamed body passes the limit.
 */
public class BodySizeLimit implements WebFilter {

    private final long maxBytes;
    private final ProblemWriter problems;

    public BodySizeLimit(HttpHardeningProperties properties, ProblemWriter problems) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
            return tooLarge(exchange);
        }
        var limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] seen = {0};
                return super.getBody().doOnNext(buffer -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > maxBytes) {
                        throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "request body above " + maxBytes + " bytes");
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request body too large",
                              "request bodies may have at most " + maxBytes + " bytes");
    }
}
