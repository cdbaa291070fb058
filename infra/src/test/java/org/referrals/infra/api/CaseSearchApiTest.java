package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.CaseSearchHit;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.common.Role;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * Looking a person's case up by names and date of birth: a coordinator finds every partner's, a partner only its
 * own, names matched whatever their case, accents or order; an erased case is never found; a bad body writes nothing.
 */
class CaseSearchApiTest extends ApiTest {

    private String register(String key, String givenName, String familyName, String dateOfBirth) {
        var body = Map.of("person", Map.of("givenName", givenName, "familyName", familyName, "dateOfBirth", dateOfBirth,
                                           "sex", "FEMALE", "nationality", "SN", "languages", List.of("fr")),
                          "vulnerabilities", List.of(), "countryOfReturn", "MA",
                          "consent", new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(), null));
        return api.post("/api/cases", key, body).expectStatus().isCreated()
                  .expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
    }

    private List<String> search(String key, String givenName, String familyName, String dateOfBirth) {
        return api.post("/api/cases/search", key, Map.of("givenName", givenName, "familyName", familyName, "dateOfBirth", dateOfBirth))
                  .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<CaseSearchHit>>() { })
                  .returnResult().getResponseBody().stream().map(CaseSearchHit::caseId).toList();
    }

    @Test
    void aPersonIsFoundByNamesAndDateOfBirthByThoseWhoMaySeeTheCase() {
        String ngoA = api.key(Role.PARTNER_AGENT, api.partner("search-a"));
        String ngoB = api.key(Role.PARTNER_AGENT, api.partner("search-b"));
        String ofA = register(ngoA, "Mariéme", "Sow-Ndiaye", "1994-04-04");
        String ofB = register(ngoB, "Marieme", "Sow Ndiaye", "1994-04-04");
        register(ngoA, "Mariéme", "Sow-Ndiaye", "1994-04-05"); // another day of birth: another person

        await().atMost(Duration.ofSeconds(10)).until(() -> search(api.coordinatorKey(), "SOW NDIAYE", "marieme", "1994-04-04").size() == 2);
        assertThat(search(api.coordinatorKey(), "SOW NDIAYE", "marieme", "1994-04-04")).containsExactly(ofA, ofB);
        assertThat(search(ngoA, "Mariéme", "Sow-Ndiaye", "1994-04-04")).containsExactly(ofA);
        assertThat(search(ngoB, "Mariéme", "Sow-Ndiaye", "1994-04-04")).containsExactly(ofB);
        api.call(HttpMethod.POST, "/api/cases/search", api.key(Role.ANALYST, null),
                 Map.of("givenName", "Marieme", "familyName", "Sow Ndiaye", "dateOfBirth", "1994-04-04")).expectStatus().isForbidden();
        api.post("/api/cases/search", ngoA, Map.of("givenName", "Marieme")).expectStatus().isBadRequest();

        api.post("/api/cases/" + ofB + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "request of the data subject"))
           .expectStatus().isOk();
        assertThat(search(api.coordinatorKey(), "Marieme", "Sow Ndiaye", "1994-04-04")).containsExactly(ofA);
    }
}
