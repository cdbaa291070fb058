package org.referrals.api.referral;


import org.axonframework.serialization.Revision;

@Revision("1")
public record ServiceDelivered(String referralId, DeliveryOutcome outcome, String note) {
}
