package org.referrals.api.referral;

import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.common.SealedText;

/**
 * What a referral relied on to share the case: a recorded consent (or other legal basis) of the case, or a
 * coordinator's override with its justification (then {@code consentId} and {@code legalBasis} are null).
 */
public record ReferralLegalBasis(String consentId, LegalBasis legalBasis, SealedText overrideJustification) {

    public static ReferralLegalBasis consent(String consentId, LegalBasis legalBasis) {
        return new ReferralLegalBasis(consentId, legalBasis, null);
    }

    /** A coordinator's override, with its justification sealed under the case's key. */
    public static ReferralLegalBasis override(SealedText justification) {
        return new ReferralLegalBasis(null, null, justification);
    }

    public boolean isOverride() {
        return overrideJustification != null;
    }
}
