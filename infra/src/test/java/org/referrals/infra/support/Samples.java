package org.referrals.infra.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.RegisterCase;
import org.referrals.api.caseregistry.Sex;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.RegisterPartner;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.partner.ServiceOffer;

/** Commands with recognisable values, for tests that look for them in stored bytes. */
public final class Samples {

    public static final Actor COORDINATOR = Actor.coordinator("key-coordinator");

    private Samples() {
    }

    public static RegisterPartner partner(String partnerId, ServiceCategory... categories) {
        return new RegisterPartner(partnerId, "Partner " + partnerId, PartnerKind.NGO, "MA", List.of("Oriental"),
                                   List.of("fr"), partnerId + "@example.org",
                                   java.util.Arrays.stream(categories).map(c -> new ServiceOffer(c, 5, null)).toList());
    }

    /** Values long enough that they cannot turn up by chance inside base64 ciphertext. */
    public static PersonalDetails person() {
        return new PersonalDetails("Zainabou", "Ndiayekoumba", LocalDate.of(1991, 7, 23), Sex.FEMALE, "SN",
                                   "+221 77 123 45 67", List.of("wo", "fr"));
    }

    public static RegisterCase caseWithConsentForAnything() {
        return new RegisterCase(UUID.randomUUID().toString(), person(), Set.of(Vulnerability.VICTIM_OF_TRAFFICKING), "MA",
                                UUID.randomUUID().toString(),
                                new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(), Instant.now().plusSeconds(86_400 * 365L)));
    }
}
