package org.referrals.query.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.common.SealedText;
import org.referrals.api.partner.Caseload;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.DeliveryOutcome;
import org.referrals.api.referral.ReferralAccepted;
import org.referrals.api.referral.ReferralCancelled;
import org.referrals.api.referral.ReferralDeclined;
import org.referrals.api.referral.ReferralLegalBasis;
import org.referrals.api.referral.ReferralRequested;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.ServiceDelivered;
import org.referrals.api.referral.ServiceStarted;
import org.referrals.api.referral.Urgency;
import org.referrals.query.referral.ReferralProjectionDriver;

/**
 * Three partners, twenty referrals in mixed states with known times: exact counts, acceptance rate and medians.
 * The clinic receives 12 (3 requested of which 1 overdue, 1 accepted, 2 in progress, 2 delivered, 2 declined,
 * 2 cancelled unanswered), the shelter 8 still requested, the NGO none.
 */
class CaseloadScenarioTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(10));

    private MongoServer server;
    private MongoClient client;
    private String address;
    private MongoDatabase database;
    private ReferralProjectionDriver referrals;
    private int next;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        address = server.bindAndGetConnectionString();
        client = MongoClients.create(address);
        database = client.getDatabase("test");
        referrals = new ReferralProjectionDriver(database);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    /** Requests a referral at {@code at}; answers its id. ROUTINE: respondBy a week later. */
    private String request(String to, Instant at) {
        String id = "ref-" + next++;
        referrals.apply(id, new ReferralRequested(id, "case-" + id, "ngo", to, ServiceCategory.HEALTH_CARE,
                                                  Urgency.ROUTINE, SealedText.plain("x"), at, at.plus(Duration.ofDays(7)), null,
                                                  ReferralLegalBasis.consent("c", LegalBasis.CONSENT)), at);
        return id;
    }

    /** From the referrals' facts as the caseload endpoint reads them. */
    private Caseload caseload(String partnerId, Integer capacity) {
        try (var reactive = com.mongodb.reactivestreams.client.MongoClients.create(address)) {
            var referrals = ReferralProjectionDriver.snapshots(reactive.getDatabase("test")).current().block();
            return CaseloadFigures.of(partnerId, capacity, referrals.inboundOf(partnerId), NOW);
        }
    }

    @Test
    void figuresOfAKnownScenario() {
        Instant recent = NOW.minus(Duration.ofDays(1));
        request("clinic", T0);                      // requested, overdue (respondBy = T0 + 7 days < NOW)
        request("clinic", recent);                  // requested, not yet due
        request("clinic", recent);
        int hour = 1;                               // answers after 1, 2, ... 7 hours
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = request("clinic", T0);
            referrals.apply(id, new ReferralAccepted(id, null), T0.plus(Duration.ofHours(hour++)));
            accepted.add(id);
        }
        for (int i = 0; i < 2; i++) {
            String id = request("clinic", T0);
            referrals.apply(id, new ReferralDeclined(id, DeclineReason.NO_CAPACITY, null), T0.plus(Duration.ofHours(hour++)));
        }
        for (int i = 0; i < 2; i++) {
            String id = request("clinic", T0);
            referrals.apply(id, new ReferralCancelled(id, ReferralStatus.REQUESTED, SealedText.plain("duplicate")), T0.plusSeconds(60));
        }
        // of the accepted: 2 in progress, 2 delivered 2 and 4 days after acceptance, 1 still accepted
        for (int i = 0; i < 4; i++) {
            String id = accepted.get(i);
            referrals.apply(id, new ServiceStarted(id, null), T0.plus(Duration.ofDays(1)));
        }
        referrals.apply(accepted.get(0), new ServiceDelivered(accepted.get(0), DeliveryOutcome.SERVICE_PROVIDED, null),
                        T0.plus(Duration.ofHours(1)).plus(Duration.ofDays(2)));
        referrals.apply(accepted.get(1), new ServiceDelivered(accepted.get(1), DeliveryOutcome.PARTIALLY_PROVIDED, null),
                        T0.plus(Duration.ofHours(2)).plus(Duration.ofDays(4)));
        for (int i = 0; i < 8; i++) {
            request("shelter", recent);
        }

        Caseload clinic = caseload("clinic", 20);
        assertThat(clinic.byStatus()).isEqualTo(Map.of("REQUESTED", 3L, "ACCEPTED", 1L, "IN_PROGRESS", 2L,
                                                        "DELIVERED", 2L, "DECLINED", 2L, "CANCELLED", 2L));
        assertThat(clinic.active()).isEqualTo(6);
        assertThat(clinic.capacity()).isEqualTo(20);
        assertThat(clinic.overdue()).isEqualTo(1);
        assertThat(clinic.acceptanceRate()).isEqualTo(5.0 / 7);
        assertThat(clinic.medianHoursToRespond()).isEqualTo(4.0);
        assertThat(clinic.medianDaysToDeliver()).isEqualTo(3.0);

        Caseload shelter = caseload("shelter", null);
        assertThat(shelter.active()).isEqualTo(8);
        assertThat(shelter.byStatus()).isEqualTo(Map.of("REQUESTED", 8L));
        assertThat(shelter.overdue()).isZero();
        assertThat(shelter.acceptanceRate()).isNull();
        assertThat(shelter.medianHoursToRespond()).isNull();
        assertThat(shelter.medianDaysToDeliver()).isNull();

        Caseload ngo = caseload("ngo", null);
        assertThat(ngo.active()).isZero();
        assertThat(ngo.byStatus()).isEmpty();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(org.referrals.query.common.Figures.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(org.referrals.query.common.Figures.median(List.of(5.0))).isEqualTo(5.0);
        assertThat(org.referrals.query.common.Figures.median(List.of())).isNull();
    }
}
