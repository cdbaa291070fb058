package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.assessment.AssessmentTaken;
import org.referrals.api.assessment.CaseAssessments;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ReintegrationDimension;
import org.referrals.api.partner.ServiceCategory;
import org.springframework.http.HttpMethod;

/**
 * Assessments over HTTP: the owner records an intake and a follow-up, reads the scores and their change; a
 * coordinator reads them; a receiving partner and a stranger do not; a wrong answer is refused before anything is
 * written; erasure leaves no answer or score readable.
 */
class AssessmentApiTest extends ApiTest {

    @Test
    void anIntakeAndAFollowUpWithTheirScoresAndChangeForThoseWhoReadTheCaseWhole() {
        var parties = api.parties("assess", ServiceCategory.HEALTH_CARE);
        String caseId = api.caseOf(parties.referrerKey());
        api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.HEALTH_CARE);

        AssessmentTaken intake = record(parties.referrerKey(), caseId, Map.of("economicSatisfaction", "DISSATISFIED",
                "housing", "POOR", "supportNetwork", "NO"), LocalDate.now().minusMonths(3));
        // DISSATISFIED 1/4, POOR 1/4, NO 0: composite (.25 + .25 + 0) / 3
        assertThat(intake.scores().composite()).isEqualTo(0.167);
        record(parties.referrerKey(), caseId, Map.of("economicSatisfaction", "SATISFIED", "housing", "GOOD",
                "supportNetwork", "YES"), LocalDate.now());

        CaseAssessments owner = await().atMost(Duration.ofSeconds(10)).until(() -> read(caseId, parties.referrerKey()),
                                                                             a -> a != null && a.assessments().size() == 2);
        var followUp = owner.assessments().get(1);
        assertThat(followUp.scores().dimensions()).containsEntry(ReintegrationDimension.ECONOMIC, 0.75);
        // follow-up: SATISFIED .75, GOOD .75, YES 1, composite .833; change from .167: .666
        assertThat(followUp.change()).containsEntry("ECONOMIC", 0.5).containsEntry("PSYCHOSOCIAL", 1.0).containsEntry("composite", 0.666);
        assertThat(followUp.answers()).containsEntry("housing", "GOOD");
        assertThat(read(caseId, api.coordinatorKey()).assessments()).hasSize(2);
        assertThat(status(caseId, parties.receiverKey())).isEqualTo(404);
        assertThat(status(caseId, api.key(Role.PARTNER_AGENT, api.partner("stranger")))).isEqualTo(404);

        api.post("/api/cases/" + caseId + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "request of the data subject"))
           .expectStatus().isOk();
        CaseAssessments erased = read(caseId, api.coordinatorKey());
        assertThat(erased.assessments()).hasSize(2).allSatisfy(a -> {
            assertThat(a.scores()).isNull();
            assertThat(a.answers()).isNull();
        });
    }

    @Test
    void anAnswerOutsideTheInstrumentIsRefusedByFieldBeforeAnythingIsWritten() {
        var parties = api.parties("assess-bad", ServiceCategory.HEALTH_CARE);
        String caseId = api.caseOf(parties.referrerKey());
        Long before = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
        api.post("/api/cases/" + caseId + "/assessments", parties.referrerKey(), Map.of("instrument", "rss", "answers", Map.of("housing", "PALACE")))
           .expectStatus().isBadRequest()
           .expectBody().jsonPath("$.errors[0].field").isEqualTo("answers.housing");
        api.post("/api/cases/" + caseId + "/assessments", parties.referrerKey(), Map.of("instrument", "horoscope", "answers", Map.of()))
           .expectStatus().isBadRequest()
           .expectBody().jsonPath("$.errors[0].field").isEqualTo("instrument");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class)).isEqualTo(before);
    }

    private AssessmentTaken record(String key, String caseId, Map<String, String> answers, LocalDate takenOn) {
        return api.post("/api/cases/" + caseId + "/assessments", key, Map.of("instrument", "rss", "takenOn", takenOn.toString(), "answers", answers))
                  .expectStatus().isCreated().expectBody(AssessmentTaken.class).returnResult().getResponseBody();
    }

    private CaseAssessments read(String caseId, String key) {
        var result = api.call(HttpMethod.GET, "/api/cases/" + caseId + "/assessments", key, null).returnResult(CaseAssessments.class);
        return result.getStatus().value() == 200 ? result.getResponseBody().blockFirst() : null;
    }

    private int status(String caseId, String key) {
        return api.call(HttpMethod.GET, "/api/cases/" + caseId + "/assessments", key, null).returnResult(String.class).getStatus().value();
    }
}
