package org.referrals.infra.security;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.referrals.api.apikey.ApiKeyRevoked;
import org.springframework.stereotype.Component;

/**
 * A subscribing processor (see application.yml): runs in the revoking command's own thread, before its answer,
 * so a revoked key fails from the very next request. Erring this way is safe: at worst a key is refused early.
 */
@Component
@ProcessingGroup("api-keys-immediate")
public class ImmediateRevocation {

    private final ApiKeyDirectory directory;

    public ImmediateRevocation(ApiKeyDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(ApiKeyRevoked event) {
        directory.revokedNow(event.keyId());
    }
}
