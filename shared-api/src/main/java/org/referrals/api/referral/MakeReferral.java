package org.referrals.api.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.referrals.api.common.Limits;
import org.referrals.api.partner.ServiceCategory;

/**
 * Refers a case to a partner. The referring partner is the sender's own partner for a partner agent; a
 * coordinator refers on behalf of the case's owner.
 *
 * @param referralId      chosen by the sender (a UUID)
 * @param consentOverride only a coordinator, and only with a justification
 * @param goalId          optional: the open goal of the case's plan this referral serves (its categories include
 *                        the referral's)
 * @param forHousehold    optional: the service is for the case's whole household (the case must belong to one)
 */
public record MakeReferral(
        @TargetAggregateIdentifier @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String referralId,
        @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId,
        @NotNull @Pattern(regexp = Limits.PARTNER_ID_PATTERN) String toPartnerId,
        @NotNull ServiceCategory serviceCategory,
        @NotNull Urgency urgency,
        @NotBlank @Size(max = Limits.NOTE_MAX) String reason,
        @Valid ConsentOverride consentOverride,
        @Pattern(regexp = Limits.UUID_PATTERN) String goalId,
        Boolean forHousehold) {

    /** A referral that serves no goal of a plan. */
    public MakeReferral(String referralId, String caseId, String toPartnerId, ServiceCategory serviceCategory,
                        Urgency urgency, String reason, ConsentOverride consentOverride) {
        this(referralId, caseId, toPartnerId, serviceCategory, urgency, reason, consentOverride, null, null);
    }
}
