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
import org.referrals.query.figures.DerivedFigures;
import org.springframework.stereotype.Component;

/** Agreements in collection {@code network_edges}: one document per pair (an undirected edge), kind "agreement". */
@Component
@ProcessingGroup("partners")
public class PartnershipProjection {

    static final String COLLECTION = "network_edges";

    private final MongoCollection<Document> agreements;
    private final DerivedFigures figures;

    public PartnershipProjection(MongoDatabase mongoDatabase, DerivedFigures figures) {
        this.agreements = mongoDatabase.getCollection(COLLECTION);
        this.figures = figures;
    }

    @EventHandler
    void on(PartnershipAgreed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Projections.create(agreements, new Document("_id", event.partnerA() + "|" + event.partnerB())
                .append("kind", "agreement")
                .append("partnerA", event.partnerA())
                .append("partnerB", event.partnerB())
                .append("description", event.description()), sequence, at);
        figures.agreementsChanged();
    }

    /** Only the agreements: the referral flows in the same collection are derived figures, not this projection's. */
    @ResetHandler
    void reset() {
        agreements.deleteMany(com.mongodb.client.model.Filters.eq("kind", "agreement"));
        figures.agreementsChanged();
    }
}
