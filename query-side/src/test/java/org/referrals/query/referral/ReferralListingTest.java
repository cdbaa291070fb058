package org.referrals.query.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.axonframework.eventhandling.ReplayStatus;
import org.referrals.api.referral.ReferralNoteAdded;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.DeliveryOutcome;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceStarted;
import org.referrals.api.referral.Urgency;

/**
 * The listing gives the same pages as sorting the partner's referrals by last change (what the inbox did before),
 * for any mix of referrals, filters and pages; moves a referral's entries when it changes, skips entries left
 * behind, and is repaired by the start scan.
 */
class ReferralListingTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final List<String> PARTNERS = List.of("ngo-a", "clinic-b", "shelter-c");

    @Property(tries = 60)
    void pagesAreThoseOfSortingEveryReferralByItsLastChange(@ForAll("seeds") long seed,
                                                             @ForAll @IntRange(min = 0, max = 70) int referrals,
                                                             @ForAll @IntRange(min = 1, max = 25) int size) {
        withDatabase(database -> {
            Random random = new Random(seed);
            write(database, random, referrals);
            ReferralListing listing = ReferralListing.alone(database);
            Instant now = T0.plus(Duration.ofDays(2 + random.nextInt(3)));
            for (int query = 0; query < 12; query++) {
                ReferralListQuery asked = randomQuery(random, size);
                Bson filter = asked.filter(now);
                List<String> expected = database.getCollection(ReferralProjection.COLLECTION).find(filter)
                        .sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("_id")))
                        .skip(asked.page() * size).limit(size).map(d -> d.getString("_id")).into(new ArrayList<>());
                assertThat(listing.page(asked.lists(), filter, asked.page() * size, size))
                        .as("%s", asked).extracting(d -> d.getString("_id")).containsExactlyElementsOf(expected);
            }
        });
    }

    @Test
    void aChangeMovesTheReferralToTheTopAndLeavesNoOldEntries() {
        withDatabase(database -> {
            ReferralProjectionDriver driver = twoRequestsToTheClinic(database);
            ReferralListing listing = ReferralListing.alone(database);
            assertThat(ids(listing.page(List.of(ReferralIndex.inbound("clinic-b")), Filters.empty(), 0, 10))).containsExactly("r2", "r1");

            driver.apply("r1", new ReferralAccepted("r1", null), T0.plusSeconds(120));

            assertThat(ids(listing.page(List.of(ReferralIndex.inbound("clinic-b")), Filters.empty(), 0, 10))).containsExactly("r1", "r2");
            assertThat(ids(listing.page(List.of(ReferralListing.ALL), Filters.empty(), 1, 10))).containsExactly("r2");
            // each referral: its inbox, outbox and "all" entries, and r2's open request; none from before the change
            assertThat(database.getCollection(ReferralListing.COLLECTION).countDocuments()).isEqualTo(3 + 4);
            assertThat(listing.overdue("clinic-b", T0.plus(Duration.ofDays(4)))).as("r1 was answered").isEqualTo(1);
            assertThat(listing.overdue("clinic-b", T0.plus(Duration.ofDays(2)))).as("not yet due").isZero();
        });
    }

    @Test
    void entriesLeftBehindAreSkippedAndTheStartScanRelists() {
        withDatabase(database -> {
            twoRequestsToTheClinic(database);
            ReferralListing listing = ReferralListing.alone(database);
            var entries = database.getCollection(ReferralListing.COLLECTION);
            // a crash after the referral's change committed and before its relisting: the old entries stay
            List<Document> before = entries.find().into(new ArrayList<>());
            database.getCollection(ReferralProjection.COLLECTION)
                    .updateOne(Filters.eq("_id", "r1"), Updates.combine(Updates.set("status", ReferralStatus.ACCEPTED.name()),
                                                                        Updates.set("updatedAt", java.util.Date.from(T0.plusSeconds(120)))));
            assertThat(ids(listing.page(List.of(ReferralIndex.inbound("clinic-b")), Filters.empty(), 0, 10)))
                    .as("r1's entry no longer matches it").containsExactly("r2");
            assertThat(listing.overdue("clinic-b", T0.plus(Duration.ofDays(4)))).as("nor its open request").isEqualTo(1);

            var changes = new ReferralChanges(database, listing, java.time.Clock.systemUTC());
            assertThat(changes.scanAll()).isEqualTo(1);

            assertThat(ids(listing.page(List.of(ReferralIndex.inbound("clinic-b")), Filters.empty(), 0, 10))).containsExactly("r1", "r2");
            assertThat(entries.countDocuments()).isEqualTo(3 + 4);
            assertThat(entries.find().into(new ArrayList<>())).as("r2's entries untouched").containsAll(
                    before.stream().filter(d -> d.getString("_id").endsWith("|r2")).toList());
            assertThat(changes.scanAll()).as("nothing left to relist").isZero();
        });
    }

    @Test
    void aRelistingReadBeforeTheScanRelistedTheSameReferralReadsItAgain() {
        withDatabase(database -> {
            twoRequestsToTheClinic(database);
            var referrals = database.getCollection(ReferralProjection.COLLECTION);
            unlist(database, Filters.eq("_id", "r1")); // data older than the listing
            ReferralListing listing = new ReferralListing(database); // a start scan may run
            boolean readAlone = listing.alone();
            // the scan relists r1; meanwhile the processor accepts it and reads it before the scan's listed is written
            listing.relistAsStored(List.of("r1"));
            referrals.updateOne(Filters.eq("_id", "r1"), Updates.combine(Updates.set("status", ReferralStatus.ACCEPTED.name()),
                                                                          Updates.set("updatedAt", java.util.Date.from(T0.plusSeconds(120)))));
            Document readByTheProcessor = referrals.find(Filters.eq("_id", "r1")).first();
            readByTheProcessor.remove(ReferralListing.LISTED);

            listing.finishNow(listing.begin(List.of(readByTheProcessor), readAlone));

            assertThat(readAlone).as("the scan has not finished").isFalse();
            assertThat(database.getCollection(ReferralListing.COLLECTION).find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .as("r1's 3 as it now stands, none from the scan's relisting, and r2's 4")
                    .containsExactlyInAnyOrderElementsOf(expectedEntries(database)).hasSize(3 + 4);
            assertThat(ids(listing.page(List.of(ReferralIndex.inbound("clinic-b")), Filters.empty(), 0, 10))).containsExactly("r1", "r2");
        });
    }

    /**
     * Referrals left unlisted by a crash change while the start's scan relists them, as after a restart: at the
     * end every referral has exactly its own entries, whatever the interleaving.
     */
    @RepeatedTest(15)
    void theStartScanBesideAProcessorLeavesExactlyTheEntriesOfEachReferral() {
        withDatabase(database -> {
            Random random = new Random();
            write(database, random, 40);
            unlist(database, Filters.empty()); // data older than the listing
            ReferralListing listing = new ReferralListing(database);
            var changes = new ReferralChanges(database, listing, java.time.Clock.systemUTC());
            ReferralProjection projection = new ReferralProjection(database, changes, new ReferralIndex(database), listing);
            Thread scan = new Thread(() -> {
                changes.scanAll();
                listing.scanFinished();
            });
            scan.start();
            for (int i = 0; i < 40; i++) { // a note on each referral: a new last change, so new entries
                projection.on(new ReferralNoteAdded("r" + i, "a note"), 100, T0.plus(Duration.ofDays(1)).plusSeconds(i),
                              ReplayStatus.REGULAR);
            }
            join(scan);

            assertThat(database.getCollection(ReferralListing.COLLECTION).find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrderElementsOf(expectedEntries(database));
        });
    }

    /** As before the listing existed: the referrals' entries and listed gone. */
    private static void unlist(MongoDatabase database, Bson referrals) {
        database.getCollection(ReferralProjection.COLLECTION).find(referrals).forEach(referral -> ReferralListing.entriesOf(referral)
                .forEach(entry -> database.getCollection(ReferralListing.COLLECTION).deleteOne(Filters.eq("_id", entry))));
        database.getCollection(ReferralProjection.COLLECTION).updateMany(referrals, Updates.unset(ReferralListing.LISTED));
    }

    /** The entries every referral should have, as it now stands. */
    private static List<String> expectedEntries(MongoDatabase database) {
        List<String> expected = new ArrayList<>();
        database.getCollection(ReferralProjection.COLLECTION).find().forEach(r -> expected.addAll(ReferralListing.entriesOf(r)));
        return expected;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Referrals among three partners, each with a random lifecycle at random moments. */
    private static void write(MongoDatabase database, Random random, int count) {
        ReferralProjectionDriver driver = new ReferralProjectionDriver(database);
        for (int i = 0; i < count; i++) {
            String id = "r" + i;
            String from = PARTNERS.get(random.nextInt(PARTNERS.size()));
            String to = PARTNERS.get(random.nextInt(PARTNERS.size()));
            ServiceCategory category = random.nextBoolean() ? ServiceCategory.HEALTH_CARE : ServiceCategory.LEGAL_AID;
            // minutes, few of them, so that changes at the same moment (ordered by id) happen
            Instant at = T0.plus(Duration.ofMinutes(random.nextInt(30)));
            driver.apply(id, new ReferralRequested(id, "case-" + id, from, to, category, Urgency.ROUTINE, "reason", at,
                                                   at.plus(Duration.ofDays(3)), null, null), at);
            int steps = random.nextInt(5);
            if (steps == 1) {
                driver.apply(id, new ReferralDeclined(id, DeclineReason.NO_CAPACITY, null), at = later(at, random));
            } else if (steps == 2) {
                driver.apply(id, new ReferralCancelled(id, ReferralStatus.REQUESTED, null), at = later(at, random));
            } else if (steps >= 3) {
                driver.apply(id, new ReferralAccepted(id, null), at = later(at, random));
                driver.apply(id, new ServiceStarted(id, null), at = later(at, random));
                if (steps == 4) {
                    driver.apply(id, new ServiceDelivered(id, DeliveryOutcome.SERVICE_PROVIDED, null), later(at, random));
                }
            }
        }
    }

    private static ReferralListQuery randomQuery(Random random, int size) {
        String partner = random.nextInt(4) == 0 ? null : PARTNERS.get(random.nextInt(PARTNERS.size()));
        String direction = partner == null ? null : List.of("inbound", "outbound", "both").get(random.nextInt(3));
        List<ReferralStatus> statuses = random.nextInt(3) == 0
                ? List.of(ReferralStatus.values()[random.nextInt(ReferralStatus.values().length)], ReferralStatus.REQUESTED) : List.of();
        ServiceCategory category = random.nextInt(3) == 0 ? ServiceCategory.LEGAL_AID : null;
        Boolean overdue = random.nextInt(4) == 0 ? random.nextBoolean() : null;
        return new ReferralListQuery(partner, "both".equals(direction) ? null : direction, statuses, category, overdue,
                                     random.nextInt(4), size);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }

    private static Instant later(Instant at, Random random) {
        return at.plus(Duration.ofMinutes(random.nextInt(40)));
    }

    /** r1 at T0 and r2 a minute later, from ngo-a to clinic-b, both unanswered (respondBy 3 days on). */
    private static ReferralProjectionDriver twoRequestsToTheClinic(MongoDatabase database) {
        ReferralProjectionDriver driver = new ReferralProjectionDriver(database);
        for (String id : List.of("r1", "r2")) {
            Instant at = id.equals("r1") ? T0 : T0.plusSeconds(60);
            driver.apply(id, new ReferralRequested(id, "case-" + id, "ngo-a", "clinic-b", ServiceCategory.HEALTH_CARE, Urgency.ROUTINE,
                                                   "reason", T0, T0.plus(Duration.ofDays(3)), null, null), at);
        }
        return driver;
    }

    private static List<String> ids(List<Document> referrals) {
        return referrals.stream().map(d -> d.getString("_id")).toList();
    }

    private static void withDatabase(Consumer<MongoDatabase> test) {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            test.accept(client.getDatabase("test"));
        } finally {
            server.shutdown();
        }
    }
}
