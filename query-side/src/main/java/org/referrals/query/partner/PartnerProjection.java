package org.referrals.query.partner;

import static org.referrals.query.common.Projections.create;
import static org.referrals.query.common.Projections.update;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.referrals.api.partner.PartnerReactivated;
import org.referrals.api.partner.PartnerRegistered;
import org.referrals.api.partner.PartnerServicesUpdated;
import org.referrals.api.partner.PartnerSuspended;
import org.referrals.api.partner.ServiceOffer;
import org.springframework.stereotype.Component;

/** Collection {@code partners}: the directory, one document per partner. */
@Component
@ProcessingGroup("partners")
public class PartnerProjection {

    public static final String COLLECTION = "partners";

    private final MongoCollection<Document> partners;
    public PartnerProjection(MongoDatabase mongoDatabase) {
        this.partners = mongoDatabase.getCollection(COLLECTION);
    }

    @EventHandler
    void on(PartnerRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        create(partners, new Document("_id", event.partnerId())
                .append("name", event.name())
                .append("kind", event.kind().name())
                .append("country", event.country())
                .append("regions", event.regions())
                .append("languages", event.languages())
                .append("contactEmail", event.contactEmail())
                .append("services", services(event.services()))
                .append("active", true), sequence, at);
    }

    @EventHandler
    void on(PartnerServicesUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(partners, event.partnerId(), sequence, at, Updates.set("services", services(event.services())));
    }

    @EventHandler
    void on(PartnerSuspended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(partners, event.partnerId(), sequence, at, Updates.set("active", false));
    }

    @EventHandler
    void on(PartnerReactivated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(partners, event.partnerId(), sequence, at, Updates.set("active", true));
    }

    @ResetHandler
    void reset() {
        partners.drop();
    }

    private static List<Document> services(List<ServiceOffer> offers) {
        return offers.stream()
                     .map(offer -> new Document("category", offer.category().name())
                             .append("capacity", offer.capacity())
                             .append("eligibility", offer.eligibility()))
                     .toList();
    }
}
