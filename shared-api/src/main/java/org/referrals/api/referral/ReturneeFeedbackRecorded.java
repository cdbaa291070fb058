package org.referrals.api.referral;

import org.axonframework.serialization.Revision;
import org.referrals.api.common.SealedText;

/** {@code comment} sealed under the case's key; {@code recordedBy} the partner that recorded it, null for a coordinator. */
@Revision("1")
public record ReturneeFeedbackRecorded(String referralId, int satisfaction, SealedText comment, String recordedBy) {
}
