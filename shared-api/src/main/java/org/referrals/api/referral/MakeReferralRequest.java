package org.referrals.api.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.referrals.api.common.Limits;
import org.referrals.api.partner.ServiceCategory;

/**
 * Body of {@code POST /api/referrals}; {@code goalId} optional, the goal of the case's plan it serves;
 * {@code forHousehold} optional, true when the service is for the case's whole household.
 */
public record MakeReferralRequest(
        @NotNull @Pattern(regexp = Limits.UUID_PATTERN) String caseId,
        @NotNull @Pattern(regexp = Limits.PARTNER_ID_PATTERN) String toPartnerId,
        @NotNull ServiceCategory serviceCategory,
        @NotNull Urgency urgency,
        @NotBlank @Size(max = Limits.NOTE_MAX) String reason,
        @Valid ConsentOverride consentOverride,
        @Pattern(regexp = Limits.UUID_PATTERN) String goalId,
        Boolean forHousehold) {

    /** A referral that serves no goal of a plan. */
    public MakeReferralRequest(String caseId, String toPartnerId, ServiceCategory serviceCategory, Urgency urgency,
                               String reason, ConsentOverride consentOverride) {
        this(caseId, toPartnerId, serviceCategory, urgency, reason, consentOverride, null, null);
    }
}
