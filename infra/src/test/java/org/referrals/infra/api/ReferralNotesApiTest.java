package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralNotes;
import org.springframework.http.HttpMethod;

/**
 * The reason and the notes of a referral: read back with who wrote them and when, by the referrer and coordinators;
 * by the receiving partner while its part lasts; by nobody else; and empty once the case is erased.
 */
class ReferralNotesApiTest extends ApiTest {

    private static final ServiceCategory CARE = ServiceCategory.HEALTH_CARE;

    @Test
    void theReasonAndEveryNoteWithAuthorAndTimeForThoseWhoMayReadThem() {
        var parties = api.parties("notes", CARE);
        String caseId = api.caseOf(parties.referrerKey());
        String referralId = api.refer(parties.referrerKey(), caseId, parties.receiver(), CARE).referralId();
        api.act(parties.referrerKey(), referralId, "notes", Map.of("note", "she prefers a female doctor"));

        ReferralNotes toDecide = await().atMost(Duration.ofSeconds(10)).until(() -> notes(referralId, parties.receiverKey()),
                                                                              n -> n != null && n.notes().size() == 1);
        assertThat(toDecide.reason()).isEqualTo("assessment after return");
        assertThat(toDecide.notes().get(0).text()).isEqualTo("she prefers a female doctor");
        assertThat(toDecide.notes().get(0).partnerId()).isEqualTo(parties.referrer());
        assertThat(toDecide.notes().get(0).at()).isNotNull();
        assertThat(status(referralId, api.key(org.referrals.api.common.Role.PARTNER_AGENT, api.partner("stranger")))).isEqualTo(404);

        api.act(parties.receiverKey(), referralId, "decline", Map.of("reasonCode", "NO_CAPACITY", "note", "no bed this week"));
        await().atMost(Duration.ofSeconds(10)).until(() -> status(referralId, parties.receiverKey()) == 404);
        ReferralNotes referrer = notes(referralId, parties.referrerKey());
        assertThat(referrer.notes()).extracting(ReferralNotes.Note::type).containsExactly("ReferralNoteAdded", "ReferralDeclined");
        assertThat(referrer.notes().get(1).text()).isEqualTo("no bed this week");
        assertThat(notes(referralId, api.coordinatorKey()).notes()).hasSize(2);

        api.post("/api/cases/" + caseId + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "request of the data subject"))
           .expectStatus().isOk();
        ReferralNotes erased = notes(referralId, parties.referrerKey());
        assertThat(erased.reason()).isNull();
        assertThat(erased.notes()).extracting(ReferralNotes.Note::text).containsOnlyNulls();
    }

    private ReferralNotes notes(String referralId, String key) {
        var result = api.call(HttpMethod.GET, "/api/referrals/" + referralId + "/notes", key, null).returnResult(ReferralNotes.class);
        return result.getStatus().value() == 200 ? result.getResponseBody().blockFirst() : null;
    }

    private int status(String referralId, String key) {
        return api.call(HttpMethod.GET, "/api/referrals/" + referralId + "/notes", key, null).returnResult(String.class)
                  .getStatus().value();
    }
}
