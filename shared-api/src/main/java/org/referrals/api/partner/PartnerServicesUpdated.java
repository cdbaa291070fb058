package org.referrals.api.partner;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PartnerServicesUpdated(String partnerId, List<ServiceOffer> services) {
}
