package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.support.Samples;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;

/**
 * A case's whole life over HTTP, refusals, bad input and a replay included, with the log output captured at the
 * application's configured levels: no name, date of birth or phone number of the person may appear in it.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsTest extends ApiTest {

    @Test
    void noPersonalDataReachesTheLogs(CapturedOutput output) {
        var parties = api.parties("lg", ServiceCategory.COUNSELLING);
        String caseId = api.caseOf(parties.referrerKey());
        String id = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.COUNSELLING).referralId();
        api.act(parties.receiverKey(), id, "accept", Map.of());
        api.call(HttpMethod.GET, "/api/cases/" + caseId, parties.referrerKey(), null).returnResult(String.class);
        // a correction attempt by another partner, and bodies that fail validation with personal data inside
        api.post("/api/cases", parties.referrerKey(), Map.of("person", Map.of("givenName", "Zainabou",
                                                                                  "familyName", "Ndiayekoumba",
                                                                                  "dateOfBirth", "23/07/1991",
                                                                                  "phone", "+221 77 123 45 67")))
           .expectStatus().isBadRequest();
        api.post("/api/cases", parties.receiverKey(), Map.of("person", Samples.person(), "vulnerabilities", List.of(),
                                                               "countryOfReturn", "XX-not-a-country",
                                                               "consent", Map.of("legalBasis", "CONSENT")))
           .expectStatus().isBadRequest();
        // a replay of the cases (their sealed data included) through the projection, which logs that it rebuilds
        api.post("/api/admin/projections/cases/rebuild", ApiClient.ADMIN_KEY, null).expectStatus().isAccepted();
        api.post("/api/cases/" + caseId + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "asked")).expectStatus().isOk();
        awaitProjectionsIdle();

        var person = Samples.person();
        assertThat(output.getAll()).contains("rebuilding projection cases") // the capture sees the application's logs
                                   .doesNotContain(person.givenName(), person.familyName(), person.phone(), "1991-07-23",
                                                   "23/07/1991");
    }
}
