package org.referrals.api.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;

/** Sent by the system's deadline scan when it sees {@code respondBy} passed; recorded once. */
public record RecordResponseOverdue(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String referralId,
        @NotNull Instant observedAt) {
}
