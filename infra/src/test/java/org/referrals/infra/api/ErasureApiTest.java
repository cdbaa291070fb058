package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.caseregistry.CaseView;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.crypto.CaseKeyVault;
import org.referrals.infra.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** Erasure by crypto-shredding over HTTP: the name is readable before, unreadable everywhere after. */
class ErasureApiTest extends ApiTest {

    @Autowired
    com.mongodb.client.MongoDatabase mongo;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    @Autowired
    CaseKeyVault vault;

    private CaseView caseView(String caseId, String key) {
        return api.call(HttpMethod.GET, "/api/cases/" + caseId, key, null).expectStatus().isOk()
                  .expectBody(CaseView.class).returnResult().getResponseBody();
    }

    @Test
    void afterErasureThePersonalDataIsUnreadableEverywhereAndTheReferralHistoryStays() {
        var parties = api.parties("er", ServiceCategory.LEGAL_AID);
        String caseId = api.caseOf(parties.referrerKey());
        String referralId = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.LEGAL_AID).referralId();
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(caseView(caseId, parties.referrerKey()).person().givenName()).isEqualTo(Samples.person().givenName()));

        api.post("/api/cases/" + caseId + "/erasure", parties.referrerKey(), Map.of("justification", "asked"))
           .expectStatus().isForbidden();
        api.post("/api/cases/" + caseId + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "request of the data subject"))
           .expectStatus().isOk();
        api.post("/api/cases/" + caseId + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "again"))
           .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("CASE_ERASED");

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            CaseView erased = caseView(caseId, parties.referrerKey());
            assertThat(erased.erased()).isTrue();
            assertThat(erased.person()).isNull();
        });
        assertThat(caseView(caseId, parties.receiverKey()).person()).isNull();
        // the event still holds the ciphertext, which no key opens any more
        var registered = (CaseRegistered) eventStore.readEvents(caseId).next().getPayload();
        assertThat(vault.open(registered.personalData())).isEmpty();
        // the read model keeps no copy, not even sealed
        Document stored = mongo.getCollection("cases").find(new Document("_id", caseId)).first();
        assertThat(stored).doesNotContainKey("personalData");
        // no referral is lost
        api.call(HttpMethod.GET, "/api/referrals/" + referralId, parties.referrerKey(), null).expectStatus().isOk();
        // a case without personal data takes no new referral
        api.post("/api/referrals", parties.referrerKey(), ApiClient.referralBody(caseId, parties.receiver(), ServiceCategory.LEGAL_AID))
           .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("CASE_ERASED");
    }

    @Test
    void aRebuildDoesNotBringErasedDataBack() {
        var parties = api.parties("eb", ServiceCategory.LEGAL_AID);
        String caseId = api.caseOf(parties.referrerKey());
        api.post("/api/cases/" + caseId + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "retention"))
           .expectStatus().isOk();
        api.post("/api/admin/projections/cases/rebuild", ApiClient.ADMIN_KEY, null).expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document stored = mongo.getCollection("cases").find(new Document("_id", caseId)).first();
            assertThat(stored).isNotNull();
            assertThat(stored.getBoolean("erased")).isTrue();
            assertThat(stored).doesNotContainKey("personalData");
        });
        assertThat(caseView(caseId, parties.referrerKey()).person()).isNull();
        awaitProjectionsIdle();
    }
}
