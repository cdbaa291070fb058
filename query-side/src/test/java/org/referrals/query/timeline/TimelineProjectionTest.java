package org.referrals.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.partner.PartnerSuspended;
import org.referrals.api.referral.ReferralNoteAdded;
import org.referrals.api.referral.ServiceFailed;
import org.referrals.api.referral.FailureReason;

class TimelineProjectionTest {

    private MongoServer server;
    private MongoClient client;
    private TimelineProjection projection;
    private MongoCollection<Document> timeline;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        var database = client.getDatabase("test");
        projection = new TimelineProjection(database);
        timeline = database.getCollection(TimelineProjection.COLLECTION);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private void apply(String type, String aggregateId, long sequence, Object payload, long position) {
        var message = new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                                                      Map.of("userId", "key-1", "partnerId", "clinic", "role", "PARTNER_AGENT"));
        projection.on(payload, message, new GlobalSequenceTrackingToken(position));
    }

    @Test
    void oneEntryPerEventWithActorAndASummaryWithoutFreeText() {
        var note = new ReferralNoteAdded("r-1", "Fatou's brother called on +221 77 000 00 00");
        apply("Referral", "r-1", 3, note, 40);
        apply("Referral", "r-1", 4, new ServiceFailed("r-1", FailureReason.CLIENT_UNREACHABLE, "moved to Dakar"), 41);
        apply("Partner", "clinic", 2, new PartnerSuspended("clinic", "audit"), 42);

        List<Document> entries = timeline.find().sort(new Document("seq", 1)).into(new java.util.ArrayList<>());
        assertThat(entries).extracting(d -> d.getString("type")).containsExactly("ReferralNoteAdded", "ServiceFailed");
        assertThat(entries).extracting(d -> d.getString("summary"))
                           .containsExactly("Note added", "Service failed: CLIENT_UNREACHABLE");
        assertThat(entries.get(0).getString("partnerId")).isEqualTo("clinic");
        assertThat(entries.get(0).getString("userId")).isEqualTo("key-1");
        assertThat(entries.toString()).doesNotContain("Fatou", "+221", "Dakar");
    }

    @Test
    void aRedeliveredEventIsStillOneEntry() {
        var note = new ReferralNoteAdded("r-2", "x");
        var message = new GenericDomainEventMessage<>("Referral", "r-2", 1, note);
        projection.on(note, message, new GlobalSequenceTrackingToken(7));
        projection.on(note, message, new GlobalSequenceTrackingToken(7));
        assertThat(timeline.countDocuments()).isEqualTo(1);
    }
}
