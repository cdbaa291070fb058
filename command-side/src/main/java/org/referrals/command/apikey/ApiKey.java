package org.referrals.command.apikey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.referrals.api.apikey.ApiKeyIssued;
import org.referrals.api.apikey.ApiKeyRevoked;
import org.referrals.api.apikey.ApiKeyRotated;
import org.referrals.api.apikey.RevokeApiKey;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.command.common.IllegalTransitionException;
import org.referrals.command.common.Permissions;

/**
 * An API key, issued and revoked as events so that the lookup table in MongoDB can always be rebuilt. It holds
 * only the salted hash of the secret.
 */
@Aggregate
public class ApiKey {

    enum Status { ACTIVE, REVOKED }

    @AggregateIdentifier
    private String keyId;
    private Status status;
    private String salt;
    private String hash;

    protected ApiKey() {
        // for Axon
    }

    /** Issued by {@link ApiKeyCommandHandler} once the role and partner were checked. */
    ApiKey(ApiKeyIssued issued) {
        apply(issued);
    }

    @CommandHandler
    public void handle(RevokeApiKey command, Actor actor) {
        Permissions.requireRole(actor, "RevokeApiKey", Role.ADMIN);
        if (status != Status.ACTIVE) {
            throw new IllegalTransitionException("API key", "RevokeApiKey", status);
        }
        apply(new ApiKeyRevoked(keyId));
    }

    boolean acceptsSecret(String secret) {
        return status == Status.ACTIVE && ApiKeySecrets.matches(salt, hash, secret);
    }

    /** A new secret for the same key id (bootstrap admin key only); also makes a revoked key active again. */
    void rotate(String newSalt, String newHash) {
        apply(new ApiKeyRotated(keyId, newSalt, newHash));
    }

    @EventSourcingHandler
    void on(ApiKeyIssued event) {
        keyId = event.keyId();
        salt = event.salt();
        hash = event.hash();
        status = Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(ApiKeyRotated event) {
        salt = event.salt();
        hash = event.hash();
        status = Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(ApiKeyRevoked event) {
        status = Status.REVOKED;
    }
}
