package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.CaseClosureReason;
import org.referrals.api.plan.CasePlan;
import org.referrals.api.plan.GoalStatus;
import org.referrals.api.plan.PlanChange;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.ReferralView;
import org.springframework.http.HttpMethod;

/**
 * A reintegration plan over HTTP: agreed with goals, a referral serving one, the goal achieved, another revised and
 * dropped; who reads it; and closing the case with RE_MIGRATED ends its open goals and referrals as events.
 */
class PlanApiTest extends ApiTest {

    private static final ServiceCategory CARE = ServiceCategory.HEALTH_CARE;

    static Map<String, Object> goal(String dimension, String description, LocalDate target, ServiceCategory... categories) {
        return Map.of("dimension", dimension, "description", description, "targetDate", target.toString(),
                      "serviceCategories", List.of(categories));
    }

    @Test
    void aPlanWithGoalsServedByReferralsRevisedAchievedAndEndedWithTheCase() {
        var parties = api.parties("plan", CARE);
        String caseId = api.caseOf(parties.referrerKey());
        PlanChange agreed = api.post("/api/cases/" + caseId + "/plan", parties.referrerKey(), Map.of("goals", List.of(
                        goal("PSYCHOSOCIAL", "regular health follow-up", LocalDate.now().plusMonths(3), CARE),
                        goal("ECONOMIC", "a paid job", LocalDate.now().plusMonths(6), ServiceCategory.EMPLOYMENT_JOB_PLACEMENT))))
                .expectStatus().isCreated().expectBody(PlanChange.class).returnResult().getResponseBody();
        String health = agreed.goalIds().get(0);
        String job = agreed.goalIds().get(1);

        // a referral for the health goal; one for the job goal in a category the goal does not name is refused
        Map<String, Object> body = new HashMap<>(ApiClient.referralBody(caseId, parties.receiver(), CARE));
        body.put("goalId", health);
        String referralId = api.post("/api/referrals", parties.referrerKey(), body).expectStatus().isCreated()
                               .expectBody(Map.class).returnResult().getResponseBody().get("referralId").toString();
        body.put("goalId", job);
        api.post("/api/referrals", parties.referrerKey(), body).expectStatus().isEqualTo(409)
           .expectBody().jsonPath("$.rule").isEqualTo("GOAL_CATEGORY_MISMATCH");

        api.act(parties.receiverKey(), referralId, "accept", Map.of());
        api.act(parties.receiverKey(), referralId, "start", Map.of());
        api.act(parties.receiverKey(), referralId, "deliver", Map.of("outcome", "SERVICE_PROVIDED"));
        api.act(parties.referrerKey(), referralId, "close", Map.of("closureReason", "NEED_MET", "receivedAsPlanned", true,
                                                                    "satisfaction", 4, "comment", "kind staff"));
        api.post("/api/cases/" + caseId + "/plan/goals/" + health + "/achieve", parties.referrerKey(), Map.of("note", "check-ups done"))
           .expectStatus().isOk();
        api.post("/api/cases/" + caseId + "/plan/goals/" + job + "/revise", parties.referrerKey(), Map.of(
                "goal", goal("ECONOMIC", "a small business", LocalDate.now().plusMonths(9), ServiceCategory.BUSINESS_START_UP),
                "reason", "prefers self-employment")).expectStatus().isOk();

        CasePlan plan = await().atMost(Duration.ofSeconds(10)).until(() -> read(caseId, parties.referrerKey()),
                p -> p != null && p.goals().get(0).referrals().stream().anyMatch(r -> r.status() == ReferralStatus.CLOSED));
        assertThat(plan.agreedAt()).isNotNull();
        assertThat(plan.overdue()).isFalse();
        assertThat(plan.goals()).extracting(CasePlan.Goal::goalId).containsExactly(health, job);
        assertThat(plan.goals().get(0).status()).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(plan.goals().get(0).statusNote()).isEqualTo("check-ups done");
        assertThat(plan.goals().get(1).description()).isEqualTo("a small business");
        assertThat(plan.goals().get(1).revisions()).isEqualTo(1);
        assertThat(plan.goals().get(0).referrals()).singleElement().satisfies(r -> {
            assertThat(r.referralId()).isEqualTo(referralId);
            assertThat(r.closureReason()).hasToString("NEED_MET");
        });

        // the receiver's sight ends with its closed referral (404, like the case itself); a stranger, an analyst: 404
        assertThat(read(caseId, parties.receiverKey())).isNull();
        assertThat(status(caseId, api.key(org.referrals.api.common.Role.PARTNER_AGENT, api.partner("stranger")))).isEqualTo(404);
        assertThat(status(caseId, api.key(org.referrals.api.common.Role.ANALYST, null))).isEqualTo(404);

        // a second referral for the job goal, still open when the case is closed as RE_MIGRATED
        String trainer = api.partner("plan-trainer", ServiceCategory.BUSINESS_START_UP);
        Map<String, Object> second = new HashMap<>(ApiClient.referralBody(caseId, trainer, ServiceCategory.BUSINESS_START_UP));
        second.put("goalId", job);
        String open = api.post("/api/referrals", parties.referrerKey(), second).expectStatus().isCreated()
                         .expectBody(Map.class).returnResult().getResponseBody().get("referralId").toString();
        String trainerKey = api.key(org.referrals.api.common.Role.PARTNER_AGENT, trainer);
        CasePlan asTrainer = await().atMost(Duration.ofSeconds(10)).until(() -> read(caseId, trainerKey),
                p -> p != null && !p.goals().isEmpty());
        assertThat(asTrainer.goals()).extracting(CasePlan.Goal::goalId).containsExactly(job);
        assertThat(asTrainer.goals().get(0).referrals()).extracting(CasePlan.GoalReferral::referralId).containsExactly(open);

        api.post("/api/cases/" + caseId + "/close", parties.referrerKey(), Map.of("reason", CaseClosureReason.RE_MIGRATED.name()))
           .expectStatus().isOk();
        ReferralView cancelled = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.call(HttpMethod.GET, "/api/referrals/" + open, parties.referrerKey(), null)
                         .expectBody(ReferralView.class).returnResult().getResponseBody(),
                view -> view.status() == ReferralStatus.CANCELLED);
        assertThat(cancelled.referralId()).isEqualTo(open);
        CasePlan closed = await().atMost(Duration.ofSeconds(10)).until(() -> read(caseId, api.coordinatorKey()),
                p -> p.goals().get(1).referrals().stream().allMatch(r -> r.status() == ReferralStatus.CANCELLED));
        assertThat(closed.goals().get(1).status()).isEqualTo(GoalStatus.CLOSED_WITH_CASE);
        assertThat(closed.goals().get(1).closedWithCase()).isEqualTo(CaseClosureReason.RE_MIGRATED);
        assertThat(closed.goals().get(0).status()).isEqualTo(GoalStatus.ACHIEVED);
    }

    @Test
    void aPlanIsRefusedByFieldBeforeAnythingIsWrittenAndAgreedOnce() {
        var parties = api.parties("plan-bad", CARE);
        String caseId = api.caseOf(parties.referrerKey());
        Long before = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
        api.post("/api/cases/" + caseId + "/plan", parties.referrerKey(), Map.of("goals", List.of()))
           .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("goals");
        api.post("/api/cases/" + caseId + "/plan", parties.referrerKey(), Map.of("goals", List.of(
                Map.of("dimension", "ECONOMIC", "description", "x", "targetDate", LocalDate.now().toString(), "serviceCategories", List.of()))))
           .expectStatus().isBadRequest();
        api.post("/api/cases/" + caseId + "/plan", parties.receiverKey(), Map.of("goals", List.of(
                goal("SOCIAL", "a room", LocalDate.now().plusMonths(1), ServiceCategory.SHELTER_HOUSING)))).expectStatus().isNotFound();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class)).isEqualTo(before);

        var goals = Map.of("goals", List.of(goal("SOCIAL", "a room", LocalDate.now().plusMonths(1), ServiceCategory.SHELTER_HOUSING)));
        api.post("/api/cases/" + caseId + "/plan", parties.referrerKey(), goals).expectStatus().isCreated();
        api.post("/api/cases/" + caseId + "/plan", parties.referrerKey(), goals).expectStatus().isEqualTo(409)
           .expectBody().jsonPath("$.rule").isEqualTo("PLAN_ALREADY_AGREED");
    }

    @Test
    void anOpenCaseWithoutAPlanPastItsDueTimeIsOnTheCoordinatorsListUntilItsPlanIsAgreed() {
        var parties = api.parties("plan-late", CARE);
        String late = api.caseOf(parties.referrerKey());
        String closed = api.caseOf(parties.referrerKey());
        // due 3 s after registration here (referrals.plans.expected-within, 30 days by default)
        await().atMost(Duration.ofSeconds(30)).until(() -> overdue().containsAll(List.of(late, closed)));
        assertThat(read(late, parties.referrerKey()).overdue()).isTrue();

        api.post("/api/cases/" + late + "/plan", parties.referrerKey(), Map.of("goals", List.of(
                goal("SOCIAL", "a room", LocalDate.now().plusMonths(1), ServiceCategory.SHELTER_HOUSING)))).expectStatus().isCreated();
        api.post("/api/cases/" + closed + "/close", parties.referrerKey(), Map.of("reason", "FUNDING_ENDED")).expectStatus().isOk();
        await().atMost(Duration.ofSeconds(10)).until(() -> !overdue().contains(late) && !overdue().contains(closed));
        assertThat(read(late, parties.referrerKey()).overdue()).isFalse();
        api.call(HttpMethod.GET, "/api/escalations/plans", parties.referrerKey(), null).expectStatus().isForbidden();
    }

    @SuppressWarnings("unchecked")
    private List<String> overdue() {
        Map<String, Object> page = api.call(HttpMethod.GET, "/api/escalations/plans?size=200", api.coordinatorKey(), null)
                                      .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> item.get("caseId").toString()).toList();
    }

    private CasePlan read(String caseId, String key) {
        var result = api.call(HttpMethod.GET, "/api/cases/" + caseId + "/plan", key, null).returnResult(CasePlan.class);
        return result.getStatus().value() == 200 ? result.getResponseBody().blockFirst() : null;
    }

    private int status(String caseId, String key) {
        return api.call(HttpMethod.GET, "/api/cases/" + caseId + "/plan", key, null).returnResult(String.class).getStatus().value();
    }
}
