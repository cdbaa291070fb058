package org.referrals.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.infra.support.RunningApplication;

/** The demo command fills an empty system with a living network: 40 partners, 300 cases, referrals in every state. */
class DemoDataTest {

    @TempDir
    Path dataDir;

    @Test
    void anEmptySystemGetsAWholeNetworkWithReferralsInEveryState() throws Exception {
        try (var app = RunningApplication.start(dataDir, "referrals.demo=true")) {
            MongoDatabase mongo = app.bean(MongoDatabase.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(mongo.getCollection("partners").countDocuments()).isEqualTo(40);
                assertThat(mongo.getCollection("cases").countDocuments()).isEqualTo(300);
                Set<String> statuses = new HashSet<>(mongo.getCollection("referrals").distinct("status", String.class).into(new ArrayList<>()));
                assertThat(statuses).containsExactlyInAnyOrderElementsOf(
                        java.util.Arrays.stream(ReferralStatus.values()).map(Enum::name).toList());
                // the projections were stopped while the history was written: they catch up with all of it
                assertThat(mongo.getCollection("referrals").countDocuments()).isBetween(300L, 600L);
            });
            Path keys = dataDir.resolve("demo-keys.txt");
            assertThat(Files.readString(keys)).containsPattern("COORDINATOR rk_\\S+").containsPattern("PARTNER_AGENT ngo\\S+ rk_\\S+")
                    .containsPattern("PARTNER_AGENT \\S+ rk_\\S+").containsPattern("ANALYST rk_\\S+");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rw-------");
        }
    }
}
