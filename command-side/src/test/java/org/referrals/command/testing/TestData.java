package org.referrals.command.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.MetaData;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.caseregistry.ConsentRecorded;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.SealedPersonalData;
import org.referrals.api.caseregistry.Sex;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.common.Actor;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.PartnerRegistered;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.partner.ServiceOffer;

/** Partners, cases and actors shared by the aggregate tests. */
public final class TestData {

    public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final String REFERRER = "ngo-rabat";
    public static final String RECEIVER = "clinic-oujda";
    public static final String THIRD = "ngo-tanger";
    public static final String CASE_ID = "6f1c2a56-5b5e-4d8b-9a59-2b8f2c4d1e01";
    public static final String CONSENT_ID = "0b6d7a7e-3c3d-4c5e-8f1a-6a2b9c0d1e02";
    public static final String REFERRAL_ID = "9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c03";
    public static final String NEW_REFERRAL_ID = "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c04";

    public static final Actor REFERRER_AGENT = Actor.partnerAgent("key-referrer", REFERRER);
    public static final Actor RECEIVER_AGENT = Actor.partnerAgent("key-receiver", RECEIVER);
    public static final Actor THIRD_AGENT = Actor.partnerAgent("key-third", THIRD);
    public static final Actor COORDINATOR = Actor.coordinator("key-coordinator");
    public static final Actor ADMIN = Actor.admin("key-admin");
    public static final Actor ANALYST = new Actor("key-analyst", null, org.referrals.api.common.Role.ANALYST);
    public static final Actor SYSTEM = Actor.system("deadline-scan");

    private TestData() {
    }

    public static MetaData as(Actor actor) {
        return MetaData.from(actor.asMetaData());
    }

    public static PartnerRegistered partnerRegistered(String partnerId, ServiceCategory... categories) {
        List<ServiceOffer> offers = java.util.Arrays.stream(categories).map(c -> new ServiceOffer(c, 10, null)).toList();
        return new PartnerRegistered(partnerId, "Partner " + partnerId, PartnerKind.NGO, "MA", List.of("Oriental"),
                                     List.of("fr", "ar"), partnerId + "@example.org", offers);
    }

    public static PersonalDetails person() {
        return new PersonalDetails("Amina", "Benali", LocalDate.of(1998, 4, 12), Sex.FEMALE, "SN", "+212 600 000 000",
                                   List.of("fr", "wo"));
    }

    /** A free text of the case as FakeSealer seals it. */
    public static SealedText text(String text) {
        return new SealedText("TEST", CASE_ID, "", text);
    }

    public static SealedPersonalData sealed(String caseId) {
        return new SealedPersonalData("TEST", caseId, "bm9uY2U=", "c2VhbGVk");
    }

    public static CaseRegistered caseRegistered(String owner) {
        return new CaseRegistered(CASE_ID, owner, sealed(CASE_ID), Set.of(Vulnerability.GBV_SURVIVOR), "MA",
                                  NOW.minusSeconds(86_400));
    }

    /** A consent of the case; empty lists mean any category / any partner. */
    public static ConsentRecorded consent(String consentId, List<ServiceCategory> categories, List<String> partners,
                                          Instant expiresAt) {
        return new ConsentRecorded(CASE_ID, consentId, LegalBasis.CONSENT, categories, partners,
                                   NOW.minusSeconds(86_400), expiresAt);
    }

    public static ConsentRecorded consentForAnything() {
        return consent(CONSENT_ID, List.of(), List.of(), null);
    }

}
