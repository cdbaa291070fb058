package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.referrals.api.matching.Suggestions;
import org.referrals.api.partner.ServiceCategory;
import org.springframework.http.HttpMethod;

/** Partner suggestions over HTTP: who may ask, and that the directory and the case's languages reach the ranking. */
class SuggestionsApiTest extends ApiTest {

    @Test
    void theOwnerGetsRankedExplainedSuggestionsAndOthersLearnNothing() {
        var parties = api.parties("sg", ServiceCategory.SHELTER_HOUSING);
        String caseId = api.caseOf(parties.referrerKey());
        String path = "/api/referrals/suggestions?caseId=" + caseId + "&category=SHELTER_HOUSING&region=Oriental&urgency=PRIORITY";

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            Suggestions suggestions = api.call(HttpMethod.GET, path, parties.referrerKey(), null).expectStatus().isOk()
                                         .expectBody(Suggestions.class).returnResult().getResponseBody();
            var found = suggestions.items().stream().filter(s -> s.partnerId().equals(parties.receiver())).findFirst();
            assertThat(found).as("the directory has the receiver").isPresent();
            var receiver = found.get();
            assertThat(receiver.eligible()).isTrue();
            // Samples.partner serves Oriental in French; the sample person speaks Wolof and French
            assertThat(receiver.explanation()).contains("serves Oriental (+30)", "speaks fr (+10)");
            assertThat(suggestions.items()).extracting(Suggestions.Suggestion::partnerId).doesNotContain(parties.referrer());
        });
        api.call(HttpMethod.GET, path, api.coordinatorKey(), null).expectStatus().isOk();
        api.call(HttpMethod.GET, path, parties.receiverKey(), null).expectStatus().isNotFound();
        api.call(HttpMethod.GET, path.replace("SHELTER_HOUSING", "SPACE_TRAVEL"), parties.referrerKey(), null)
           .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("category");
    }
}
