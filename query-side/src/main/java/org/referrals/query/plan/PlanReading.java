package org.referrals.query.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.referrals.api.common.SealedText;
import org.referrals.api.plan.CasePlan;
import org.referrals.api.plan.GoalAchieved;
import org.referrals.api.plan.GoalAdded;
import org.referrals.api.plan.GoalDropped;
import org.referrals.api.plan.GoalRevised;
import org.referrals.api.plan.GoalStatus;
import org.referrals.api.plan.PlanAgreed;
import org.referrals.api.plan.PlannedGoal;

/**
 * A case's plan read from its events, in order: the goals as they now read, their status and how often revised.
 * Texts are opened by the given function (null once the case's key is destroyed).
 */
final class PlanReading {

    private final Function<SealedText, String> open;
    private Instant agreedAt;
    private final Map<String, CasePlan.Goal> goals = new LinkedHashMap<>();

    PlanReading(Function<SealedText, String> open) {
        this.open = open;
    }

    void read(Object event) {
        if (event instanceof PlanAgreed e) {
            agreedAt = e.agreedAt();
            e.goals().forEach(goal -> goals.put(goal.goalId(), goal(goal, 0, e.agreedAt())));
        } else if (event instanceof GoalAdded e) {
            goals.put(e.goal().goalId(), goal(e.goal(), 0, e.addedAt()));
        } else if (event instanceof GoalRevised e) {
            CasePlan.Goal before = goals.get(e.goal().goalId());
            goals.put(e.goal().goalId(), goal(e.goal(), before == null ? 1 : before.revisions() + 1, e.revisedAt()));
        } else if (event instanceof GoalAchieved e) {
            ended(e.goalId(), GoalStatus.ACHIEVED, e.note(), null, e.achievedAt());
        } else if (event instanceof GoalDropped e) {
            ended(e.goalId(), e.status(), e.reason(),
                  e.caseClosed(), e.droppedAt());
        }
    }

    Instant agreedAt() {
        return agreedAt;
    }

    List<CasePlan.Goal> goals() {
        return new ArrayList<>(goals.values());
    }

    private CasePlan.Goal goal(PlannedGoal goal, int revisions, Instant at) {
        return new CasePlan.Goal(goal.goalId(), goal.dimension(), open.apply(goal.description()), goal.targetDate(),
                                 goal.serviceCategories(), GoalStatus.OPEN, null, null, at, revisions, List.of());
    }

    private void ended(String goalId, GoalStatus status, SealedText note, org.referrals.api.caseregistry.CaseClosureReason caseClosed,
                       Instant at) {
        goals.computeIfPresent(goalId, (id, g) -> new CasePlan.Goal(g.goalId(), g.dimension(), g.description(), g.targetDate(),
                g.serviceCategories(), status, open.apply(note), caseClosed, at, g.revisions(), g.referrals()));
    }
}
