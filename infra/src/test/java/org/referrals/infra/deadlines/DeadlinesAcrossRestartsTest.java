package org.referrals.infra.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.referrals.infra.support.Samples.COORDINATOR;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.common.Actor;
import org.referrals.api.common.MetaDataKeys;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.MakeReferral;
import org.referrals.api.referral.ReferralExpired;
import org.referrals.api.referral.ReferralResponseOverdue;
import org.referrals.api.referral.Urgency;
import org.referrals.infra.support.MutableClock;
import org.referrals.infra.support.PostgresSchema;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.Samples;

/**
 * Deadlines are stored with the events, not in memory: one scheduled before a stop fires after the next start,
 * once; and with two nodes scanning the same store, each deadline still gives one event.
 */
class DeadlinesAcrossRestartsTest {

    private static final String FAST_SCAN = "referrals.deadlines.scan-interval=PT0.2S";

    @TempDir
    Path dataDir;
    @TempDir
    Path secondNodeDir;

    /** An EMERGENCY referral (24 h to answer) from a new NGO to a new clinic; answers its id. */
    private static String emergencyReferral(RunningApplication app) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        app.send(Samples.partner("ngo-" + suffix), COORDINATOR);
        app.send(Samples.partner("clinic-" + suffix, ServiceCategory.HEALTH_CARE), COORDINATOR);
        var registerCase = Samples.caseWithConsentForAnything();
        var agent = Actor.partnerAgent("key-agent", "ngo-" + suffix);
        app.send(registerCase, agent);
        String referralId = UUID.randomUUID().toString();
        app.send(new MakeReferral(referralId, registerCase.caseId(), "clinic-" + suffix, ServiceCategory.HEALTH_CARE,
                                  Urgency.EMERGENCY, "urgent care after return", null), agent);
        return referralId;
    }

    private static List<Object> events(RunningApplication app, String referralId) {
        List<Object> payloads = new ArrayList<>();
        app.bean(EventStore.class).readEvents(referralId).forEachRemaining(event -> {
            if (event.getPayload() instanceof ReferralResponseOverdue || event.getPayload() instanceof ReferralExpired) {
                assertThat(event.getMetaData().get(MetaDataKeys.ROLE)).isEqualTo(Role.SYSTEM.name());
            }
            payloads.add(event.getPayload());
        });
        return payloads;
    }

    @Test
    void aDeadlineScheduledBeforeAStopFiresAfterTheNextStartOnce() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
        String referralId;
        try (var app = RunningApplication.start(dataDir, clock, FAST_SCAN)) {
            referralId = emergencyReferral(app);
            Thread.sleep(600); // a few scans: nothing is due yet
            assertThat(events(app, referralId)).hasSize(1);
        }
        clock.advance(Duration.ofHours(25)); // while nothing runs

        try (var app = RunningApplication.start(dataDir, clock, FAST_SCAN)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(events(app, referralId)).hasSize(2).last().isInstanceOf(ReferralResponseOverdue.class));
            Thread.sleep(600); // more scans change nothing
            assertThat(events(app, referralId)).hasSize(2);

            clock.advance(Duration.ofHours(24)); // the grace period: as long again
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(events(app, referralId)).hasSize(3).last().isInstanceOf(ReferralExpired.class));
        }
    }

    @Test
    void twoNodesScanningOneStoreRecordEachDeadlineOnce() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
        try (var schema = PostgresSchema.create("referrals_deadlines")) {
            List<String> properties = new ArrayList<>(List.of(schema.applicationProperties()));
            properties.add(FAST_SCAN);
            String[] settings = properties.toArray(String[]::new);
            try (var first = RunningApplication.start(dataDir, clock, settings);
                 var second = RunningApplication.start(secondNodeDir, clock, settings)) {
                List<String> referrals = List.of(emergencyReferral(first), emergencyReferral(second), emergencyReferral(first));
                clock.advance(Duration.ofHours(49)); // past respondBy and the grace period at once

                for (String referralId : referrals) {
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                            assertThat(events(first, referralId)).last().isInstanceOf(ReferralExpired.class));
                }
                Thread.sleep(600);
                for (String referralId : referrals) {
                    List<Object> history = events(second, referralId);
                    assertThat(history).hasSize(3);
                    assertThat(history.get(1)).isInstanceOf(ReferralResponseOverdue.class);
                    assertThat(history.get(2)).isInstanceOf(ReferralExpired.class);
                }
            }
        }
    }
}
