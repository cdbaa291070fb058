package org.referrals.infra.security;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.referrals.api.apikey.ApiKeyIssued;
import org.referrals.api.apikey.ApiKeyRevoked;
import org.referrals.api.apikey.ApiKeyRotated;
import org.referrals.api.common.Actor;
import org.referrals.command.apikey.ApiKeySecrets;
import org.referrals.infra.security.ApiKeyDirectory.KeyRecord;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks an {@code X-API-Key} against the lookup table; a key id the table does not know (yet: a key issued a
 * moment ago, or a table that lost its last second of writes in a crash) is looked up in the event store, which
 * is authoritative. The authenticated principal is the {@link Actor}.
 */
@Component
public class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    private final ApiKeyDirectory directory;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiKeyAuthenticationManager.class);
    private final EventStore eventStore;

    public ApiKeyAuthenticationManager(ApiKeyDirectory directory, EventStore eventStore) {
        this.directory = directory;
        this.eventStore = eventStore;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String presented = String.valueOf(authentication.getCredentials());
        return Mono.fromCallable(() -> verify(ApiKeySecrets.parse(presented)))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(Mono::justOrEmpty)
                   .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown or revoked API key")));
    }

    private Optional<Authentication> verify(ApiKeySecrets.PresentedKey key) {
        if (!key.keyId().matches("[a-z0-9-]{6,64}") || key.secret().isEmpty()) {
            return Optional.empty();
        }
        return fromDirectory(key.keyId())
                        .or(() -> fromEventStore(key.keyId()))
                        .filter(record -> !record.revoked())
                        .filter(record -> ApiKeySecrets.matches(record.salt(), record.hash(), key.secret()))
                        .map(record -> {
                            var actor = new Actor(record.keyId(), record.partnerId(), record.role());
                            return new UsernamePasswordAuthenticationToken(
                                    actor, null, List.of(new SimpleGrantedAuthority("ROLE_" + record.role().name())));
                        });
    }

    /**
     * The key as the directory (MongoDB) has it; nothing when MongoDB cannot be reached, so that the event store,
     * which the directory only mirrors, answers: commands do not depend on the read side being up.
     */
    private Optional<KeyRecord> fromDirectory(String keyId) {
        try {
            return directory.find(keyId);
        } catch (com.mongodb.MongoException unreachable) {
            log.warn("API key directory unavailable, key checked against the event store: {}", unreachable.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Optional<KeyRecord> fromEventStore(String keyId) {
        KeyRecord record = null;
        var events = eventStore.readEvents(keyId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Object payload = event.getPayload();
            if (payload instanceof ApiKeyIssued issued) {
                record = new KeyRecord(keyId, issued.role(), issued.partnerId(), issued.salt(), issued.hash(), false);
            } else if (payload instanceof ApiKeyRotated rotated && record != null) {
                record = new KeyRecord(keyId, record.role(), record.partnerId(), rotated.salt(), rotated.hash(), false);
            } else if (payload instanceof ApiKeyRevoked && record != null) {
                record = new KeyRecord(keyId, record.role(), record.partnerId(), record.salt(), record.hash(), true);
            } else {
                return Optional.empty(); // not an API key stream
            }
        }
        return Optional.ofNullable(record);
    }
}
