package org.referrals.command.caseregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.partner.ServiceCategory;

/** How a consent's scope, expiry and withdrawal decide whether it covers a referral, for any scope. */
class ConsentScopeProperties {

    private static final Instant RECORDED = Instant.parse("2026-01-01T00:00:00Z");

    @Property
    void aWithdrawnConsentCoversNothing(@ForAll("consents") Consent consent, @ForAll("partners") String partner,
                                        @ForAll ServiceCategory category, @ForAll("moments") Instant at) {
        assertThat(consent.withdraw().covers(partner, category, at)).isFalse();
    }

    @Property
    void widenedScopeNeverLosesCoverage(@ForAll("consents") Consent consent, @ForAll("partners") String partner,
                                        @ForAll ServiceCategory category, @ForAll("moments") Instant at,
                                        @ForAll ServiceCategory extraCategory, @ForAll("partners") String extraPartner) {
        // an empty list already means "any": adding to it would narrow it, so only named scopes are widened
        List<ServiceCategory> categories = new ArrayList<>(consent.categories());
        if (!categories.isEmpty()) {
            categories.add(extraCategory);
        }
        List<String> partners = new ArrayList<>(consent.partnerIds());
        if (!partners.isEmpty()) {
            partners.add(extraPartner);
        }
        Consent wider = new Consent(consent.consentId(), consent.legalBasis(), categories, partners, consent.expiresAt(), false);
        if (consent.covers(partner, category, at)) {
            assertThat(wider.covers(partner, category, at)).isTrue();
        }
    }

    @Property
    void anEmptyScopeCoversEveryPartnerAndCategoryUntilItExpires(@ForAll("partners") String partner,
                                                                 @ForAll ServiceCategory category,
                                                                 @ForAll("moments") Instant at,
                                                                 @ForAll("moments") Instant expiresAt) {
        Consent any = new Consent("c", LegalBasis.VITAL_INTEREST, List.of(), List.of(), expiresAt, false);
        assertThat(any.covers(partner, category, at)).isEqualTo(at.isBefore(expiresAt));
        Consent forever = new Consent("c", LegalBasis.CONSENT, List.of(), List.of(), null, false);
        assertThat(forever.covers(partner, category, at)).isTrue();
    }

    @Property
    void aScopedConsentCoversOnlyWhatItNames(@ForAll("consents") Consent consent, @ForAll("partners") String partner,
                                             @ForAll ServiceCategory category, @ForAll("moments") Instant at) {
        if (consent.covers(partner, category, at)) {
            assertThat(consent.categories().isEmpty() || consent.categories().contains(category)).isTrue();
            assertThat(consent.partnerIds().isEmpty() || consent.partnerIds().contains(partner)).isTrue();
        }
    }

    @Provide
    Arbitrary<String> partners() {
        return Arbitraries.of("ngo-rabat", "clinic-oujda", "ngo-tanger", "shelter-one", "ministry-health");
    }

    @Provide
    Arbitrary<Instant> moments() {
        return Arbitraries.longs().between(0, 3 * 365).map(days -> RECORDED.plus(Duration.ofDays(days)));
    }

    @Provide
    Arbitrary<Consent> consents() {
        return Combinators.combine(
                Arbitraries.of(LegalBasis.class),
                Arbitraries.of(ServiceCategory.class).list().uniqueElements().ofMaxSize(4),
                partners().list().uniqueElements().ofMaxSize(3),
                moments().injectNull(0.3)
        ).as((basis, categories, partnerIds, expiresAt) -> new Consent("c", basis, categories, partnerIds, expiresAt, false));
    }
}
