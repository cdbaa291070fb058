package org.referrals.query.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.ReplayStatus;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.DeliveryOutcome;
import org.referrals.api.referral.FailureReason;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralClosed;
import org.referrals.api.referral.ReferralClosureReason;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralExpired;
import org.referrals.api.referral.ReferralLegalBasis;
import org.referrals.api.referral.ReferralPutOnHold;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralResumed;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceFailed;
import org.referrals.api.referral.ServiceStarted;
import org.referrals.api.referral.Urgency;

/** Every status-changing referral event moves the read model to its status, and applied twice changes nothing. */
class ReferralStatusProjectionTest {

    private static final String ID = "5d1f0c52-7c43-4b5e-9d8b-0a1b2c3d4e05";
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private ReferralProjection projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("test");
        projection = ReferralProjectionDriver.projection(database);
        projection.on(new ReferralRequested(ID, "case", "a", "b", ServiceCategory.EDUCATION, Urgency.ROUTINE, SealedText.plain("r"), T0,
                                            T0.plus(Duration.ofDays(7)), null, ReferralLegalBasis.override(SealedText.plain("urgent"))),
                      0, T0, ReplayStatus.REGULAR);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(new ReferralAccepted(ID, null), ReferralStatus.ACCEPTED),
                Arguments.of(new ReferralDeclined(ID, DeclineReason.OUT_OF_SERVICE_AREA, null), ReferralStatus.DECLINED),
                Arguments.of(new ReferralPutOnHold(ID, null), ReferralStatus.ON_HOLD),
                Arguments.of(new ReferralResumed(ID, null), ReferralStatus.ACCEPTED),
                Arguments.of(new ServiceStarted(ID, null), ReferralStatus.IN_PROGRESS),
                Arguments.of(new ServiceDelivered(ID, DeliveryOutcome.SERVICE_PROVIDED, null), ReferralStatus.DELIVERED),
                Arguments.of(new ServiceFailed(ID, FailureReason.PROVIDER_UNABLE, null), ReferralStatus.FAILED),
                Arguments.of(new ReferralCancelled(ID, ReferralStatus.REQUESTED, SealedText.plain("x")), ReferralStatus.CANCELLED),
                Arguments.of(new ReferralExpired(ID, T0), ReferralStatus.EXPIRED),
                Arguments.of(new ReferralClosed(ID, ReferralClosureReason.NEED_NOT_MET, null), ReferralStatus.CLOSED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eachEventSetsItsStatusOnce(Object event, ReferralStatus expected) throws Exception {
        Instant at = T0.plusSeconds(60);
        apply(event, at);
        Document once = database.getCollection(ReferralProjection.COLLECTION).find().first();
        assertThat(once.getString("status")).isEqualTo(expected.name());
        assertThat(once.getLong("version")).isEqualTo(1);
        apply(event, at.plusSeconds(60));
        assertThat(database.getCollection(ReferralProjection.COLLECTION).find().into(new java.util.ArrayList<>()))
                .isEqualTo(List.of(once));
    }

    /** Calls the projection's handler for this event type, as the processor would, at sequence 1. */
    private void apply(Object event, Instant at) throws Exception {
        var handler = ReferralProjection.class.getDeclaredMethod("on", event.getClass(), long.class, Instant.class,
                                                                 ReplayStatus.class);
        handler.setAccessible(true);
        handler.invoke(projection, event, 1L, at, ReplayStatus.REGULAR);
    }
}
