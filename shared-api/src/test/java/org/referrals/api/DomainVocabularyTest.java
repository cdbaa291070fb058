package org.referrals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.partner.ReintegrationDimension;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Urgency;

/** The enums against DESIGN section 3, written out here independently of their declarations. */
class DomainVocabularyTest {

    @Test
    void eachServiceCategoryKnowsItsReintegrationDimension() {
        var design = Map.ofEntries(
                Map.entry("HEALTH_CARE", "PSYCHOSOCIAL"), Map.entry("MENTAL_HEALTH_PSYCHOSOCIAL", "PSYCHOSOCIAL"),
                Map.entry("SHELTER_HOUSING", "SOCIAL"), Map.entry("LEGAL_AID", "SOCIAL"),
                Map.entry("CIVIL_DOCUMENTATION", "SOCIAL"), Map.entry("EDUCATION", "SOCIAL"),
                Map.entry("CHILD_PROTECTION", "SOCIAL"), Map.entry("FAMILY_TRACING", "SOCIAL"),
                Map.entry("FOOD_NUTRITION", "SOCIAL"), Map.entry("CASH_ASSISTANCE", "ECONOMIC"),
                Map.entry("VOCATIONAL_TRAINING", "ECONOMIC"), Map.entry("EMPLOYMENT_JOB_PLACEMENT", "ECONOMIC"),
                Map.entry("BUSINESS_START_UP", "ECONOMIC"), Map.entry("COUNSELLING", "PSYCHOSOCIAL"));
        assertThat(ServiceCategory.values()).hasSize(design.size());
        for (ServiceCategory category : ServiceCategory.values()) {
            assertThat(category.dimension()).as(category.name())
                                            .isEqualTo(ReintegrationDimension.valueOf(design.get(category.name())));
        }
    }

    @Test
    void eachUrgencyKnowsItsResponseTime() {
        assertThat(Urgency.EMERGENCY.responseTime()).isEqualTo(Duration.ofHours(24));
        assertThat(Urgency.PRIORITY.responseTime()).isEqualTo(Duration.ofHours(72));
        assertThat(Urgency.ROUTINE.responseTime()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void statusesMapOneToOneToFhirTaskCodesWhereFhirHasOne() {
        assertThat(ReferralStatus.DECLINED.fhirTaskStatus()).isEqualTo("rejected");
        assertThat(ReferralStatus.DELIVERED.fhirTaskStatus()).isEqualTo("completed");
        assertThat(ReferralStatus.ON_HOLD.fhirTaskStatus()).isEqualTo("on-hold");
        assertThat(ReferralStatus.IN_PROGRESS.fhirTaskStatus()).isEqualTo("in-progress");
        assertThat(ReferralStatus.EXPIRED.fhirTaskStatus()).isNull();
        assertThat(ReferralStatus.values()).filteredOn(status -> status.fhirTaskStatus() != null)
                                           .extracting(ReferralStatus::fhirTaskStatus).doesNotHaveDuplicates();
    }

    @Test
    void declinedExpiredCancelledAndClosedAreTerminal() {
        assertThat(ReferralStatus.values()).filteredOn(ReferralStatus::isTerminal)
                                           .containsExactlyInAnyOrder(ReferralStatus.DECLINED, ReferralStatus.EXPIRED,
                                                                      ReferralStatus.CANCELLED, ReferralStatus.CLOSED);
    }
}
