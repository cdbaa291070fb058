package org.referrals.query.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.referrals.api.assessment.AssessmentScores;
import org.referrals.api.partner.ReintegrationDimension;
import org.referrals.api.plan.GoalStatus;
import org.referrals.api.referral.QualityFigures;
import org.referrals.query.common.Figures;
import org.referrals.query.referral.ReferralFacts;

/**
 * The quality figures from facts without a person in them: referrals' closures and satisfaction, plans' dates and
 * goals' dimensions and status, and assessment scores. Every figure is suppressed by {@link SmallCellSuppression}'s
 * threshold: counts below it shown as {@code "<5"}, a share, mean or median made of fewer left out (null).
 */
final class QualityCalculation {

    /** A case with an agreed plan: when agreed and its goals' dimensions and status. */
    record PlannedCase(String caseId, Instant planAgreedAt, List<Goal> goals) {
    }

    record Goal(ReintegrationDimension dimension, GoalStatus status) {
    }

    /** A case's readable assessments of one instrument, in the order taken. */
    record AssessedCase(List<AssessmentScores> scores) {
    }

    private QualityCalculation() {
    }

    static QualityFigures figures(LocalDate from, LocalDate to, List<ReferralFacts> made, List<ReferralFacts> allOfPlannedCases,
                                  List<PlannedCase> plans, List<AssessedCase> assessed) {
        return new QualityFigures(from, to, closures(made), satisfaction(made), planToService(plans, allOfPlannedCases),
                                  goals(plans), scores(assessed));
    }

    static QualityFigures.Closures closures(List<ReferralFacts> made) {
        List<ReferralFacts> closed = made.stream().filter(Figures::closedByReferrer).toList();
        long needMet = closed.stream().filter(Figures::needMet).count();
        List<ReferralFacts> asked = closed.stream().filter(r -> r.receivedAsPlanned() != null).toList();
        long asPlanned = asked.stream().filter(ReferralFacts::receivedAsPlanned).count();
        return new QualityFigures.Closures(SmallCellSuppression.cell(closed.size()), SmallCellSuppression.cell(needMet),
                                           Figures.disclosedShare(needMet, closed.size()), SmallCellSuppression.cell(asked.size()),
                                           SmallCellSuppression.cell(asPlanned), Figures.disclosedShare(asPlanned, asked.size()));
    }

    static QualityFigures.Satisfaction satisfaction(List<ReferralFacts> made) {
        long answers = made.stream().filter(r -> r.satisfaction() != null).count();
        return new QualityFigures.Satisfaction(SmallCellSuppression.cell(answers), Figures.meanSatisfaction(made));
    }

    /** Days from each plan to the first service of its case delivered after it; the median over the plans served. */
    static QualityFigures.PlanToService planToService(List<PlannedCase> plans, List<ReferralFacts> referralsOfThoseCases) {
        Map<String, List<ReferralFacts>> byCase = referralsOfThoseCases.stream().collect(Collectors.groupingBy(ReferralFacts::caseId));
        List<Double> days = new ArrayList<>();
        for (PlannedCase plan : plans) {
            byCase.getOrDefault(plan.caseId(), List.of()).stream()
                  .map(ReferralFacts::deliveredAt)
                  .filter(at -> at != null && !at.isBefore(plan.planAgreedAt()))
                  .min(Comparator.naturalOrder())
                  .ifPresent(first -> days.add(Duration.between(plan.planAgreedAt(), first).toHours() / 24.0));
        }
        return new QualityFigures.PlanToService(SmallCellSuppression.cell(plans.size()), SmallCellSuppression.cell(days.size()),
                                                days.size() < SmallCellSuppression.THRESHOLD ? null : round(Figures.median(days), 10));
    }

    static List<QualityFigures.Goals> goals(List<PlannedCase> plans) {
        Map<ReintegrationDimension, long[]> counts = new EnumMap<>(ReintegrationDimension.class);
        for (ReintegrationDimension dimension : ReintegrationDimension.values()) {
            counts.put(dimension, new long[4]); // goals, achieved, dropped (by choice or with the case), open
        }
        plans.stream().flatMap(plan -> plan.goals().stream()).forEach(goal -> {
            long[] c = counts.get(goal.dimension());
            c[0]++;
            c[goal.status() == GoalStatus.ACHIEVED ? 1 : goal.status() == GoalStatus.OPEN ? 3 : 2]++;
        });
        List<ReintegrationDimension> dimensions = List.of(ReintegrationDimension.values());
        Object[][] columns = SmallCellSuppression.columns(dimensions.stream().map(counts::get).toList(), 4);
        List<QualityFigures.Goals> rows = new ArrayList<>();
        for (int i = 0; i < dimensions.size(); i++) {
            long[] c = counts.get(dimensions.get(i));
            rows.add(new QualityFigures.Goals(dimensions.get(i), columns[0][i], columns[1][i], columns[2][i], columns[3][i],
                                              Figures.disclosedShare(c[1], c[1] + c[2])));
        }
        return rows;
    }

    /** First and latest scores of each case assessed at least twice: means per dimension and composite. */
    static List<QualityFigures.Scores> scores(List<AssessedCase> assessed) {
        List<AssessedCase> followed = assessed.stream().filter(a -> a.scores().size() >= 2).toList();
        List<QualityFigures.Scores> rows = new ArrayList<>();
        for (ReintegrationDimension dimension : ReintegrationDimension.values()) {
            rows.add(scores(dimension.name(), followed, s -> s.dimensions().get(dimension)));
        }
        rows.add(scores("composite", followed, AssessmentScores::composite));
        return rows;
    }

    private static QualityFigures.Scores scores(String name, List<AssessedCase> followed, Function<AssessmentScores, Double> score) {
        List<double[]> pairs = followed.stream()
                .map(a -> new Double[] {score.apply(a.scores().get(0)), score.apply(a.scores().get(a.scores().size() - 1))})
                .filter(pair -> pair[0] != null && pair[1] != null)
                .map(pair -> new double[] {pair[0], pair[1]}).toList();
        if (pairs.size() < SmallCellSuppression.THRESHOLD) {
            return new QualityFigures.Scores(name, SmallCellSuppression.cell(pairs.size()), null, null, null);
        }
        double first = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double latest = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        return new QualityFigures.Scores(name, pairs.size(), round(first, 1000), round(latest, 1000), round(latest - first, 1000));
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
