package org.referrals.query.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.PartnerReactivated;
import org.referrals.api.partner.PartnerRegistered;
import org.referrals.api.partner.PartnerServicesUpdated;
import org.referrals.api.partner.PartnerSuspended;
import org.referrals.api.partner.PartnerView;
import org.referrals.api.partner.PartnershipAgreed;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.partner.ServiceOffer;
import org.referrals.query.network.PartnershipProjectionProbe;

class PartnerProjectionTest {

    private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private PartnerProjection projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("test");
        projection = new PartnerProjection(database);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private PartnerView view() {
        return PartnerQueryController.view(database.getCollection(PartnerProjection.COLLECTION).find().first());
    }

    @Test
    void everyPartnerEventUpdatesTheDirectoryOnce() {
        projection.on(new PartnerRegistered("shelter", "Shelter", PartnerKind.NGO, "MA", List.of("Oriental"), List.of("fr"),
                                            "a@b.org", List.of(new ServiceOffer(ServiceCategory.SHELTER_HOUSING, 12, null))), 0, T0);
        assertThat(view().capacity()).isEqualTo(12);
        assertThat(view().active()).isTrue();

        projection.on(new PartnerServicesUpdated("shelter", List.of(new ServiceOffer(ServiceCategory.SHELTER_HOUSING, 8, null),
                                                                    new ServiceOffer(ServiceCategory.FOOD_NUTRITION, null, "families"))),
                      1, T0.plusSeconds(1));
        assertThat(view().capacity()).isEqualTo(8);
        assertThat(view().services()).extracting(ServiceOffer::category)
                                     .containsExactly(ServiceCategory.SHELTER_HOUSING, ServiceCategory.FOOD_NUTRITION);

        projection.on(new PartnerSuspended("shelter", "audit"), 2, T0.plusSeconds(2));
        assertThat(view().active()).isFalse();
        projection.on(new PartnerReactivated("shelter", "done"), 3, T0.plusSeconds(3));
        assertThat(view().active()).isTrue();

        Document before = database.getCollection(PartnerProjection.COLLECTION).find().first();
        projection.on(new PartnerSuspended("shelter", "audit"), 2, T0.plusSeconds(2)); // redelivered
        assertThat(database.getCollection(PartnerProjection.COLLECTION).find().first()).isEqualTo(before);
    }

    @Test
    void aPartnershipIsOneEdgeHoweverOftenItArrives() {
        var agreements = new PartnershipProjectionProbe(database);
        agreements.apply(new PartnershipAgreed("alpha", "beta", "MoU"), 1, T0);
        agreements.apply(new PartnershipAgreed("alpha", "beta", "MoU"), 1, T0);
        assertThat(database.getCollection(org.referrals.query.network.PartnershipProjection.COLLECTION).countDocuments()).isEqualTo(1);
    }
}
