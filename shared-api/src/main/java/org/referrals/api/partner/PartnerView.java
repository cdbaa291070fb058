package org.referrals.api.partner;

import java.time.Instant;
import java.util.List;

/** A partner as the directory shows it (no personal data). */
public record PartnerView(String partnerId, String name, PartnerKind kind, String country, List<String> regions,
                          List<String> languages, String contactEmail, List<ServiceOffer> services, boolean active,
                          Integer capacity, Instant updatedAt) {
}
