package org.referrals.query.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.axonframework.eventhandling.ReplayStatus;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralLegalBasis;
import org.referrals.api.referral.ReferralNoteAdded;
import org.referrals.api.referral.ReferralRedirected;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralResponseOverdue;
import org.referrals.api.referral.Urgency;

/** The referrals projection against the MongoDB-wire server: every event type, and redelivery changing nothing. */
class ReferralProjectionTest {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final String ID = "0c7f4a55-2a9d-4a39-9a57-4b1f5c1e2d01";

    private MongoServer server;
    private MongoClient client;
    private String address;
    private ReferralProjection projection;
    private MongoCollection<Document> referrals;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        address = server.bindAndGetConnectionString();
        client = MongoClients.create(address);
        var database = client.getDatabase("test");
        projection = ReferralProjectionDriver.projection(database);
        referrals = database.getCollection(ReferralProjection.COLLECTION);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private static ReferralRequested requested() {
        return new ReferralRequested(ID, "case-1", "ngo-a", "clinic-b", ServiceCategory.HEALTH_CARE, Urgency.EMERGENCY,
                                     SealedText.plain("check-up"), T0, T0.plus(Duration.ofHours(24)), null,
                                     ReferralLegalBasis.consent("consent-1", LegalBasis.CONSENT));
    }

    private Document stored() {
        return referrals.find(new Document("_id", ID)).first();
    }

    @Test
    void aRequestCreatesTheReferralWithoutPersonalData() {
        projection.on(requested(), 0, T0, ReplayStatus.REGULAR);
        Document d = stored();
        assertThat(d.getString("status")).isEqualTo("REQUESTED");
        assertThat(d.getString("fromPartnerId")).isEqualTo("ngo-a");
        assertThat(d.getString("toPartnerId")).isEqualTo("clinic-b");
        assertThat(d.getDate("respondBy")).isEqualTo(Date.from(T0.plus(Duration.ofHours(24))));
        assertThat(d.getLong("version")).isZero();
    }

    @Test
    void aCaseKnowsItsReferralsAndWhomTheyWereMadeToOnceEvenWhenRedelivered() {
        projection.on(requested(), 0, T0, ReplayStatus.REGULAR);
        projection.on(requested(), 0, T0, ReplayStatus.REGULAR);
        projection.on(new ReferralRequested("r-2", "case-1", "ngo-a", "shelter-c", ServiceCategory.SHELTER_HOUSING, Urgency.ROUTINE,
                                            SealedText.plain("a bed"), T0, T0.plus(Duration.ofHours(72)), null, null), 0, T0, ReplayStatus.REGULAR);
        var reactive = com.mongodb.reactivestreams.client.MongoClients.create(address);
        try {
            assertThat(CaseReferrals.of(reactive.getDatabase("test"), "case-1").block())
                    .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(ID, "clinic-b", "r-2", "shelter-c"));
            assertThat(CaseReferrals.of(reactive.getDatabase("test"), "case-without-referrals").block()).isEmpty();
        } finally {
            reactive.close();
        }
    }

    @Test
    void laterEventsMoveTheStatusAndVersion() {
        projection.on(requested(), 0, T0, ReplayStatus.REGULAR);
        projection.on(new ReferralResponseOverdue(ID, T0), 1, T0.plusSeconds(10), ReplayStatus.REGULAR);
        projection.on(new ReferralDeclined(ID, DeclineReason.NO_CAPACITY, SealedText.plain("full")), 2, T0.plusSeconds(20), ReplayStatus.REGULAR);
        projection.on(new ReferralRedirected(ID, "new-id", "clinic-c", null), 3, T0.plusSeconds(30), ReplayStatus.REGULAR);
        Document d = stored();
        assertThat(d.getString("status")).isEqualTo("DECLINED");
        assertThat(d.getBoolean("overdueRecorded")).isTrue();
        assertThat(d.getString("redirectedTo")).isEqualTo("new-id");
        assertThat(d.getLong("version")).isEqualTo(3);
        assertThat(d.getDate("updatedAt")).isEqualTo(Date.from(T0.plusSeconds(30)));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        projection.on(requested(), 0, T0, ReplayStatus.REGULAR);
        projection.on(new ReferralAccepted(ID, null), 1, T0.plusSeconds(5), ReplayStatus.REGULAR);
        projection.on(new ReferralNoteAdded(ID, SealedText.plain("x")), 2, T0.plusSeconds(6), ReplayStatus.REGULAR);
        Document before = stored();
        projection.on(requested(), 0, T0, ReplayStatus.REGULAR);                            // the first event again
        projection.on(new ReferralAccepted(ID, null), 1, T0.plusSeconds(99), ReplayStatus.REGULAR); // an older one again, later
        assertThat(stored()).isEqualTo(before);
    }
}
