package org.referrals.command.caseregistry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.plan.GoalStatus;
import org.referrals.api.plan.PlannedGoal;
import org.referrals.command.common.BusinessRule;
import org.referrals.command.common.BusinessRuleViolationException;

/**
 * The state of a case's reintegration plan that its rules need (whether agreed; each goal's status and
 * categories) and those rules, each in one place. Part of the {@link Case} aggregate, which applies the events.
 */
final class PlanGoals {

    private record Goal(GoalStatus status, Set<ServiceCategory> categories) {
    }

    private boolean agreed;
    private final Map<String, Goal> goals = new LinkedHashMap<>();

    void requireNotAgreed() {
        if (agreed) {
            throw new BusinessRuleViolationException(BusinessRule.PLAN_ALREADY_AGREED,
                    "the case's plan is already agreed: add, revise, achieve or drop its goals");
        }
    }

    void requireAgreed() {
        if (!agreed) {
            throw new BusinessRuleViolationException(BusinessRule.PLAN_NOT_AGREED, "the case has no agreed plan yet");
        }
    }

    /** New goals: ids not used before in this plan (nor twice among them), target dates not before today. */
    void requireNewGoals(Collection<String> goalIds, List<LocalDate> targetDates, LocalDate today) {
        Set<String> seen = new HashSet<>();
        for (String goalId : goalIds) {
            if (goals.containsKey(goalId) || !seen.add(goalId)) {
                throw new BusinessRuleViolationException(BusinessRule.GOAL_ALREADY_EXISTS, "goal %s already exists".formatted(goalId));
            }
        }
        targetDates.forEach(date -> requireTargetNotPast(date, today));
    }

    static void requireTargetNotPast(LocalDate targetDate, LocalDate today) {
        if (targetDate.isBefore(today)) {
            throw new BusinessRuleViolationException(BusinessRule.GOAL_TARGET_IN_PAST,
                                                     "a goal's target date cannot be in the past (" + targetDate + ")");
        }
    }

    /** The goal exists and is still open (revise, achieve, drop, or a referral serving it). */
    void requireOpen(String goalId) {
        Goal goal = goals.get(goalId);
        if (goal == null) {
            throw new BusinessRuleViolationException(BusinessRule.GOAL_UNKNOWN, "the case's plan has no goal %s".formatted(goalId));
        }
        if (goal.status() != GoalStatus.OPEN) {
            throw new BusinessRuleViolationException(BusinessRule.GOAL_NOT_OPEN,
                                                     "goal %s is %s".formatted(goalId, goal.status()));
        }
    }

    /** A referral for {@code category} may serve the goal: it is open and the category is one of the goal's. */
    void requireServes(String goalId, ServiceCategory category) {
        requireOpen(goalId);
        if (!goals.get(goalId).categories().contains(category)) {
            throw new BusinessRuleViolationException(BusinessRule.GOAL_CATEGORY_MISMATCH,
                    "goal %s is served by %s, not %s".formatted(goalId, goals.get(goalId).categories(), category));
        }
    }

    List<String> openGoalIds() {
        return goals.entrySet().stream().filter(e -> e.getValue().status() == GoalStatus.OPEN).map(Map.Entry::getKey).toList();
    }

    void agreed(List<PlannedGoal> planned) {
        agreed = true;
        planned.forEach(this::set);
    }

    void set(PlannedGoal goal) {
        goals.put(goal.goalId(), new Goal(GoalStatus.OPEN, Set.copyOf(goal.serviceCategories())));
    }

    void ended(String goalId, GoalStatus status) {
        goals.computeIfPresent(goalId, (id, goal) -> new Goal(status, goal.categories()));
    }
}
