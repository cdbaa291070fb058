package org.referrals.query.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.Urgency;

/**
 * The referral index files each referral under its inbox, outbox, flow and statistics bucket, idempotently, and is
 * built from the referrals when a read model predates it.
 */
class ReferralIndexTest {

    private static final Instant T0 = Instant.parse("2026-03-01T23:30:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private ReferralIndex index;
    private com.mongodb.reactivestreams.client.MongoClient reactiveClient;
    private com.mongodb.reactivestreams.client.MongoDatabase reactive;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        String address = server.bindAndGetConnectionString();
        client = MongoClients.create(address);
        database = client.getDatabase("test");
        reactiveClient = com.mongodb.reactivestreams.client.MongoClients.create(address);
        reactive = reactiveClient.getDatabase("test");
        index = new ReferralIndex(database);
    }

    @AfterEach
    void stop() {
        reactiveClient.close();
        client.close();
        server.shutdown();
    }

    private long count(String partnerList) {
        return ReferralIndex.count(reactive, partnerList).block();
    }

    @Test
    void eachReferralIsFiledUnderItsFourKeysOnceEvenWhenRedelivered() {
        ReferralProjectionDriver driver = new ReferralProjectionDriver(database);
        driver.apply("r1", requested("r1", "ngo", "clinic", ServiceCategory.HEALTH_CARE, T0), T0);
        driver.apply("r2", requested("r2", "ngo", "shelter", ServiceCategory.SHELTER_HOUSING, T0.plus(Duration.ofHours(1))), T0);
        driver.apply("r3", requested("r3", "un", "clinic", ServiceCategory.HEALTH_CARE, T0.plus(Duration.ofHours(1))), T0);
        driver.apply("r1", new ReferralAccepted("r1", null), T0);
        // a redelivered first event (at-least-once delivery) files nothing twice
        ReferralProjectionDriver.projection(database, index)
                .on(requested("r1", "ngo", "clinic", ServiceCategory.HEALTH_CARE, T0), 0, T0, org.axonframework.eventhandling.ReplayStatus.REGULAR);

        assertThat(index.ids(ReferralIndex.inbound("clinic"))).containsExactly("r1", "r3");
        assertThat(index.ids(ReferralIndex.outbound("ngo"))).containsExactly("r1", "r2");
        assertThat(index.ids(ReferralIndex.flow("ngo", "clinic"))).containsExactly("r1");
        assertThat(index.ids(ReferralIndex.bucket("2026-03-01", "HEALTH_CARE", "clinic"))).containsExactly("r1");
        assertThat(index.ids(ReferralIndex.bucket("2026-03-02", "HEALTH_CARE", "clinic"))).as("by the day it was made, UTC").containsExactly("r3");
        assertThat(index.ids(ReferralIndex.inbound("nobody"))).isEmpty();
        assertThat(index.referrals(ReferralIndex.inbound("clinic"))).extracting(d -> d.getString("status"))
                                                                  .containsExactlyInAnyOrder("ACCEPTED", "REQUESTED");
    }

    @Test
    void aPartnersListsAreCountedOnceEachEvenWhenABatchIsAppliedAgain() {
        ReferralProjectionDriver driver = new ReferralProjectionDriver(database);
        driver.apply("r1", requested("r1", "ngo", "clinic", ServiceCategory.HEALTH_CARE, T0), T0);
        driver.apply("r2", requested("r2", "ngo", "shelter", ServiceCategory.SHELTER_HOUSING, T0), T0);
        driver.apply("r3", requested("r3", "clinic", "clinic", ServiceCategory.HEALTH_CARE, T0), T0);
        driver.apply("r1", new ReferralAccepted("r1", null), T0);
        // a batch redone after a crash files its referrals again: r1 and r3 both in one unit of work
        var unitOfWork = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        index.file("r1", ReferralIndex.keys("ngo", "clinic", "HEALTH_CARE", T0));
        index.file("r3", ReferralIndex.keys("clinic", "clinic", "HEALTH_CARE", T0));
        unitOfWork.commit();

        assertThat(count(ReferralIndex.inbound("clinic"))).isEqualTo(2);
        assertThat(count(ReferralIndex.outbound("ngo"))).isEqualTo(2);
        assertThat(count(ReferralIndex.outbound("clinic"))).as("a partner referring to itself").isEqualTo(1);
        assertThat(count(ReferralIndex.inbound("shelter"))).isEqualTo(1);
        assertThat(count(ReferralIndex.inbound("nobody"))).isZero();
        assertThat(index.ids(ReferralIndex.inbound("clinic"))).containsExactly("r1", "r3");
        assertThatThrownBy(() -> count(ReferralIndex.flow("ngo", "clinic"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsFiledBeforeCountingAreCountedAtStartAndThenKeptCounted() {
        var entries = database.getCollection(ReferralIndex.COLLECTION);
        entries.insertOne(new Document("_id", "to:clinic").append("ids", java.util.List.of("r1", "r2", "r3")));
        entries.insertOne(new Document("_id", "from:ngo").append("ids", java.util.List.of("r1")));
        entries.insertOne(new Document("_id", "case:c1").append("ids", java.util.List.of("r1")));
        entries.insertOne(new Document("_id", "tp:x").append("ids", java.util.List.of("r9")));

        index.afterSingletonsInstantiated();

        assertThat(entries.find(new Document("_id", "to:clinic")).first().get("n")).isEqualTo(3);
        assertThat(entries.find(new Document("_id", "from:ngo")).first().get("n")).isEqualTo(1);
        assertThat(entries.find(new Document("_id", "case:c1")).first()).as("not a partner's list").doesNotContainKey("n");
        assertThat(entries.find(new Document("_id", "tp:x")).first()).doesNotContainKey("n");
        index.file("r4", ReferralIndex.keys("ngo", "clinic", "HEALTH_CARE", T0));
        index.file("r2", ReferralIndex.keys("ngo", "clinic", "HEALTH_CARE", T0));
        assertThat(count(ReferralIndex.inbound("clinic"))).isEqualTo(4);
        assertThat(count(ReferralIndex.outbound("ngo"))).isEqualTo(3);
        index.afterSingletonsInstantiated(); // counted: left alone
        assertThat(count(ReferralIndex.inbound("clinic"))).isEqualTo(4);
    }

    @Test
    void aReadModelWithoutTheIndexGetsItBuiltAtStart() {
        ReferralProjectionDriver driver = new ReferralProjectionDriver(database);
        driver.apply("r1", requested("r1", "ngo", "clinic", ServiceCategory.HEALTH_CARE, T0), T0);
        driver.apply("r2", requested("r2", "un", "clinic", ServiceCategory.LEGAL_AID, T0), T0);
        database.getCollection(ReferralIndex.COLLECTION).drop();

        index.afterSingletonsInstantiated();

        assertThat(index.ids(ReferralIndex.inbound("clinic"))).containsExactlyInAnyOrder("r1", "r2");
        assertThat(count(ReferralIndex.inbound("clinic"))).isEqualTo(2);
        assertThat(index.ids(ReferralIndex.flow("un", "clinic"))).containsExactly("r2");
        assertThat(index.ids(ReferralIndex.bucket("2026-03-01", "LEGAL_AID", "clinic"))).containsExactly("r2");
        database.getCollection(ReferralIndex.COLLECTION).insertOne(new Document("_id", "to:clinic-2").append("ids", java.util.List.of("x")));
        index.buildWhenMissing(); // present: left alone
        assertThat(index.ids(ReferralIndex.inbound("clinic-2"))).containsExactly("x");
    }

    private static ReferralRequested requested(String id, String from, String to, ServiceCategory category, Instant at) {
        return new ReferralRequested(id, "case-" + id, from, to, category, Urgency.ROUTINE, "reason", at, at.plus(Duration.ofDays(3)), null, null);
    }
}
