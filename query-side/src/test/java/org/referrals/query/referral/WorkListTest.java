package org.referrals.query.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.SealedText;
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
 * The work lists give the same pages and totals as a MongoDB query that filters the referrals' documents and sorts
 * them by last change, for any mix of referrals, filters and pages; a change moves a referral to the top.
 */
class WorkListTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final List<String> PARTNERS = List.of("ngo-a", "clinic-b", "shelter-c");

    @Property(tries = 60)
    void pagesAreThoseOfSortingEveryReferralByItsLastChange(@ForAll("seeds") long seed,
                                                             @ForAll @IntRange(min = 0, max = 70) int referrals,
                                                             @ForAll @IntRange(min = 1, max = 25) int size) {
        withDatabase((database, reactive) -> {
            Random random = new Random(seed);
            write(database, random, referrals);
            ReferralSnapshots.Snapshot snapshot = snapshot(reactive);
            Instant now = T0.plus(Duration.ofDays(2 + random.nextInt(3)));
            for (int query = 0; query < 12; query++) {
                ReferralListQuery asked = randomQuery(random, size);
                Bson filter = filterOf(asked, now);
                List<String> expected = database.getCollection(ReferralProjection.COLLECTION).find(filter)
                        .sort(Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("_id")))
                        .map(d -> d.getString("_id")).into(new ArrayList<>());
                List<ReferralFacts> selected = asked.select(snapshot, now);
                assertThat(selected).as("%s", asked).hasSize(expected.size());
                assertThat(selected.stream().skip((long) asked.page() * size).limit(size).map(ReferralFacts::id))
                        .as("%s", asked).containsExactlyElementsOf(expected.stream().skip((long) asked.page() * size).limit(size).toList());
            }
        });
    }

    @Test
    void aChangeMovesTheReferralToTheTop() {
        withDatabase((database, reactive) -> {
            ReferralProjectionDriver driver = twoRequestsToTheClinic(database);
            ReferralListQuery inbox = new ReferralListQuery("clinic-b", "inbound", List.of(), null, null, null, 0, 10);
            assertThat(inbox.select(snapshot(reactive), T0).stream().map(ReferralFacts::id)).containsExactly("r2", "r1");

            driver.apply("r1", new ReferralAccepted("r1", null), T0.plusSeconds(120));

            ReferralSnapshots.Snapshot later = snapshot(reactive);
            assertThat(inbox.select(later, T0).stream().map(ReferralFacts::id)).containsExactly("r1", "r2");
            ReferralListQuery overdue = new ReferralListQuery("clinic-b", "inbound", List.of(), null, true, null, 0, 10);
            assertThat(overdue.select(later, T0.plus(Duration.ofDays(4))).stream().map(ReferralFacts::id))
                    .as("r1 was answered").containsExactly("r2");
            assertThat(overdue.select(later, T0.plus(Duration.ofDays(2)))).as("not yet due").isEmpty();
            ReferralListQuery ofCase = new ReferralListQuery("clinic-b", "inbound", List.of(), null, null, "case-r2", 0, 10);
            assertThat(ofCase.select(later, T0).stream().map(ReferralFacts::id)).as("the referrals of one case").containsExactly("r2");
        });
    }

    /** The list as a MongoDB filter on the referrals' documents. */
    private static Bson filterOf(ReferralListQuery asked, Instant now) {
        List<Bson> all = new ArrayList<>();
        if (asked.partnerId() != null) {
            Bson to = Filters.eq("toPartnerId", asked.partnerId());
            Bson from = Filters.eq("fromPartnerId", asked.partnerId());
            all.add("inbound".equals(asked.direction()) ? to : "outbound".equals(asked.direction()) ? from : Filters.or(to, from));
        }
        if (!asked.statuses().isEmpty()) {
            all.add(Filters.in("status", asked.statuses().stream().map(Enum::name).toList()));
        }
        if (asked.category() != null) {
            all.add(Filters.eq("serviceCategory", asked.category().name()));
        }
        if (asked.overdue() != null) {
            Bson isOverdue = Filters.and(Filters.eq("status", ReferralStatus.REQUESTED.name()), Filters.lt("respondBy", Date.from(now)));
            all.add(asked.overdue() ? isOverdue : Filters.nor(isOverdue));
        }
        return all.isEmpty() ? Filters.empty() : Filters.and(all);
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
            driver.apply(id, new ReferralRequested(id, "case-" + id, from, to, category, Urgency.ROUTINE, SealedText.plain("reason"), at,
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
        return new ReferralListQuery(partner, "both".equals(direction) ? null : direction, statuses, category, overdue, null,
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
                                                   SealedText.plain("reason"), T0, T0.plus(Duration.ofDays(3)), null, null), at);
        }
        return driver;
    }

    /** The referrals as they are now (a new snapshot, not one kept from less than a second ago). */
    private static ReferralSnapshots.Snapshot snapshot(com.mongodb.reactivestreams.client.MongoDatabase reactive) {
        return ReferralProjectionDriver.snapshots(reactive).current().block();
    }

    private static void withDatabase(BiConsumer<MongoDatabase, com.mongodb.reactivestreams.client.MongoDatabase> test) {
        MongoServer server = new MongoServer(new MemoryBackend());
        String address = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(address);
             var reactive = com.mongodb.reactivestreams.client.MongoClients.create(address)) {
            test.accept(client.getDatabase("test"), reactive.getDatabase("test"));
        } finally {
            server.shutdown();
        }
    }
}
