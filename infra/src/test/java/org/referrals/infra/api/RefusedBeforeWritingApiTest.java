package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.DataDirectory;
import org.referrals.infra.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * A request the application will refuse is refused before its command is sent: a client that retries after a 406
 * must not create the case, referral, partner or key twice.
 */
class RefusedBeforeWritingApiTest extends ApiTest {

    @Autowired
    DataDirectory dataDirectory;

    /** A write with its body; {@code written} counts what it leaves behind (events, or backup files). */
    record Write(String name, String path, String key, Object body, Supplier<Long> written) {
    }

    @Test
    void aWriteWhoseAnswerTheClientCannotReadIsRefusedBeforeItRuns() {
        var parties = api.parties("accept", ServiceCategory.HEALTH_CARE);
        String caseId = api.caseOf(parties.referrerKey());
        String declined = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.HEALTH_CARE).referralId();
        api.act(parties.receiverKey(), declined, "decline", Map.of("reasonCode", "NO_CAPACITY"));
        String otherReceiver = api.partner("accept-other", ServiceCategory.HEALTH_CARE);
        Supplier<Long> events = this::eventCount;

        List<Write> writes = List.of(
                new Write("register a case", "/api/cases", parties.referrerKey(),
                          Map.of("person", Samples.person(), "vulnerabilities", List.of(), "countryOfReturn", "MA",
                                 "consent", new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(), null)), events),
                new Write("refer", "/api/referrals", parties.referrerKey(),
                          ApiClient.referralBody(caseId, parties.receiver(), ServiceCategory.HEALTH_CARE), events),
                new Write("register a partner", "/api/partners", api.coordinatorKey(),
                          Samples.partner("accept-new-" + System.nanoTime(), ServiceCategory.LEGAL_AID), events),
                new Write("record a consent", "/api/cases/" + caseId + "/consents", parties.referrerKey(),
                          new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(), null), events),
                new Write("redirect", "/api/referrals/" + declined + "/redirect", parties.referrerKey(),
                          Map.of("toPartnerId", otherReceiver), events),
                new Write("issue a key", "/api/admin/api-keys", ApiClient.ADMIN_KEY,
                          Map.of("role", Role.ANALYST.name(), "label", "an analyst"), events),
                new Write("take a backup", "/api/admin/backups", ApiClient.ADMIN_KEY, null, this::backupFiles));

        for (Write write : writes) {
            for (String accept : List.of("application/xml", "text/html", "image/png")) {
                long before = write.written().get();
                api.post(write.path(), write.key(), write.body(), "Accept", accept)
                   .expectStatus().isEqualTo(406)
                   .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(write.written().get()).as("%s with Accept: %s wrote nothing", write.name(), accept).isEqualTo(before);
            }
            // the same request readable by the client is carried out: the refusal above was about the answer only
            long before = write.written().get();
            api.post(write.path(), write.key(), write.body(), "Accept", "application/json").expectStatus().is2xxSuccessful();
            assertThat(write.written().get()).as("%s went through", write.name()).isGreaterThan(before);
        }
    }

    /** A body as sent, and the field a 400 must name. */
    record Lenient(String name, String path, String key, String body, String field) {
    }

    @Test
    void lenientJsonIsRefusedWithAFieldErrorAndWritesNothing() {
        var parties = api.parties("strict", ServiceCategory.HEALTH_CARE);
        String caseId = api.caseOf(parties.referrerKey());
        String referral = """
                {"caseId":"%s","toPartnerId":"%s","serviceCategory":%s,"urgency":"PRIORITY","reason":%s}""";
        String validReferral = referral.formatted(caseId, parties.receiver(), "\"HEALTH_CARE\"", "\"assessment\"");
        String person = """
                {"person":{"givenName":%s,"familyName":"Ndiaye","dateOfBirth":%s,"sex":"FEMALE","nationality":"SN"},
                 "vulnerabilities":[],"countryOfReturn":"MA","consent":{"legalBasis":"CONSENT","expiresAt":%s}}""";
        String partner = """
                {"partnerId":"strict-p-%s","name":"Strict","kind":%s,"country":"MA","regions":[],"languages":[],
                 "contactEmail":"strict@example.org","services":[]}""";
        long unique = System.nanoTime() % 1_000_000;

        List<Lenient> refused = List.of(
                new Lenient("an enum by ordinal", "/api/referrals", parties.referrerKey(),
                            referral.formatted(caseId, parties.receiver(), "0", "\"x\""), "serviceCategory"),
                new Lenient("a number for text", "/api/referrals", parties.referrerKey(),
                            referral.formatted(caseId, parties.receiver(), "\"HEALTH_CARE\"", "123"), "reason"),
                new Lenient("a boolean for text", "/api/referrals", parties.referrerKey(),
                            referral.formatted(caseId, parties.receiver(), "\"HEALTH_CARE\"", "true"), "reason"),
                new Lenient("a duplicate key", "/api/referrals", parties.referrerKey(),
                            validReferral.replace("}", ",\"reason\":\"b\"}"), "body"),
                new Lenient("garbage after the JSON", "/api/referrals", parties.referrerKey(), validReferral + " garbage", "body"),
                new Lenient("a second JSON value", "/api/referrals", parties.referrerKey(), validReferral + validReferral, "body"),
                new Lenient("a control character in a note", "/api/referrals", parties.referrerKey(),
                            referral.formatted(caseId, parties.receiver(), "\"HEALTH_CARE\"", "\"a\\u0007b\""), "reason"),
                new Lenient("an enum with a blank", "/api/partners", api.coordinatorKey(), partner.formatted(unique, "\"NGO \""), "kind"),
                new Lenient("a partner kind by ordinal", "/api/partners", api.coordinatorKey(), partner.formatted(unique, "0"), "kind"),
                new Lenient("the first day of LocalDate", "/api/cases", parties.referrerKey(),
                            person.formatted("\"Awa\"", "\"-999999999-01-01\"", "null"), "person.dateOfBirth"),
                new Lenient("year zero", "/api/cases", parties.referrerKey(),
                            person.formatted("\"Awa\"", "\"0000-01-01\"", "null"), "person.dateOfBirth"),
                new Lenient("a NUL read as no expiry", "/api/cases", parties.referrerKey(),
                            person.formatted("\"Awa\"", "\"1990-01-01\"", "\"\\u0000\""), "consent.expiresAt"),
                new Lenient("a lone surrogate in a name", "/api/cases", parties.referrerKey(),
                            person.formatted("\"A\\ud800wa\"", "\"1990-01-01\"", "null"), "person.givenName"));

        for (Lenient request : refused) {
            long before = eventCount();
            api.web().post().uri(request.path()).header("X-API-Key", request.key()).contentType(MediaType.APPLICATION_JSON)
               .bodyValue(request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).exchange()
               .expectStatus().isBadRequest()
               .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
               .expectBody().jsonPath("$.errors[0].field").isEqualTo(request.field());
            assertThat(eventCount()).as("%s wrote nothing", request.name()).isEqualTo(before);
        }
        // the requests were refused for what was wrong with them: written properly, each goes through
        for (String[] valid : List.of(new String[] {"/api/referrals", parties.referrerKey(), validReferral},
                                      new String[] {"/api/partners", api.coordinatorKey(), partner.formatted(unique, "\"NGO\"")},
                                      new String[] {"/api/cases", parties.referrerKey(),
                                                    person.formatted("\"A\\ud83d\\ude00wa\"",
                                                                     "\"1990-01-01\"", "\"2199-12-31T23:59:59Z\"")})) {
            api.web().post().uri(valid[0]).header("X-API-Key", valid[1]).contentType(MediaType.APPLICATION_JSON)
               .bodyValue(valid[2].getBytes(java.nio.charset.StandardCharsets.UTF_8)).exchange()
               .expectStatus().isCreated();
        }
    }

    @Test
    void aDateAtTheEdgeOfTheCalendarIsABadRequest() {
        String analyst = api.key(Role.ANALYST, null);
        for (String path : List.of("/api/stats?groupBy=month&from={d}", "/api/stats?groupBy=month&to={d}",
                                   "/api/network?from={d}", "/api/network?to={d}")) {
            for (String day : List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "2200-01-01")) {
                api.web().get().uri(path, day).header("X-API-Key", analyst).exchange()
                   .expectStatus().isBadRequest()
                   .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                   .expectBody().jsonPath("$.errors[0].field").isEqualTo(path.contains("from") ? "from" : "to");
            }
            api.web().get().uri(path, "2199-12-31").header("X-API-Key", analyst).exchange().expectStatus().isOk();
        }
    }

    private long backupFiles() {
        Path backups = dataDirectory.path().resolveSibling("backups");
        if (!Files.isDirectory(backups)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(backups)) {
            return files.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
