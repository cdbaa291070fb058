package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.support.Samples;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;

/**
 * No personal data in logs. First a case's whole life over HTTP, refusals, bad input and a replay included, with
 * the console captured; then the log file that every application started by this module's tests wrote to
 * ({@code target/test-logs/application.log}, see the surefire configuration): this class runs last, so the file
 * holds the logs of the whole API test suite. No name, date of birth or phone number of a test person may appear.
 */
@ExtendWith(OutputCaptureExtension.class)
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoPersonalDataInLogsTest extends ApiTest {

    /** Every personal detail the tests of this module send, in the forms they send it. */
    static List<String> testPeople() {
        var person = Samples.person();
        var erased = DataProtectionApiTest.ERASED_PERSON;
        return List.of(person.givenName(), person.familyName(), person.phone(), "1991-07-23", "23/07/1991",
                       erased.givenName(), erased.familyName(), erased.phone(), erased.dateOfBirth().toString(),
                       "José María", "Álvarez-Núñez", "ALVAREZ NUNEZ", "jose maria", "2009-11-02");
    }

    @Test
    @Order(2)
    void theLogsOfTheWholeSuiteHoldNoPersonalData() throws Exception {
        Path logFile = Path.of(System.getProperty("logging.file.name", "target/test-logs/application.log"));
        assertThat(logFile).exists();
        String logs = Files.readString(logFile);
        assertThat(logs).as("the file holds the suite's logs").contains("rebuilding projection cases");
        assertThat(logs).doesNotContain(testPeople());
    }

    @Test
    @Order(1)
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

        assertThat(output.getAll()).contains("rebuilding projection cases") // the capture sees the application's logs
                                   .doesNotContain(testPeople());
    }
}
