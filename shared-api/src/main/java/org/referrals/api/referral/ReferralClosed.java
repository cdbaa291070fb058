package org.referrals.api.referral;


import org.axonframework.serialization.Revision;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.common.SealedText;

/**
 * The loop closed. The referrer's view of its quality, each null where not recorded: {@code receivedAsPlanned}
 * whether the returnee received the service as planned; {@code satisfaction} (1-5) and {@code comment} (sealed) if the
 * returnee was asked. {@code caseClosed}: the case's closure reason when the system closed it with its case.
 */
@Revision("1")
public record ReferralClosed(String referralId, ReferralClosureReason closureReason, SealedText note,
                             Boolean receivedAsPlanned, Integer satisfaction, SealedText comment,
                             CaseClosureReason caseClosed) {

    /** Closed without a record of its quality. */
    public ReferralClosed(String referralId, ReferralClosureReason closureReason, SealedText note) {
        this(referralId, closureReason, note, null, null, null, null);
    }
}
