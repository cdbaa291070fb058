package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ReintegrationDimension;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.plan.PlanChange;
import org.referrals.api.referral.QualityFigures;
import org.springframework.http.HttpMethod;

/**
 * The quality figures over HTTP, from what the API wrote: five returnees with a plan, a referral serving its goal
 * closed with the need met and their satisfaction, the goal achieved, and an assessment at intake and at follow-up.
 * An analyst then reads numbers, not suppressed cells, for each figure (other tests' data may add to them).
 */
class QualityFiguresApiTest extends ApiTest {

    private static final ServiceCategory CARE = ServiceCategory.HEALTH_CARE;

    @Test
    void fiveReturneesFollowedThroughMakeEveryFigureShow() {
        var parties = api.parties("quality", CARE);
        for (int i = 0; i < 5; i++) {
            String caseId = api.caseOf(parties.referrerKey());
            assess(parties.referrerKey(), caseId, "POOR", LocalDate.now().minusMonths(3));
            String goal = api.post("/api/cases/" + caseId + "/plan", parties.referrerKey(), Map.of("goals", List.of(
                            PlanApiTest.goal("PSYCHOSOCIAL", "health follow-up", LocalDate.now().plusMonths(3), CARE))))
                    .expectStatus().isCreated().expectBody(PlanChange.class).returnResult().getResponseBody().goalIds().get(0);
            Map<String, Object> body = new HashMap<>(ApiClient.referralBody(caseId, parties.receiver(), CARE));
            body.put("goalId", goal);
            String referralId = api.post("/api/referrals", parties.referrerKey(), body).expectStatus().isCreated()
                                   .expectBody(Map.class).returnResult().getResponseBody().get("referralId").toString();
            api.act(parties.receiverKey(), referralId, "accept", Map.of());
            api.act(parties.receiverKey(), referralId, "start", Map.of());
            api.act(parties.receiverKey(), referralId, "deliver", Map.of("outcome", "SERVICE_PROVIDED"));
            api.act(parties.referrerKey(), referralId, "close", Map.of("closureReason", "NEED_MET", "receivedAsPlanned", true,
                                                                        "satisfaction", 4));
            api.post("/api/cases/" + caseId + "/plan/goals/" + goal + "/achieve", parties.referrerKey(), Map.of()).expectStatus().isOk();
            assess(parties.referrerKey(), caseId, "GOOD", LocalDate.now());
        }

        String analyst = api.key(Role.ANALYST, null);
        QualityFigures figures = await().atMost(Duration.ofSeconds(15)).until(
                () -> api.call(HttpMethod.GET, "/api/stats/quality", analyst, null).expectStatus().isOk()
                         .expectBody(QualityFigures.class).returnResult().getResponseBody(),
                q -> q.planToFirstService().medianDays() != null && q.satisfaction().mean() != null);
        assertThat(figures.closures().closed()).isInstanceOf(Number.class);
        assertThat(figures.closures().needMet()).isInstanceOf(Number.class);
        assertThat(figures.satisfaction().answers()).isInstanceOf(Number.class);
        assertThat(figures.satisfaction().mean()).isBetween(1.0, 5.0);
        assertThat(figures.planToFirstService().served()).isInstanceOf(Number.class);
        QualityFigures.Goals psychosocial = figures.goalsByDimension().stream()
                .filter(g -> g.dimension() == ReintegrationDimension.PSYCHOSOCIAL).findFirst().orElseThrow();
        // five achieved: never "<5"; shown, or "x" where it hides another dimension's small count
        assertThat(psychosocial.achieved()).isNotEqualTo(org.referrals.query.stats.SmallCellSuppression.SUPPRESSED);
        // opened from the sealed results and averaged: POOR (.25) at intake, GOOD (.75) at follow-up in the social dimension
        QualityFigures.Scores social = figures.assessmentsByDimension().stream()
                .filter(s -> s.dimension().equals("SOCIAL")).findFirst().orElseThrow();
        assertThat(social.cases()).isInstanceOf(Number.class);
        assertThat(social.change()).isPositive();
    }

    private void assess(String key, String caseId, String housing, LocalDate takenOn) {
        api.post("/api/cases/" + caseId + "/assessments", key, Map.of("instrument", "rss", "takenOn", takenOn.toString(),
                                                                     "answers", Map.of("housing", housing)))
           .expectStatus().isCreated();
    }
}
