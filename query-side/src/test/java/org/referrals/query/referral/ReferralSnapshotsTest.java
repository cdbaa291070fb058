package org.referrals.query.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Urgency;
import org.referrals.query.admin.StoredTokens;

/**
 * A refresh of the snapshot reads what changed above the position the projection's tokens had passed at the last
 * one, and misses nothing: not a change above the tokens, not a rebuild that ends between two refreshes.
 */
class ReferralSnapshotsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private com.mongodb.reactivestreams.client.MongoClient reactive;
    private ReferralProjectionDriver driver;
    private ReferralSnapshots snapshots;
    /** The token store as the snapshots read it: two segments. */
    private volatile Map<Integer, TrackingToken> tokens = Map.of();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        String address = server.bindAndGetConnectionString();
        client = MongoClients.create(address);
        reactive = com.mongodb.reactivestreams.client.MongoClients.create(address);
        driver = new ReferralProjectionDriver(client.getDatabase("test"));
        StoredTokens stored = processor -> processor.equals("referrals") ? tokens : Map.of();
        snapshots = driver.snapshots(reactive.getDatabase("test"), stored);
    }

    @AfterEach
    void stop() {
        client.close();
        reactive.close();
        server.shutdown();
    }

    @Test
    void aRefreshReadsWhatChangedAndKeepsTheRest() {
        request("r1");                       // position 0
        request("r2");                       // position 1
        passed(1, 1);
        ReferralSnapshots.Snapshot first = snapshots.current().block();
        assertThat(statuses(first)).containsOnly(Map.entry("r1", "REQUESTED"), Map.entry("r2", "REQUESTED"));

        accept("r1");                        // position 2
        request("r3");                       // position 3
        passed(3, 2);                        // one segment is behind: a change above 2 is read again next time
        ReferralSnapshots.Snapshot second = next(first);
        assertThat(second.projectedUpTo()).isEqualTo(2);
        assertThat(statuses(second)).containsOnly(Map.entry("r1", "ACCEPTED"), Map.entry("r2", "REQUESTED"),
                                                 Map.entry("r3", "REQUESTED"));
        assertThat(second.all().get(0).id()).as("newest change first").isEqualTo("r3");
        assertThat(second.inboundOf("clinic")).hasSize(3);
    }

    @Test
    void withNothingChangedTheSnapshotAndItsComputedValuesStay() {
        request("r1");
        passed(0, 0);
        ReferralSnapshots.Snapshot first = snapshots.current().block();
        Object computed = first.computed("figure", Object::new);

        passed(5, 5);                        // events the projection had nothing to write for
        ReferralSnapshots.Snapshot second = await().until(() -> snapshots.current().block(), s -> s.projectedUpTo() == 5);
        assertThat(second.version()).isEqualTo(first.version());
        assertThat(second.<Object>computed("figure", Object::new)).isSameAs(computed);
    }

    @Test
    void aSnapshotKeptWithoutChangesKeepsOnlySoManyComputedValues() {
        request("r1");
        passed(0, 0);
        ReferralSnapshots.Snapshot first = snapshots.current().block();
        for (int report = 0; report <= ReferralSnapshots.Snapshot.KEPT_COMPUTED; report++) {
            first.computed("report " + report, Object::new);
        }
        passed(5, 5);
        ReferralSnapshots.Snapshot second = await().until(() -> snapshots.current().block(), s -> s.projectedUpTo() == 5);
        assertThat(second.version()).isEqualTo(first.version());
        assertThat(second.computed()).as("computed again from now on").isEmpty();
    }

    @Test
    void aGapInTheStoreIsReadOnceItIsFilled() {
        request("r1");                       // position 0
        request("r2");                       // position 1
        // the JDBC store's token: position 1 seen, 0 not yet (committed later): every change from 0 on is read again
        tokens = Map.of(0, GapAwareTrackingToken.newInstance(1, new TreeSet<>(java.util.List.of(0L))));
        ReferralSnapshots.Snapshot first = snapshots.current().block();
        assertThat(first.projectedUpTo()).isEqualTo(-1);
        accept("r1");
        passed(2, 2);
        assertThat(statuses(next(first))).containsEntry("r1", "ACCEPTED");
    }

    @Test
    void aRebuildIsReadWholeEvenWhenItEndedBetweenTwoRefreshes() {
        request("r1");
        request("r2");
        accept("r1");
        passed(2, 2);
        ReferralSnapshots.Snapshot before = snapshots.current().block();
        assertThat(before.all()).hasSize(2);

        // a rebuild (reset, then the events again) that the tokens do not show: they are where they were
        driver.reset();
        request("r1");
        passed(2, 2);
        ReferralSnapshots.Snapshot after = next(before);
        assertThat(statuses(after)).containsOnly(Map.entry("r1", "REQUESTED"));
    }

    @Test
    void whileTheProjectionReplaysEveryRefreshReadsTheWhole() {
        request("r1");
        passed(0, 0);
        ReferralSnapshots.Snapshot first = snapshots.current().block();
        TrackingToken replaying = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(0));
        tokens = Map.of(0, replaying, 1, replaying);
        accept("r1");
        ReferralSnapshots.Snapshot second = next(first);
        assertThat(statuses(second)).containsOnly(Map.entry("r1", "ACCEPTED"));
    }

    private ReferralSnapshots.Snapshot next(ReferralSnapshots.Snapshot after) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.current().block(), s -> s.version() > after.version());
    }

    private void passed(long segment0, long segment1) {
        tokens = Map.of(0, new GlobalSequenceTrackingToken(segment0), 1, new GlobalSequenceTrackingToken(segment1));
    }

    private void request(String id) {
        Instant at = T0.plusSeconds(driver.nextPosition());
        driver.apply(id, new ReferralRequested(id, "case-" + id, "ngo", "clinic", ServiceCategory.HEALTH_CARE, Urgency.ROUTINE,
                                               SealedText.plain("reason"), at, at.plus(Duration.ofDays(3)), null, null), at);
    }

    private void accept(String id) {
        driver.apply(id, new ReferralAccepted(id, null), T0.plusSeconds(driver.nextPosition()));
    }

    private static Map<String, String> statuses(ReferralSnapshots.Snapshot snapshot) {
        return snapshot.all().stream().collect(Collectors.toMap(ReferralFacts::id, facts -> facts.status().name()));
    }
}
