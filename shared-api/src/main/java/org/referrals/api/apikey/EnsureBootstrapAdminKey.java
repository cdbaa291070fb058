package org.referrals.api.apikey;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the application at start: makes the bootstrap admin key (from REFERRALS_BOOTSTRAP_ADMIN_KEY or the
 * generated key file) the one that authenticates, issuing or rotating it as needed. The secret only travels in
 * this command, which is never stored.
 */
public record EnsureBootstrapAdminKey(@TargetAggregateIdentifier @NotBlank String keyId, @NotBlank String secret) {

    @Override
    public String toString() {
        return "EnsureBootstrapAdminKey[keyId=" + keyId + ", secret=redacted]";
    }
}
