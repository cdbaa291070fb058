package org.referrals.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.referrals.api.assessment.AssessmentScores;
import org.referrals.api.partner.ReintegrationDimension;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.plan.GoalStatus;
import org.referrals.api.referral.QualityFigures;
import org.referrals.api.referral.ReferralClosureReason;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Urgency;
import org.referrals.query.referral.ReferralFacts;

/** The quality figures on worked examples, and their suppression whatever the counts. */
class QualityCalculationTest {

    private static final Instant T = Instant.parse("2026-06-01T10:00:00Z");

    private static ReferralFacts closed(int i, ReferralClosureReason reason, Boolean asPlanned, Integer satisfaction,
                                        Instant deliveredAt, boolean withCase) {
        return new ReferralFacts("r" + i, "c" + i, "ngo", "clinic", ServiceCategory.HEALTH_CARE, Urgency.ROUTINE,
                                 ReferralStatus.CLOSED, ReferralStatus.ACCEPTED, null, false, false, T, T.plusSeconds(3600),
                                 T, T, deliveredAt, null, null, T, null, reason, asPlanned, satisfaction, withCase);
    }

    @Test
    void sharesAndMeansOfAWorkedExample() {
        List<ReferralFacts> made = new ArrayList<>();
        // 12 closed by their referrer: 7 need met, 5 not; 10 asked "as planned", 6 yes; satisfaction 5,4,4,3,2 on five
        for (int i = 0; i < 12; i++) {
            Boolean asPlanned = i < 10 ? i < 6 : null;
            Integer satisfaction = i < 5 ? new int[] {5, 4, 4, 3, 2}[i] : null;
            made.add(closed(i, i < 7 ? ReferralClosureReason.NEED_MET : ReferralClosureReason.NEED_NOT_MET, asPlanned, satisfaction, T, false));
        }
        made.add(closed(99, ReferralClosureReason.OTHER, null, null, null, true)); // ended with its case: not a closure
        QualityFigures.Closures closures = QualityCalculation.closures(made);
        assertThat(closures.closed()).isEqualTo(12L);
        assertThat(closures.needMet()).isEqualTo(7L);
        assertThat(closures.needMetShare()).isEqualTo(0.583); // 7 / 12
        assertThat(closures.asked()).isEqualTo(10L);
        assertThat(closures.receivedAsPlanned()).isEqualTo(6L);
        assertThat(closures.receivedAsPlannedShare()).isNull(); // the 4 who did not would be told
        QualityFigures.Satisfaction satisfaction = QualityCalculation.satisfaction(made);
        assertThat(satisfaction.answers()).isEqualTo(5L);
        assertThat(satisfaction.mean()).isEqualTo(3.6); // 18 / 5
        assertThat(QualityCalculation.satisfaction(made.subList(1, 12)).mean()).isNull(); // 4 answers: suppressed
    }

    @Test
    void daysFromPlanToTheFirstServiceDeliveredAfterItAndTheMedian() {
        List<QualityCalculation.PlannedCase> plans = new ArrayList<>();
        List<ReferralFacts> referrals = new ArrayList<>();
        int[] days = {2, 4, 6, 8, 10};
        for (int i = 0; i < days.length; i++) {
            plans.add(new QualityCalculation.PlannedCase("c" + i, T, List.of()));
            referrals.add(closed(i, ReferralClosureReason.NEED_MET, null, null, T.plus(days[i], ChronoUnit.DAYS), false));
            referrals.add(closed(i, ReferralClosureReason.NEED_MET, null, null, T.minus(1, ChronoUnit.DAYS), false)); // before the plan
        }
        plans.add(new QualityCalculation.PlannedCase("never-served", T, List.of()));
        QualityFigures.PlanToService figure = QualityCalculation.planToService(plans, referrals);
        assertThat(figure.plans()).isEqualTo(6L);
        assertThat(figure.served()).isEqualTo(5L);
        assertThat(figure.medianDays()).isEqualTo(6.0);
    }

    @Test
    void goalsPerDimensionWithTheShareAchievedOfThoseEnded() {
        List<QualityCalculation.Goal> goals = new ArrayList<>();
        for (int i = 0; i < 6; i++) goals.add(new QualityCalculation.Goal(ReintegrationDimension.ECONOMIC, GoalStatus.ACHIEVED));
        for (int i = 0; i < 5; i++) goals.add(new QualityCalculation.Goal(ReintegrationDimension.ECONOMIC, GoalStatus.DROPPED));
        for (int i = 0; i < 7; i++) goals.add(new QualityCalculation.Goal(ReintegrationDimension.ECONOMIC, GoalStatus.OPEN));
        goals.add(new QualityCalculation.Goal(ReintegrationDimension.SOCIAL, GoalStatus.CLOSED_WITH_CASE));
        var rows = QualityCalculation.goals(List.of(new QualityCalculation.PlannedCase("c", T, goals)));
        var economic = rows.get(0);
        assertThat(economic.goals()).isEqualTo(18L);
        assertThat(economic.dropped()).isEqualTo(5L); // beside SOCIAL's 1 (with the case) and PSYCHOSOCIAL's 0
        // the other dimensions achieved none and have none open: two zeros would be told by the total, so 6 and 7 hide
        assertThat(economic.achieved()).isEqualTo("x");
        assertThat(economic.open()).isEqualTo("x");
        assertThat(economic.achievedShare()).isEqualTo(0.545); // 6 of 11 ended
        assertThat(rows.get(1).goals()).isIn("<5", "x");
        assertThat(rows.get(1).achievedShare()).isNull();
    }

    @Test
    void assessmentMeansOfFirstAndLatestOverCasesAssessedTwice() {
        List<QualityCalculation.AssessedCase> cases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cases.add(new QualityCalculation.AssessedCase(List.of(scores(0.2 + i * 0.1), scores(0.5), scores(0.6 + i * 0.05))));
        }
        cases.add(new QualityCalculation.AssessedCase(List.of(scores(0.9)))); // assessed once: no change to count
        var composite = QualityCalculation.scores(cases).get(3);
        assertThat(composite.dimension()).isEqualTo("composite");
        assertThat(composite.cases()).isEqualTo(5);
        assertThat(composite.first()).isEqualTo(0.4); // (.2 + .3 + .4 + .5 + .6) / 5
        assertThat(composite.latest()).isEqualTo(0.7); // (.6 + .65 + .7 + .75 + .8) / 5
        assertThat(composite.change()).isEqualTo(0.3);
        assertThat(QualityCalculation.scores(cases.subList(1, 6)).get(3).first()).isNull(); // 4 cases: suppressed
    }

    @Property
    void aShareNeverTellsACountBelowFive(@ForAll @IntRange(max = 40) int part, @ForAll @IntRange(max = 40) int rest) {
        Double share = org.referrals.query.common.Figures.disclosedShare(part, part + rest);
        if (share != null) {
            assertThat(part).isGreaterThanOrEqualTo(5);
            assertThat(rest).isGreaterThanOrEqualTo(5);
            assertThat(share).isBetween(0.0, 1.0);
        } else {
            assertThat(part < 5 || rest < 5).isTrue();
        }
    }

    private static AssessmentScores scores(double value) {
        return new AssessmentScores(Map.of(ReintegrationDimension.ECONOMIC, value), value, 15, 0);
    }
}
