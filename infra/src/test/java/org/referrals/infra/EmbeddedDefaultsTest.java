package org.referrals.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.referrals.infra.support.RunningApplication.send;
import static org.referrals.infra.support.Samples.COORDINATOR;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.caseregistry.RegisterCase;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.RegisterPartner;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.AcceptReferral;
import org.referrals.api.referral.MakeReferral;
import org.referrals.api.referral.ReferralResult;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Urgency;
import org.referrals.command.common.IllegalTransitionException;
import org.referrals.infra.crypto.CaseKeyVault;
import org.referrals.infra.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The application on its embedded defaults (SQLite event store, embedded in-memory MongoDB), driven through its command bus. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultsTest {

    private static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("referrals.data-dir", DATA_DIR::toString);
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseKeyVault vault;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    SagaStore<Object> sagaStore;
    @Autowired
    WebTestClient web;

    /** UP once every projection caught up with the (empty) store: a moment after the start. */
    @Test
    void healthIsUp() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                web.get().uri("/actuator/health").exchange().returnResult(String.class).getStatus().value() == 200);
        web.get().uri("/actuator/health").exchange()
           .expectStatus().isOk()
           .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void theCaseRegisteredEventStoresNoPersonalFieldInClearAndDecryptsWithTheCaseKey() {
        String partnerId = uniquePartner("ngo");
        send(commands, Samples.partner(partnerId), COORDINATOR);
        RegisterCase command = Samples.caseWithConsentForAnything();
        send(commands, command, Actor.partnerAgent("key-agent", partnerId));

        String storedText = jdbc.queryForObject(
                "SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 0",
                String.class, command.caseId());
        var person = command.person();
        assertThat(storedText).contains("ciphertext", command.caseId())
                              .doesNotContain(person.givenName(), person.familyName(), person.phone(),
                                              person.dateOfBirth().toString(), "givenName", "nationality");

        DomainEventMessage<?> event = eventStore.readEvents(command.caseId()).next();
        CaseRegistered registered = (CaseRegistered) event.getPayload();
        assertThat(vault.open(registered.personalData())).contains(person);
    }

    @Test
    void everyEventCarriesTheActorAndACorrelationIdAsMetadata() {
        String partnerId = uniquePartner("meta");
        send(commands, Samples.partner(partnerId), COORDINATOR);

        var metaData = eventStore.readEvents(partnerId).next().getMetaData();
        assertThat(metaData).containsEntry("userId", "key-coordinator")
                            .containsEntry("role", "COORDINATOR")
                            .containsKey("correlationId");
    }

    @Test
    void aReferralGoesThroughTheWiredAggregatesAndHandlers() {
        String referrer = uniquePartner("ref");
        String receiver = uniquePartner("rec");
        send(commands, Samples.partner(referrer), COORDINATOR);
        send(commands, Samples.partner(receiver, ServiceCategory.MENTAL_HEALTH_PSYCHOSOCIAL), COORDINATOR);
        RegisterCase registerCase = Samples.caseWithConsentForAnything();
        Actor referrerAgent = Actor.partnerAgent("key-r", referrer);
        send(commands, registerCase, referrerAgent);

        String referralId = UUID.randomUUID().toString();
        ReferralResult made = send(commands, new MakeReferral(referralId, registerCase.caseId(), receiver,
                                                              ServiceCategory.MENTAL_HEALTH_PSYCHOSOCIAL, Urgency.PRIORITY,
                                                              "counselling after return", null), referrerAgent);
        assertThat(made).isEqualTo(new ReferralResult(referralId, ReferralStatus.REQUESTED, 0));

        Actor receiverAgent = Actor.partnerAgent("key-c", receiver);
        ReferralResult accepted = send(commands, new AcceptReferral(referralId, 0L, null), receiverAgent);
        assertThat(accepted).isEqualTo(new ReferralResult(referralId, ReferralStatus.ACCEPTED, 1));

        assertThatThrownBy(() -> send(commands, new AcceptReferral(referralId, null, null), receiverAgent))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("ACCEPTED");
    }

    @Test
    void anInvalidCommandIsRefusedBeforeItsHandlerAndWritesNothing() {
        var invalid = new RegisterPartner("Not A Slug!", "x".repeat(201), PartnerKind.NGO, "Morocco", List.of(),
                                          List.of(), "not-an-email", List.of());
        assertThatThrownBy(() -> send(commands, invalid, COORDINATOR)).isInstanceOf(JSR303ViolationException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                                       Integer.class, "Not A Slug!")).isZero();
    }

    @Test
    void tokensAndSagasLiveInTheEmbeddedMongoDb() {
        assertThat(tokenStore).isInstanceOf(org.referrals.infra.readmodels.TokenAfterProjectionWrites.class);
        assertThat(((org.referrals.infra.readmodels.TokenAfterProjectionWrites) tokenStore).delegate()).isInstanceOf(MongoTokenStore.class);
        assertThat(sagaStore).isInstanceOf(MongoSagaStore.class);
        tokenStore.initializeTokenSegments("probe", 2);
        tokenStore.storeToken(new GlobalSequenceTrackingToken(41), "probe", 1);
        assertThat(tokenStore.fetchToken("probe", 1)).isEqualTo(new GlobalSequenceTrackingToken(41));
        assertThat(tokenStore.fetchSegments("probe")).containsExactly(0, 1);
    }

    @Test
    void theGeneratedMasterKeyIsReadableByItsOwnerOnly() throws IOException {
        assertThat(DATA_DIR.resolve("master-key")).as("not with the data it opens").doesNotExist();
        Path masterKey = DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-keys").resolve("master-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(masterKey))).isEqualTo("rw-------");
    }

    private static String uniquePartner(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("referrals-embedded-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
