package org.referrals.query.caseregistry;

import static org.referrals.query.common.Projections.create;
import static org.referrals.query.common.Projections.update;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.caseregistry.CaseDetailsCorrected;
import org.referrals.api.caseregistry.CasePersonalDataErased;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.caseregistry.ConsentRecorded;
import org.referrals.api.caseregistry.ConsentWithdrawn;
import org.referrals.api.caseregistry.SealedPersonalData;
import org.springframework.stereotype.Component;

/**
 * Collection {@code cases}: personal data only as sealed in the events (decrypted at read time for callers allowed
 * to see it), so destroying the case's key makes this copy unreadable too; erasure also removes it.
 */
@Component
@ProcessingGroup("cases")
public class CaseProjection {

    static final String COLLECTION = "cases";

    private final MongoCollection<Document> cases;

    public CaseProjection(MongoDatabase mongoDatabase) {
        this.cases = mongoDatabase.getCollection(COLLECTION);
    }

    @EventHandler
    void on(CaseRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        create(cases, new Document("_id", event.caseId())
                .append("owningPartnerId", event.owningPartnerId())
                .append("personalData", sealed(event.personalData()))
                .append("vulnerabilities", event.vulnerabilities().stream().map(Enum::name).sorted().toList())
                .append("countryOfReturn", event.countryOfReturn())
                .append("status", "OPEN")
                .append("erased", false)
                .append("consents", java.util.List.of())
                .append("registeredAt", Date.from(event.registeredAt())), sequence, at);
    }

    @EventHandler
    void on(CaseDetailsCorrected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.set("personalData", sealed(event.personalData())),
               Updates.set("vulnerabilities", event.vulnerabilities().stream().map(Enum::name).sorted().toList()),
               Updates.set("countryOfReturn", event.countryOfReturn()));
    }

    @EventHandler
    void on(ConsentRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.push("consents", new Document("consentId", event.consentId())
                .append("legalBasis", event.legalBasis().name())
                .append("serviceCategories", event.serviceCategories().stream().map(Enum::name).toList())
                .append("partnerIds", event.partnerIds())
                .append("recordedAt", Date.from(event.recordedAt()))
                .append("expiresAt", event.expiresAt() == null ? null : Date.from(event.expiresAt()))
                .append("withdrawn", false)));
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // a positional update: only the consent of that id
        update(cases, event.caseId(), Filters.eq("consents.consentId", event.consentId()), sequence, at,
               Updates.set("consents.$.withdrawn", true));
    }

    @EventHandler
    void on(CaseClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.set("status", "CLOSED"));
    }

    @EventHandler
    void on(CasePersonalDataErased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.set("erased", true), Updates.unset("personalData"));
    }

    @ResetHandler
    void reset() {
        cases.drop();
    }

    private static Document sealed(SealedPersonalData data) {
        return new Document("algorithm", data.algorithm()).append("keyId", data.keyId())
                .append("nonce", data.nonce()).append("ciphertext", data.ciphertext());
    }

    /** The sealed personal data of a case document; empty once erased. */
    public static java.util.Optional<SealedPersonalData> sealedData(Document caseDocument) {
        return java.util.Optional.ofNullable(caseDocument.get("personalData", Document.class))
                .map(d -> new SealedPersonalData(d.getString("algorithm"), d.getString("keyId"), d.getString("nonce"),
                                                 d.getString("ciphertext")));
    }
}
