package org.referrals.api.partner;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PartnerRegistered(
        String partnerId,
        String name,
        PartnerKind kind,
        String country,
        List<String> regions,
        List<String> languages,
        String contactEmail,
        List<ServiceOffer> services) {
}
