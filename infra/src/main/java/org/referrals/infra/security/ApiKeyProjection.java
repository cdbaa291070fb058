package org.referrals.infra.security;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.referrals.api.apikey.ApiKeyIssued;
import org.referrals.api.apikey.ApiKeyRevoked;
import org.referrals.api.apikey.ApiKeyRotated;
import org.springframework.stereotype.Component;

/** Keeps {@link ApiKeyDirectory} in step with the API key events; replayable from the event store. */
@Component
@ProcessingGroup("api-keys")
public class ApiKeyProjection {

    private final ApiKeyDirectory directory;

    public ApiKeyProjection(ApiKeyDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(ApiKeyIssued event, @SequenceNumber long sequence, @Timestamp Instant at) {
        directory.issued(event, sequence, at);
    }

    @EventHandler
    void on(ApiKeyRotated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        directory.rotated(event, sequence, at);
    }

    @EventHandler
    void on(ApiKeyRevoked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        directory.revoked(event.keyId(), sequence, at);
    }

    @ResetHandler
    void reset() {
        directory.clear();
    }
}
