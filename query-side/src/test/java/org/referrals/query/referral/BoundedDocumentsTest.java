package org.referrals.query.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeliveryOutcome;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceStarted;
import org.referrals.api.referral.Urgency;

/**
 * A partner's read documents stay the same size as its history grows: the largest document of every collection the
 * referrals projection writes is no larger after 2,000 referrals to one partner than after 20 (no list of ids, no
 * counter document per partner that a real MongoDB's 16 MB limit would one day stop).
 */
class BoundedDocumentsTest {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    @Test
    void theLargestDocumentDoesNotGrowWithAPartnersHistory() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase database = client.getDatabase("test");
            ReferralProjectionDriver driver = new ReferralProjectionDriver(database);
            refer(driver, 0, 20);
            Map<String, Integer> early = largest(database);
            refer(driver, 20, 2_000);
            Map<String, Integer> late = largest(database);

            assertThat(late.keySet()).isEqualTo(early.keySet()).contains("referrals", CaseReferrals.COLLECTION);
            late.forEach((collection, bytes) -> assertThat(bytes).as(collection).isLessThanOrEqualTo(early.get(collection)));
        } finally {
            server.shutdown();
        }
    }

    /** Referrals from one NGO to one clinic, each for its own case, delivered; numbered {@code from} until {@code to}. */
    private static void refer(ReferralProjectionDriver driver, int from, int to) {
        for (int i = from; i < to; i++) {
            String id = String.format("r%05d", i);
            Instant at = T0.plus(Duration.ofHours(i));
            driver.apply(id, new ReferralRequested(id, String.format("case-%05d", i), "ngo", "clinic", ServiceCategory.HEALTH_CARE,
                                                   Urgency.ROUTINE, SealedText.plain("reason"), at, at.plus(Duration.ofDays(7)), null, null), at);
            driver.apply(id, new ReferralAccepted(id, null), at.plusSeconds(60));
            driver.apply(id, new ServiceStarted(id, null), at.plusSeconds(120));
            driver.apply(id, new ServiceDelivered(id, DeliveryOutcome.SERVICE_PROVIDED, null), at.plusSeconds(180));
        }
    }

    /** Per collection, the size in bytes of its largest document. */
    private static Map<String, Integer> largest(MongoDatabase database) {
        Map<String, Integer> largest = new TreeMap<>();
        for (String collection : database.listCollectionNames()) {
            for (BsonDocument document : database.getCollection(collection, BsonDocument.class).find()) {
                int bytes = new RawBsonDocument(document, new BsonDocumentCodec()).getByteBuffer().remaining();
                largest.merge(collection, bytes, Math::max);
            }
        }
        return largest;
    }
}
