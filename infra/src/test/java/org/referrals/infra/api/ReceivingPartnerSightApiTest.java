package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.CaseView;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.Timeline;
import org.referrals.infra.support.Samples;
import org.springframework.http.HttpMethod;

/**
 * What a receiving partner sees of a case follows its referral's life: enough to decide while the referral waits
 * for its answer, whom to call while it serves, nothing once its part ended or the case's legal basis did.
 */
class ReceivingPartnerSightApiTest extends ApiTest {

    private static final ServiceCategory CARE = ServiceCategory.HEALTH_CARE;

    record Setup(ApiClient.Parties parties, String caseId, String referralId) {
    }

    /** A case with one vulnerability a clinic needs to know and one it does not, referred to the clinic. */
    private Setup referred(String prefix) {
        var parties = api.parties(prefix, CARE);
        var body = Map.of("person", Samples.person(), "countryOfReturn", "MA",
                          "vulnerabilities", List.of(Vulnerability.VICTIM_OF_TRAFFICKING, Vulnerability.SINGLE_PARENT),
                          "consent", new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(), null));
        String caseId = api.post("/api/cases", parties.referrerKey(), body).expectStatus().isCreated()
                           .expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
        String referralId = api.refer(parties.referrerKey(), caseId, parties.receiver(), CARE).referralId();
        return new Setup(parties, caseId, referralId);
    }

    private CaseView awaitSight(Setup setup, Predicate<CaseView> expected) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> {
            var result = api.call(HttpMethod.GET, "/api/cases/" + setup.caseId(), setup.parties().receiverKey(), null)
                            .returnResult(CaseView.class);
            return result.getStatus().value() == 200 ? result.getResponseBody().blockFirst() : null;
        }, view -> view != null && expected.test(view));
    }

    private void awaitHidden(Setup setup) {
        await().atMost(Duration.ofSeconds(5)).until(() -> api.call(HttpMethod.GET, "/api/cases/" + setup.caseId(),
                setup.parties().receiverKey(), null).returnResult(String.class).getStatus().value() == 404);
    }

    @Test
    void whileTheReferralWaitsTheClinicSeesWhatItNeedsToDecideAndOnceAcceptedWhomToCall() {
        Setup setup = referred("sight-life");
        CaseView deciding = awaitSight(setup, view -> view.person() != null);
        assertThat(deciding.minimised()).isTrue();
        assertThat(deciding.person().givenName()).isNull();
        assertThat(deciding.person().familyName()).isNull();
        assertThat(deciding.person().phone()).isNull();
        assertThat(deciding.person().dateOfBirth()).isNull();
        assertThat(deciding.person().nationality()).isNull();
        assertThat(deciding.person().sex()).isEqualTo(Samples.person().sex());
        assertThat(deciding.person().languages()).isEqualTo(Samples.person().languages());
        assertThat(deciding.person().ageBand()).isEqualTo("25-59");
        assertThat(deciding.vulnerabilities()).as("a clinic needs to know of trafficking, not of single parenthood")
                                              .containsExactly(Vulnerability.VICTIM_OF_TRAFFICKING);
        assertThat(deciding.consents()).isEmpty();
        assertThat(deciding.countryOfReturn()).isNull();

        api.act(setup.parties().receiverKey(), setup.referralId(), "accept", Map.of());
        CaseView serving = awaitSight(setup, view -> view.person().givenName() != null);
        assertThat(serving.person().familyName()).isEqualTo(Samples.person().familyName());
        assertThat(serving.person().phone()).isEqualTo(Samples.person().phone());
        assertThat(serving.person().dateOfBirth()).isNull();

        api.act(setup.parties().receiverKey(), setup.referralId(), "start", Map.of());
        api.act(setup.parties().receiverKey(), setup.referralId(), "deliver", Map.of("outcome", "SERVICE_PROVIDED"));
        assertThat(awaitSight(setup, view -> true).person().givenName()).as("until the loop is closed").isNotNull();
        api.act(setup.parties().referrerKey(), setup.referralId(), "close", Map.of("closureReason", "NEED_MET"));
        awaitHidden(setup);
    }

    @Test
    void nothingAfterADecline() {
        Setup setup = referred("sight-decline");
        awaitSight(setup, view -> view.person() != null);
        api.act(setup.parties().receiverKey(), setup.referralId(), "decline", Map.of("reasonCode", "NO_CAPACITY"));
        awaitHidden(setup);
    }

    @Test
    void nothingAfterACancellation() {
        Setup setup = referred("sight-cancel");
        api.act(setup.parties().receiverKey(), setup.referralId(), "accept", Map.of());
        awaitSight(setup, view -> view.person().givenName() != null);
        api.act(setup.parties().referrerKey(), setup.referralId(), "cancel", Map.of("note", "no longer needed"));
        awaitHidden(setup);
    }

    @Test
    void nothingOnceTheCaseIsClosed() {
        Setup setup = referred("sight-closed");
        api.act(setup.parties().receiverKey(), setup.referralId(), "accept", Map.of());
        awaitSight(setup, view -> view.person().givenName() != null);
        api.post("/api/cases/" + setup.caseId() + "/close", setup.parties().referrerKey(), Map.of("reason", "MOVED_AWAY"))
           .expectStatus().isOk();
        awaitHidden(setup);
    }

    @Test
    void nothingOnceTheConsentTheReferralReliedOnIsWithdrawn() {
        Setup setup = referred("sight-withdrawn");
        api.act(setup.parties().receiverKey(), setup.referralId(), "accept", Map.of());
        awaitSight(setup, view -> view.person().givenName() != null);
        String consentId = api.call(HttpMethod.GET, "/api/cases/" + setup.caseId(), setup.parties().referrerKey(), null)
                              .expectStatus().isOk().expectBody(CaseView.class).returnResult().getResponseBody()
                              .consents().get(0).consentId();
        api.post("/api/cases/" + setup.caseId() + "/consents/" + consentId + "/withdraw", setup.parties().referrerKey(),
                 Map.of("note", "the person withdrew it")).expectStatus().isOk();
        awaitHidden(setup);
    }

    @Test
    void aPartnerThatDeclinedIsNotToldWhereThePersonWentNext() {
        Setup setup = referred("sight-redirect");
        api.act(setup.parties().receiverKey(), setup.referralId(), "decline", Map.of("reasonCode", "NO_CAPACITY"));
        String next = api.partner("sight-next", CARE);
        api.post("/api/referrals/" + setup.referralId() + "/redirect", setup.parties().referrerKey(), Map.of("toPartnerId", next))
           .expectStatus().isCreated();

        Timeline owners = await().atMost(Duration.ofSeconds(5)).until(
                () -> get("/api/cases/" + setup.caseId() + "/timeline", setup.parties().referrerKey()),
                timeline -> timeline.entries().stream().anyMatch(e -> e.type().equals("ReferralRedirected")));
        assertThat(owners.entries().stream().map(Timeline.Entry::summary)).anyMatch(summary -> summary.contains(next));
        for (String path : List.of("/api/cases/" + setup.caseId() + "/timeline", "/api/referrals/" + setup.referralId() + "/timeline")) {
            Timeline declined = get(path, setup.parties().receiverKey());
            assertThat(declined.entries()).extracting(Timeline.Entry::type).contains("ReferralDeclined", "ReferralRedirected");
            assertThat(declined.entries()).allSatisfy(entry -> {
                assertThat(entry.summary()).doesNotContain(next);
                assertThat(entry.summaryArgs().values()).doesNotContain(next);
            });
        }
    }

    /** DESIGN: an action the caller may not take on a resource it sees answers 403; on one it does not see, 404. */
    @Test
    void theCasesCommandsAnswer403ToAReceiverThatSeesItAnd404OnceItsPartEnded() {
        Setup setup = referred("sight-forbidden");
        awaitSight(setup, view -> view.person() != null);
        String receiver = setup.parties().receiverKey();
        Map<String, Object> commands = new java.util.LinkedHashMap<>();
        commands.put("/api/cases/" + setup.caseId() + "/consents", new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(), null));
        commands.put("/api/cases/" + setup.caseId() + "/close", Map.of("reason", "MOVED_AWAY"));
        commands.put("/api/cases/" + setup.caseId() + "/erasure", Map.of("justification", "asked"));
        commands.put("/api/referrals", ApiClient.referralBody(setup.caseId(), api.partner("sight-third", CARE), CARE));
        long before = eventCount();
        commands.forEach((path, body) -> api.post(path, receiver, body).expectStatus().isForbidden());
        assertThat(eventCount()).isEqualTo(before);

        api.act(receiver, setup.referralId(), "decline", Map.of("reasonCode", "NO_CAPACITY"));
        awaitHidden(setup);
        commands.forEach((path, body) -> api.post(path, receiver, body).expectStatus().isNotFound());
        assertThat(eventCount()).isEqualTo(before + 1); // the decline
    }

    private Timeline get(String path, String key) {
        return api.call(HttpMethod.GET, path, key, null).expectStatus().isOk().expectBody(Timeline.class).returnResult().getResponseBody();
    }
}
