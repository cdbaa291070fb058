package org.referrals.api.partner;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PartnerSuspended(String partnerId, String reason) {
}
