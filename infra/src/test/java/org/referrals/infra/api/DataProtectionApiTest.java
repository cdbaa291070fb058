package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.CaseView;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.Sex;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralView;
import org.referrals.infra.DataDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Erasure searched for in every store, a replay of every projection after it, and duplicate detection through the
 * blind index, over HTTP. The people here have names no other test uses, so a hit could only come from this test.
 */
class DataProtectionApiTest extends ApiTest {

    static final PersonalDetails ERASED_PERSON = new PersonalDetails(
            "Oumoukalthoum", "Diallobereketou", LocalDate.of(1987, 3, 14), Sex.FEMALE, "GN", "+224 622 98 76 54", List.of("ff"));

    @Autowired
    MongoDatabase mongo;
    @Autowired
    DataDirectory dataDirectory;

    @Test
    void anErasedNameIsInNoStoreAndAFullReplayKeepsItErased() {
        var parties = api.parties("dp", ServiceCategory.LEGAL_AID);
        String caseId = register(parties.referrerKey(), ERASED_PERSON).get("caseId").toString();
        api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.LEGAL_AID);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(caseView(caseId, parties.referrerKey()).person().familyName()).isEqualTo(ERASED_PERSON.familyName()));

        api.post("/api/cases/" + caseId + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "request of the data subject"))
           .expectStatus().isOk();
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(caseView(caseId, parties.referrerKey()).erased()).isTrue());

        // the searches do see the stores: the partner's id is stored in clear in each
        assertThat(mongoDump()).contains(parties.referrer());
        assertThat(eventStoreDump()).contains(parties.referrer());
        assertThat(filesContaining(parties.referrer())).isNotEmpty();
        for (String text : List.of(ERASED_PERSON.givenName(), ERASED_PERSON.familyName(), ERASED_PERSON.phone())) {
            assertThat(mongoDump()).as("MongoDB collections").doesNotContain(text);
            assertThat(eventStoreDump()).as("event store").doesNotContain(text);
            assertThat(filesContaining(text)).as("files of the data directory").isEmpty();
        }

        rebuildEveryProjection();
        CaseView afterReplay = caseView(caseId, parties.referrerKey());
        assertThat(afterReplay.erased()).isTrue();
        assertThat(afterReplay.person()).isNull();
        assertThat(mongoDump()).doesNotContain(ERASED_PERSON.givenName(), ERASED_PERSON.familyName());
    }

    @Test
    void aReRegistrationIsFoundDespiteCaseAccentsAndOrderAndNotAfterErasure() {
        String agentKey = api.parties("dup", ServiceCategory.LEGAL_AID).referrerKey();
        var original = new PersonalDetails("José María", "Álvarez-Núñez", LocalDate.of(2009, 11, 2), Sex.MALE, "VE", null, List.of());
        var sameWrittenOtherwise = new PersonalDetails("ALVAREZ NUNEZ", "jose maria", LocalDate.of(2009, 11, 2), Sex.MALE, "VE", null, List.of());
        var otherBirthday = new PersonalDetails("José María", "Álvarez-Núñez", LocalDate.of(2009, 11, 3), Sex.MALE, "VE", null, List.of());

        String first = register(agentKey, original).get("caseId").toString();
        var again = register(agentKey, sameWrittenOtherwise);
        assertThat(again.get("possibleDuplicates")).isEqualTo(List.of(first));
        assertThat(register(agentKey, otherBirthday).get("possibleDuplicates")).isEqualTo(List.of());

        api.post("/api/cases/" + first + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "request of the data subject"))
           .expectStatus().isOk();
        assertThat(register(agentKey, original).get("possibleDuplicates"))
                .as("only the re-registration is left; the erased case is not found")
                .isEqualTo(List.of(again.get("caseId")));
    }

    /** A note may name the person: read by those who read the case whole, and not after erasure. */
    @Test
    void aDeclineNoteNamingThePersonIsNotAnsweredAfterErasure() {
        var parties = api.parties("dn", ServiceCategory.LEGAL_AID);
        String caseId = api.caseOf(parties.referrerKey());
        String referralId = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.LEGAL_AID).referralId();
        String note = "no bed for Yasmina Oulad-Tefrit, call 0612 345 678";
        api.act(parties.receiverKey(), referralId, "decline", Map.of("reasonCode", "NO_CAPACITY", "note", note));
        await().atMost(Duration.ofSeconds(5)).until(() -> note.equals(referral(referralId, parties.referrerKey()).declineNote()));
        assertThat(referral(referralId, api.coordinatorKey()).declineNote()).isEqualTo(note);
        assertThat(referral(referralId, parties.receiverKey()).declineNote()).as("the receiver, whose part ended").isNull();
        assertThat(api.call(HttpMethod.GET, "/api/referrals?partnerId=" + parties.referrer() + "&direction=outbound",
                            parties.referrerKey(), null).expectStatus().isOk().expectBody(String.class).returnResult()
                      .getResponseBody()).as("lists carry no free text").doesNotContain("Yasmina");

        api.post("/api/cases/" + caseId + "/erasure", ApiClient.ADMIN_KEY, Map.of("justification", "request of the data subject"))
           .expectStatus().isOk();
        await().atMost(Duration.ofSeconds(5)).until(() -> referral(referralId, parties.referrerKey()).declineNote() == null);
        assertThat(referral(referralId, api.coordinatorKey()).declineNote()).isNull();
    }

    private ReferralView referral(String referralId, String key) {
        return api.call(HttpMethod.GET, "/api/referrals/" + referralId, key, null).expectStatus().isOk()
                  .expectBody(ReferralView.class).returnResult().getResponseBody();
    }

    /** Else any partner could learn, by typing a name, that a person is registered with another partner. */
    @Test
    @SuppressWarnings("unchecked")
    void anotherPartnersCaseOfTheSamePersonIsShownToCoordinatorsOnly() {
        String theirKey = api.parties("dup-theirs", ServiceCategory.LEGAL_AID).referrerKey();
        String ourKey = api.parties("dup-ours", ServiceCategory.LEGAL_AID).referrerKey();
        var person = new PersonalDetails("Yasmina", "Oulad-Tefrit", LocalDate.of(1996, 4, 9), Sex.FEMALE, "MA", null, List.of());
        var namesSwapped = new PersonalDetails("Oulad-Tefrit", "Yasmina", LocalDate.of(1996, 4, 9), Sex.FEMALE, "MA", null, List.of());
        String theirs = register(theirKey, person).get("caseId").toString();

        var probe = register(ourKey, namesSwapped);
        assertThat(probe.get("possibleDuplicates")).as("the other partner's case is not named").isEqualTo(List.of());
        String ours = probe.get("caseId").toString();
        await().atMost(Duration.ofSeconds(5)).until(() -> api.call(HttpMethod.GET, "/api/cases/" + ours, ourKey, null)
                                                              .returnResult(String.class).getStatus().value() == 200);
        assertThat(caseView(ours, ourKey).possibleDuplicates()).isNull();
        assertThat(caseView(ours, api.coordinatorKey()).possibleDuplicates()).containsExactly(theirs);
        assertThat(caseView(theirs, api.coordinatorKey()).possibleDuplicates()).containsExactly(ours);
        // and on the coordinators' review list, marked as registered by two partners
        Map<?, ?> review = api.call(HttpMethod.GET, "/api/cases/possible-duplicates?size=100", api.coordinatorKey(), null)
                              .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) review.get("items")).anySatisfy(group -> {
            assertThat((List<Map<String, Object>>) group.get("cases")).extracting(member -> member.get("caseId"))
                                                                      .containsExactly(theirs, ours);
            assertThat(group.get("crossPartner")).isEqualTo(true);
        });
        api.call(HttpMethod.GET, "/api/cases/possible-duplicates", ourKey, null).expectStatus().isForbidden();
        assertThat(register(ourKey, person).get("possibleDuplicates")).as("the partner's own case is").isEqualTo(List.of(ours));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> register(String agentKey, PersonalDetails person) {
        var body = Map.of("person", person, "vulnerabilities", List.of("UNACCOMPANIED_CHILD"), "countryOfReturn", "VE",
                          "consent", new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(), null));
        return api.post("/api/cases", agentKey, body).expectStatus().isCreated().expectBody(Map.class).returnResult()
                  .getResponseBody();
    }

    private CaseView caseView(String caseId, String key) {
        return api.call(HttpMethod.GET, "/api/cases/" + caseId, key, null).expectStatus().isOk()
                  .expectBody(CaseView.class).returnResult().getResponseBody();
    }

    private String mongoDump() {
        StringBuilder all = new StringBuilder();
        for (String name : mongo.listCollectionNames()) {
            mongo.getCollection(name).find().forEach(d -> all.append(d.toJson()).append('\n'));
        }
        return all.toString();
    }

    private String eventStoreDump() {
        return String.join("\n", jdbc.queryForList("SELECT payload || ' ' || metaData FROM DomainEventEntry", String.class));
    }

    private List<Path> filesContaining(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dataDirectory.resolve("."))) {
            return files.filter(Files::isRegularFile).filter(file -> contains(read(file), needle)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0]; // a file removed while walking holds nothing any more
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private void rebuildEveryProjection() {
        List<Map<String, Object>> projections = web.get().uri("/api/admin/projections").header("X-API-Key", ApiClient.ADMIN_KEY)
                                                   .exchange().expectStatus().isOk().expectBody(List.class)
                                                   .returnResult().getResponseBody();
        assertThat(projections).isNotEmpty();
        for (Map<String, Object> projection : projections) {
            api.post("/api/admin/projections/" + projection.get("name") + "/rebuild", ApiClient.ADMIN_KEY, null)
               .expectStatus().isAccepted();
        }
        awaitProjectionsIdle();
    }
}
