package org.referrals.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bson.Document;
import org.referrals.api.common.Actor;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.DeliveryOutcome;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceStarted;
import org.referrals.api.referral.Statistics;
import org.referrals.api.referral.Urgency;
import org.referrals.query.referral.ReferralProjectionDriver;

/**
 * Statistics computed from the referrals' facts give the rows that counting every referral made in the period gives,
 * for any period (open or not, within a month or across months) and any grouping.
 */
class StatisticsRollupTest {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-01-20");
    private static final List<String> RECEIVERS = List.of("clinic-a", "shelter-b", "lawyer-c");
    private static final List<ServiceCategory> CATEGORIES = List.of(ServiceCategory.HEALTH_CARE, ServiceCategory.LEGAL_AID,
                                                                    ServiceCategory.SHELTER_HOUSING);
    private static final List<String> GROUPS = List.of("month", "category", "dimension", "region", "partner");

    @Property(tries = 15)
    void rowsAreThoseOfCountingTheReferralsOfThePeriod(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int referrals) {
        MongoServer server = new MongoServer(new MemoryBackend());
        String address = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(address);
             var reactive = com.mongodb.reactivestreams.client.MongoClients.create(address)) {
            MongoDatabase database = client.getDatabase("test");
            Random random = new Random(seed);
            write(new ReferralProjectionDriver(database), random, referrals);
            var controller = new StatisticsController(reactive.getDatabase("test"), ReferralProjectionDriver.snapshots(reactive.getDatabase("test")));
            List<Document> all = database.getCollection("referrals").find().into(new ArrayList<>());
            for (int query = 0; query < 6 + GROUPS.size(); query++) {
                // six random, then each grouping over all time
                String groupBy = GROUPS.get(query < 6 ? random.nextInt(GROUPS.size()) : query - 6);
                LocalDate from = query >= 6 || random.nextInt(4) == 0 ? null : FIRST_DAY.plusDays(random.nextInt(150) - 10);
                LocalDate to = query >= 6 || random.nextInt(4) == 0 ? null : (from == null ? FIRST_DAY : from).plusDays(random.nextInt(100));
                List<Statistics.Row> actual = controller.statistics(groupBy, Objects.toString(from, null), Objects.toString(to, null),
                                                                    Actor.coordinator("analyst")).block().rows();
                assertThat(actual).as("%s from %s to %s", groupBy, from, to).isEqualTo(counted(groupBy, all, from, to));
            }
        } finally {
            server.shutdown();
        }
    }

    /** The rows by counting each referral document made in the period, then suppressed as the controller does. */
    private static List<Statistics.Row> counted(String groupBy, List<Document> referrals, LocalDate from, LocalDate to) {
        Map<String, long[]> groups = new TreeMap<>();
        for (Document referral : referrals) {
            LocalDate day = referral.getDate("createdAt").toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            if ((from != null && day.isBefore(from)) || (to != null && day.isAfter(to))) {
                continue;
            }
            ServiceCategory category = ServiceCategory.valueOf(referral.getString("serviceCategory"));
            String key = switch (groupBy) {
                case "month" -> day.toString().substring(0, 7);
                case "category" -> category.name();
                case "dimension" -> category.dimension().name();
                case "region" -> "unknown"; // no partner in the directory here
                default -> referral.getString("toPartnerId");
            };
            long[] counts = groups.computeIfAbsent(key, k -> new long[4]);
            counts[0]++;
            counts[1] += "ACCEPTED".equals(referral.getString("answer")) ? 1 : 0;
            counts[2] += "DECLINED".equals(referral.getString("answer")) ? 1 : 0;
            counts[3] += referral.get("deliveredAt") != null ? 1 : 0;
        }
        return StatisticsController.suppressed(groups);
    }

    /** Referrals made over about four months, many on the same days, accepted, declined or delivered. */
    private static void write(ReferralProjectionDriver driver, Random random, int count) {
        for (int i = 0; i < count; i++) {
            String id = "r" + i;
            Instant at = FIRST_DAY.plusDays(random.nextInt(130)).atStartOfDay(ZoneOffset.UTC).toInstant()
                                  .plus(Duration.ofMinutes(random.nextInt(24 * 60)));
            driver.apply(id, new ReferralRequested(id, "case-" + id, "ngo", RECEIVERS.get(random.nextInt(RECEIVERS.size())),
                                                   CATEGORIES.get(random.nextInt(CATEGORIES.size())), Urgency.ROUTINE, SealedText.plain("reason"),
                                                   at, at.plus(Duration.ofDays(3)), null, null), at);
            switch (random.nextInt(4)) {
                case 1 -> driver.apply(id, new ReferralDeclined(id, DeclineReason.NO_CAPACITY, null), at.plusSeconds(60));
                case 2 -> driver.apply(id, new ReferralAccepted(id, null), at.plusSeconds(60));
                case 3 -> {
                    driver.apply(id, new ReferralAccepted(id, null), at.plusSeconds(60));
                    driver.apply(id, new ServiceStarted(id, null), at.plusSeconds(120));
                    driver.apply(id, new ServiceDelivered(id, DeliveryOutcome.SERVICE_PROVIDED, null), at.plusSeconds(180));
                }
                default -> { }
            }
        }
    }
}
