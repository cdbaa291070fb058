package org.referrals.api.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;
/** Recorded once, when respondBy passed without an answer: an escalation for the coordinators. */
@Revision("1")
public record ReferralResponseOverdue(String referralId, Instant respondBy) {
}
