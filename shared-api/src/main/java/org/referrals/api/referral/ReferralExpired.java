package org.referrals.api.referral;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReferralExpired(String referralId, Instant respondBy) {
}
