package org.referrals.api.apikey;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeApiKey(@TargetAggregateIdentifier @NotNull String keyId) {
}
