package org.referrals.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.RegisterCase;
import org.referrals.api.partner.RegisterPartner;

/** The generator's plan: reproducible from its seed, in time order, each case's steps after its registration, every kind of step. */
class HistoryPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() {
        assertThat(plan(7, 200)).isEqualTo(plan(7, 200));
        assertThat(plan(8, 200)).isNotEqualTo(plan(7, 200));
    }

    @Test
    void stepsComeInTimeOrderWithEveryCaseRegisteredBeforeItsReferrals() {
        List<HistoryPlan.Step> steps = plan(11, 500);
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).at()).isAfterOrEqualTo(steps.get(i - 1).at());
        }
        Map<String, Object> firstOfGroup = new HashMap<>();
        steps.forEach(step -> firstOfGroup.putIfAbsent(step.group(), step.command()));
        assertThat(firstOfGroup.entrySet()).filteredOn(e -> !e.getKey().equals("network"))
                                           .allSatisfy(e -> assertThat(e.getValue()).isInstanceOf(RegisterCase.class));
        assertThat(steps).filteredOn(HistoryPlan.Step::isNetwork).allSatisfy(step -> assertThat(step.at()).isBefore(
                steps.stream().filter(s -> !s.isNetwork()).findFirst().orElseThrow().at()));
        assertThat(steps).allSatisfy(step -> assertThat(step.at()).isBeforeOrEqualTo(NOW));
    }

    @Test
    void theMixHasEveryKindOfStepMostReferralsAcceptedAndDelivered() {
        Map<String, Long> kinds = plan(3, 2000).stream()
                .collect(Collectors.groupingBy(step -> step.command().getClass().getSimpleName(), Collectors.counting()));
        assertThat(kinds).containsKeys("RegisterPartner", "AgreePartnership", "RegisterCase", "MakeReferral", "AcceptReferral",
                                       "DeclineReferral", "RedirectReferral", "CancelReferral", "StartService", "PutReferralOnHold",
                                       "FailService", "DeliverService", "CloseReferral");
        assertThat(kinds.get("RegisterCase")).isEqualTo(2000);
        long made = kinds.get("MakeReferral");
        assertThat(kinds.get("AcceptReferral")).isBetween(made * 65 / 100, made * 80 / 100);
        assertThat(kinds.get("DeliverService")).isBetween(made * 45 / 100, made * 70 / 100);
        assertThat(kinds.get("DeclineReferral")).isBetween(made * 8 / 100, made * 18 / 100);
        // every case with a referral has its plan; goals are achieved after some referrals closed with the need met
        assertThat(kinds.get("AgreePlan")).isBetween(1900L, 2000L);
        assertThat(kinds.get("AchieveGoal")).isBetween(kinds.get("CloseReferral") / 2, kinds.get("CloseReferral"));
    }

    @Test
    void aLargerNetworkHasProportionallyMorePartners() {
        List<RegisterPartner> demo = DemoNetwork.partners(new Random(1), 1);
        List<RegisterPartner> tenfold = DemoNetwork.partners(new Random(1), 10);
        assertThat(demo).hasSize(40);
        assertThat(tenfold).hasSize(400).extracting(RegisterPartner::partnerId).doesNotHaveDuplicates();
        assertThat(NetworkGenerator.Size.ofEvents(1_000_000, 1).partnerScale()).isEqualTo(9);
        assertThat(NetworkGenerator.Size.ofEvents(10_000, 1).cases()).isEqualTo(1031);
    }

    private static List<HistoryPlan.Step> plan(long seed, int cases) {
        Random random = new Random(seed);
        return new HistoryPlan(random, DemoNetwork.partners(random, 1), cases, NOW.minus(Duration.ofDays(120)), NOW).toList();
    }
}
