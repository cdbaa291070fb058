package org.referrals.api.referral;

import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.caseregistry.CaseClosureReason;

/**
 * Sent by the system when the referral's case was closed: an open referral is cancelled, one delivered or failed is
 * closed, each with the case's closure reason; an ended one is left as it is.
 */
public record EndReferralWithCase(@TargetAggregateIdentifier @NotNull String referralId, @NotNull CaseClosureReason reason) {
}
