package org.referrals.query.network;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.referrals.api.partner.PartnershipAgreed;
import org.referrals.query.common.Projections;
import org.springframework.stereotype.Component;

/** Collection {@code agreements}: one document per pair of partners that agreed to work together (an undirected edge). */
@Component
@ProcessingGroup("partners")
public class PartnershipProjection {

    public static final String COLLECTION = "agreements";

    private final MongoCollection<Document> agreements;
    public PartnershipProjection(MongoDatabase mongoDatabase) {
        this.agreements = mongoDatabase.getCollection(COLLECTION);
    }

    @EventHandler
    void on(PartnershipAgreed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Projections.create(agreements, new Document("_id", event.partnerA() + "|" + event.partnerB())
                .append("kind", "agreement")
                .append("partnerA", event.partnerA())
                .append("partnerB", event.partnerB())
                .append("description", event.description()), sequence, at);
    }

    @ResetHandler
    void reset() {
        agreements.drop();
    }
}
