package org.referrals.infra.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.generated.client.ApiClient;
import org.referrals.generated.client.ApiException;
import org.referrals.generated.client.api.ApiKeysApi;
import org.referrals.generated.client.api.AuditApi;
import org.referrals.generated.client.api.CasesApi;
import org.referrals.generated.client.api.NetworkApi;
import org.referrals.generated.client.api.PartnersApi;
import org.referrals.generated.client.api.PlansApi;
import org.referrals.generated.client.api.StatisticsApi;
import org.referrals.generated.client.api.ReferralsApi;
import org.referrals.generated.client.api.TimelinesApi;
import org.referrals.generated.client.model.AgreePlanRequest;
import org.referrals.generated.client.model.CasePlan;
import org.referrals.generated.client.model.ConsentTerms;
import org.referrals.generated.client.model.GoalStatus;
import org.referrals.generated.client.model.GoalTerms;
import org.referrals.generated.client.model.NoteRequest;
import org.referrals.generated.client.model.ReintegrationDimension;
import org.referrals.generated.client.model.DeliveryOutcome;
import org.referrals.generated.client.model.IssueApiKeyRequest;
import org.referrals.generated.client.model.LegalBasis;
import org.referrals.generated.client.model.MakeReferralRequest;
import org.referrals.generated.client.model.PartnerKind;
import org.referrals.generated.client.model.PersonalDetails;
import org.referrals.generated.client.model.ReferralActionRequest;
import org.referrals.generated.client.model.ReferralClosureReason;
import org.referrals.generated.client.model.ReferralStatus;
import org.referrals.generated.client.model.RegisterCaseRequest;
import org.referrals.generated.client.model.RegisterPartner;
import org.referrals.generated.client.model.Role;
import org.referrals.generated.client.model.ServiceCategory;
import org.referrals.generated.client.model.ServiceOffer;
import org.referrals.generated.client.model.Sex;
import org.referrals.generated.client.model.Urgency;
import org.referrals.generated.client.model.Vulnerability;
import org.referrals.infra.support.RunningApplication;

/**
 * The OpenAPI document as a contract. {@code docs/openapi.json} is the document the application serves (the build
 * generates a Java client from it with openapi-generator, validation on, and lints it with Redocly); this test holds
 * the two equal, and runs the README's walkthrough through the generated client against the running application.
 */
class GeneratedClientWalkthroughTest {

    static final String ADMIN_KEY = "walkthrough-admin-key-7Qm2Vx9Lc4Tb8Nk3Rz6Hp1Jw";
    private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

    @TempDir
    static Path dataDir;
    private static RunningApplication app;
    private static String baseUri;

    @BeforeAll
    static void start() {
        app = RunningApplication.start(dataDir, "referrals.bootstrap-admin-key=" + ADMIN_KEY);
        baseUri = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theCommittedDocumentIsTheServedOne() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String served = app.web().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                           .expectBody(String.class).returnResult().getResponseBody();
        JsonNode servedTree = json.readTree(served);
        if (!servedTree.equals(json.readTree(COMMITTED.toFile()))) {
            Path fresh = Path.of("target", "openapi-served.json");
            Files.writeString(fresh, json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                                         .writerWithDefaultPrettyPrinter()
                                         .writeValueAsString(json.treeToValue(servedTree, Object.class)) + "\n");
            throw new AssertionError("docs/openapi.json is not the served document: review the change and "
                                     + "cp infra/target/openapi-served.json docs/openapi.json");
        }
    }

    @Test
    void theReadmeWalkthroughRunsThroughTheGeneratedClient() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String ngoId = "ngo-rabat-" + s;
        String clinicId = "clinic-oujda-" + s;

        // 1. The admin issues keys: a coordinator's, then (once the partners exist) one per partner agent
        ApiClient admin = client(ADMIN_KEY);
        String coordinator = new ApiKeysApi(admin).issueApiKey(
                new IssueApiKeyRequest().role(Role.COORDINATOR).label("coordination unit"), null).getKey();
        PartnersApi partners = new PartnersApi(client(coordinator));
        partners.registerPartner(new RegisterPartner().partnerId(ngoId).name("NGO Rabat").kind(PartnerKind.NGO).country("MA")
                .regions(List.of("Rabat-Salé-Kénitra")).languages(List.of("fr", "ar")).contactEmail("contact@ngo.example")
                .services(List.of()), null);
        partners.registerPartner(new RegisterPartner().partnerId(clinicId).name("Clinique Oujda").kind(PartnerKind.HEALTH_FACILITY)
                .country("MA").regions(List.of("Oriental")).languages(List.of("fr")).contactEmail("contact@clinic.example")
                .services(List.of(new ServiceOffer().category(ServiceCategory.HEALTH_CARE).capacity(20))), null);
        String ngoKey = new ApiKeysApi(admin).issueApiKey(
                new IssueApiKeyRequest().role(Role.PARTNER_AGENT).partnerId(ngoId).label("caseworker"), null).getKey();
        String clinicKey = new ApiKeysApi(admin).issueApiKey(
                new IssueApiKeyRequest().role(Role.PARTNER_AGENT).partnerId(clinicId).label("intake"), null).getKey();

        // 2. The NGO registers a case with the migrant's consent
        String caseId = new CasesApi(client(ngoKey)).registerCase(new RegisterCaseRequest()
                .person(new PersonalDetails().givenName("Amina").familyName("Diallo").dateOfBirth(LocalDate.of(1999, 5, 14))
                                             .sex(Sex.FEMALE).nationality("SN").languages(List.of("fr", "wo")))
                .vulnerabilities(java.util.Set.of(Vulnerability.GBV_SURVIVOR)).countryOfReturn("MA")
                .consent(new ConsentTerms().legalBasis(LegalBasis.CONSENT).serviceCategories(List.of(ServiceCategory.HEALTH_CARE))),
                null).getCaseId();

        // 3. It refers her to the clinic; a retry with the same Idempotency-Key gets the same answer
        ReferralsApi asNgo = new ReferralsApi(client(ngoKey));
        MakeReferralRequest referral = new MakeReferralRequest().caseId(caseId).toPartnerId(clinicId)
                .serviceCategory(ServiceCategory.HEALTH_CARE).urgency(Urgency.PRIORITY).reason("medical check-up after return");
        String referralId = asNgo.makeReferral(referral, "first-referral-" + s).getReferralId();
        assertThat(asNgo.makeReferral(referral, "first-referral-" + s).getReferralId()).isEqualTo(referralId);

        // 4. The clinic accepts (If-Match on version 0), starts and delivers
        ReferralsApi asClinic = new ReferralsApi(client(clinicKey));
        asClinic.actOnReferral(referralId, "accept", null, "\"0\"", null);
        asClinic.actOnReferral(referralId, "start", null, null, new ReferralActionRequest());
        asClinic.actOnReferral(referralId, "deliver", null, null,
                               new ReferralActionRequest().outcome(DeliveryOutcome.SERVICE_PROVIDED).note("seen on Monday"));

        // 5. The NGO closes the loop, and reads the referral back once the read model has its version (4)
        long closed = asNgo.actOnReferral(referralId, "close", null, null,
                                          new ReferralActionRequest().closureReason(ReferralClosureReason.NEED_MET)).getVersion();
        assertThat(closed).isEqualTo(4);
        await().atMost(Duration.ofSeconds(30)).until(() -> asNgo.getReferral(referralId).getVersion() >= closed);
        assertThat(asNgo.getReferral(referralId).getStatus()).isEqualTo(ReferralStatus.CLOSED);

        // 6. The clinic's inbox and caseload; the coordinator's network map and the referral's timeline
        assertThat(asClinic.listReferrals(null, "inbound", List.of(ReferralStatus.CLOSED), null, null, null, null, null).getItems())
                .extracting(view -> view.getReferralId()).contains(referralId);
        assertThat(partners.getCaseload(clinicId).getPartnerId()).isEqualTo(clinicId);
        assertThat(new NetworkApi(client(coordinator)).getNetworkMap(null, null, null, null).getNodes())
                .extracting(node -> node.getId()).contains(ngoId, clinicId);
        assertThat(new TimelinesApi(client(coordinator)).getReferralTimeline(referralId).getEntries()).hasSizeGreaterThanOrEqualTo(5);

        // 7. The coordinator checks that no stored event was changed since it was written
        assertThat(new AuditApi(client(coordinator)).verifyAuditChain(null, null).getVerified()).isTrue();

        // 9-11. A reintegration plan; a referral serving its health goal, closed with the service's quality; the goal
        // achieved; the plan shows the goal with its referral
        PlansApi plans = new PlansApi(client(ngoKey));
        String health = plans.agreePlan(caseId, new AgreePlanRequest().goals(List.of(new GoalTerms()
                .dimension(ReintegrationDimension.PSYCHOSOCIAL).description("regular health follow-up")
                .targetDate(LocalDate.now().plusYears(1)).serviceCategories(java.util.Set.of(ServiceCategory.HEALTH_CARE)))), null)
                .getGoalIds().get(0);
        String served = asNgo.makeReferral(new MakeReferralRequest().caseId(caseId).toPartnerId(clinicId)
                .serviceCategory(ServiceCategory.HEALTH_CARE).urgency(Urgency.ROUTINE).reason("follow-up").goalId(health), null)
                .getReferralId();
        asClinic.actOnReferral(served, "accept", null, null, new ReferralActionRequest());
        asClinic.actOnReferral(served, "start", null, null, new ReferralActionRequest());
        asClinic.actOnReferral(served, "deliver", null, null, new ReferralActionRequest().outcome(DeliveryOutcome.SERVICE_PROVIDED));
        asNgo.actOnReferral(served, "close", null, null, new ReferralActionRequest().closureReason(ReferralClosureReason.NEED_MET)
                .receivedAsPlanned(true).satisfaction(4).comment("kind staff"));
        plans.achieveGoal(caseId, health, new NoteRequest().note("check-ups done"), null);
        CasePlan plan = await().atMost(Duration.ofSeconds(30)).until(() -> plans.getCasePlan(caseId),
                p -> p.getGoals().get(0).getReferrals().stream().anyMatch(r -> r.getStatus() == ReferralStatus.CLOSED));
        assertThat(plan.getGoals().get(0).getStatus()).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(plan.getGoals().get(0).getReferrals()).extracting(r -> r.getReferralId()).containsExactly(served);
        assertThat(new StatisticsApi(client(coordinator)).getQualityFigures(null, null).getGoalsByDimension()).hasSize(3);

        // a refusal is a problem document with a stable code, as the document describes
        assertThatThrownBy(() -> asClinic.actOnReferral(referralId, "accept", null, null, null))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(409);
                    assertThat(refused.getResponseBody()).contains("\"code\":\"illegal-transition\"", "\"currentStatus\":\"CLOSED\"");
                });
    }

    private static ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(request -> request.header("X-API-Key", key));
        return client;
    }
}
