package org.referrals.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.referrals.api.common.Actor;
import org.referrals.api.common.MetaDataKeys;
import org.referrals.api.common.Sha256;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a command for an HTTP request: the actor comes from authentication, never from the body; the correlation id
 * from {@code X-Correlation-Id} or a new one; an {@code Idempotency-Key} travels with a hash of the request so the
 * command bus can tell a repeat from a different request (see {@code IdempotencyInterceptor}).
 */
@Component
public class CommandDispatcher {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final int MAX_HEADER_LENGTH = 200;

    private final CommandGateway gateway;
    private final ObjectMapper json;

    public CommandDispatcher(CommandGateway gateway, ObjectMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    /**
     * @param body the parsed request body (null for none): with method and path it makes the request hash
     */
    public <R> Mono<R> send(Object command, Object body, Actor actor, ServerHttpRequest request) {
        MetaData metaData = MetaData.from(actor.asMetaData())
                                    .and(MetaDataKeys.CORRELATION_ID, correlationId(request));
        String key = header(request, IDEMPOTENCY_KEY_HEADER);
        if (key != null) {
            metaData = metaData.and(MetaDataKeys.IDEMPOTENCY_KEY, key)
                               .and(MetaDataKeys.REQUEST_HASH, requestHash(request, body));
        }
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        // the local command bus (PostgreSQL) runs the handler in the sending thread, and it does JDBC and an fsync:
        // never on the event loop
        Mono<R> once = Mono.defer(() -> Mono.fromFuture(gateway.<R>send(message))).subscribeOn(Schedulers.boundedElastic());
        if (key == null) {
            return once;
        }
        // a concurrent duplicate lost the race to create the idempotency record and was rolled back whole:
        // asked again, it is answered from the record the winner committed
        return once.onErrorResume(AggregateStreamCreationException.class, lostRace -> once);
    }

    private static String correlationId(ServerHttpRequest request) {
        String given = header(request, CORRELATION_HEADER);
        return given != null ? given : UUID.randomUUID().toString();
    }

    private static String header(ServerHttpRequest request, String name) {
        String value = request.getHeaders().getFirst(name);
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > MAX_HEADER_LENGTH) {
            throw new BadRequestException(name, "must be 1 to %d characters".formatted(MAX_HEADER_LENGTH));
        }
        return value;
    }

    private String requestHash(ServerHttpRequest request, Object body) {
        try {
            byte[] target = (request.getMethod().name() + " " + request.getPath().value() + "\n").getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(Sha256.of(target, json.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }
}
