package org.referrals.api.partner;

import org.axonframework.serialization.Revision;

/**
 * Recorded on the aggregate of {@code partnerA}, the partner whose id sorts first, so that one aggregate guards
 * against agreeing the same pair twice.
 */
@Revision("1")
public record PartnershipAgreed(String partnerA, String partnerB, String description) {
}
