package org.referrals.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.infra.support.RunningApplication;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code --referrals.generate.events=N}: a network of about N events written through the command bus, with the projections stopped meanwhile; afterwards they catch up, and every referral the event store holds
 * is in the read model and in its partner's inbox.
 */
class GeneratedNetworkTest {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedNetworkHasAboutTheEventsAskedForAndTheReadModelsCatchUpWithAllOfThem() {
        try (var app = RunningApplication.start(dataDir, "referrals.generate.events=2000",
                                                "referrals.generate.seed=42")) {
            JdbcTemplate events = new JdbcTemplate(app.bean(DataSource.class));
            long total = events.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
            assertThat(total).isBetween(1500L, 2600L);
            List<String> requested = events.queryForList(
                    "SELECT aggregateIdentifier FROM DomainEventEntry WHERE payloadType LIKE '%ReferralRequested'", String.class);
            assertThat(requested).hasSizeGreaterThan(150);
            assertThat(events.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%ReferralExpired'", Long.class))
                    .as("the deadline scan ran along").isPositive();

            MongoDatabase mongo = app.bean(MongoDatabase.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    mongo.getCollection("referrals").find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactlyInAnyOrderElementsOf(requested));
            Set<String> statuses = new HashSet<>(mongo.getCollection("referrals").distinct("status", String.class).into(new ArrayList<>()));
            assertThat(statuses).contains("REQUESTED", "ACCEPTED", "DECLINED", "EXPIRED", "IN_PROGRESS", "DELIVERED", "CLOSED");
            Document partner = mongo.getCollection("partners").find(Filters.eq("_id", "health-facility-01")).first();
            assertThat(partner).isNotNull();
        }
    }
}
