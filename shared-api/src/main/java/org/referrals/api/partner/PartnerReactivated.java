package org.referrals.api.partner;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PartnerReactivated(String partnerId, String reason) {
}
