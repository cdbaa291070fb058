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
import org.referrals.api.caseregistry.AssessmentRecorded;
import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.caseregistry.CaseDetailsCorrected;
import org.referrals.api.caseregistry.CasePersonalDataErased;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.caseregistry.ConsentRecorded;
import org.referrals.api.caseregistry.ConsentWithdrawn;
import org.referrals.api.caseregistry.SealedPersonalData;
import org.referrals.api.household.CaseJoinedHousehold;
import org.referrals.api.household.CaseLeftHousehold;
import org.referrals.api.plan.GoalAchieved;
import org.referrals.api.plan.GoalAdded;
import org.referrals.api.plan.GoalDropped;
import org.referrals.api.plan.GoalRevised;
import org.referrals.api.plan.GoalStatus;
import org.referrals.api.plan.PlanAgreed;
import org.referrals.api.plan.PlannedGoal;
import org.springframework.stereotype.Component;

/**
 * Collection {@code cases}: personal data only as sealed in the events (decrypted at read time for callers allowed
 * to see it), so destroying the case's key makes this copy unreadable too; erasure also removes it.
 */
@Component
@ProcessingGroup("cases")
public class CaseProjection {

    public static final String COLLECTION = "cases";

    private final MongoCollection<Document> cases;

    public CaseProjection(MongoDatabase mongoDatabase) {
        this.cases = mongoDatabase.getCollection(COLLECTION);
    }

    @EventHandler
    void on(CaseRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        create(cases, new Document("_id", event.caseId())
                .append(CaseFields.OWNING_PARTNER, event.owningPartnerId())
                .append(CaseFields.PERSONAL_DATA, sealed(event.personalData()))
                .append(CaseFields.VULNERABILITIES, event.vulnerabilities().stream().map(Enum::name).sorted().toList())
                .append(CaseFields.COUNTRY_OF_RETURN, event.countryOfReturn())
                .append(CaseFields.STATUS, "OPEN")
                .append(CaseFields.ERASED, false)
                .append(CaseFields.CONSENTS, java.util.List.of())
                .append(CaseFields.REGISTERED_AT, Date.from(event.registeredAt())), sequence, at);
    }

    @EventHandler
    void on(CaseDetailsCorrected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.set(CaseFields.PERSONAL_DATA, sealed(event.personalData())),
               Updates.set(CaseFields.VULNERABILITIES, event.vulnerabilities().stream().map(Enum::name).sorted().toList()),
               Updates.set(CaseFields.COUNTRY_OF_RETURN, event.countryOfReturn()));
    }

    @EventHandler
    void on(ConsentRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.push(CaseFields.CONSENTS, new Document(CaseFields.CONSENT_ID, event.consentId())
                .append(CaseFields.LEGAL_BASIS, event.legalBasis().name())
                .append(CaseFields.SERVICE_CATEGORIES, event.serviceCategories().stream().map(Enum::name).toList())
                .append(CaseFields.PARTNER_IDS, event.partnerIds())
                .append(CaseFields.RECORDED_AT, Date.from(event.recordedAt()))
                .append(CaseFields.EXPIRES_AT, event.expiresAt() == null ? null : Date.from(event.expiresAt()))
                .append(CaseFields.WITHDRAWN, false)));
    }

    @EventHandler
    void on(ConsentWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // a positional update: only the consent of that id
        update(cases, event.caseId(), Filters.eq("consents.consentId", event.consentId()), sequence, at,
               Updates.set("consents.$.withdrawn", true));
    }

    @EventHandler
    void on(CaseClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.set(CaseFields.STATUS, "CLOSED"));
    }

    @EventHandler
    void on(CaseJoinedHousehold event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.set(CaseFields.HOUSEHOLD, event.householdId()),
               Updates.set(CaseFields.HOUSEHOLD_ROLE, event.role().name()));
    }

    @EventHandler
    void on(CaseLeftHousehold event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.unset(CaseFields.HOUSEHOLD), Updates.unset(CaseFields.HOUSEHOLD_ROLE));
    }

    @EventHandler
    void on(AssessmentRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.push(CaseFields.ASSESSMENTS,
                new Document(CaseFields.INSTRUMENT, event.instrumentId()).append(CaseFields.TAKEN_ON, event.takenOn().toString())
                        .append(CaseFields.RESULT, org.referrals.query.common.Projections.sealed(event.result()))));
    }

    @EventHandler
    void on(PlanAgreed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.set(CaseFields.PLAN_AGREED_AT, Date.from(event.agreedAt())),
               Updates.set(CaseFields.GOALS, event.goals().stream().map(CaseProjection::goal).toList()));
    }

    @EventHandler
    void on(GoalAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.push(CaseFields.GOALS, goal(event.goal())));
    }

    @EventHandler
    void on(GoalRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), Filters.eq(CaseFields.GOALS + "." + CaseFields.GOAL_ID, event.goal().goalId()), sequence, at,
               Updates.set(CaseFields.GOALS + ".$." + CaseFields.DIMENSION, event.goal().dimension().name()));
    }

    @EventHandler
    void on(GoalAchieved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        goalStatus(event.caseId(), event.goalId(), GoalStatus.ACHIEVED, sequence, at);
    }

    @EventHandler
    void on(GoalDropped event, @SequenceNumber long sequence, @Timestamp Instant at) {
        goalStatus(event.caseId(), event.goalId(), event.status(), sequence, at);
    }

    private void goalStatus(String caseId, String goalId, GoalStatus status, long sequence, Instant at) {
        update(cases, caseId, Filters.eq(CaseFields.GOALS + "." + CaseFields.GOAL_ID, goalId), sequence, at,
               Updates.set(CaseFields.GOALS + ".$." + CaseFields.GOAL_STATUS, status.name()));
    }

    private static Document goal(PlannedGoal goal) {
        return new Document(CaseFields.GOAL_ID, goal.goalId()).append(CaseFields.DIMENSION, goal.dimension().name())
                .append(CaseFields.GOAL_STATUS, GoalStatus.OPEN.name());
    }

    @EventHandler
    void on(CasePersonalDataErased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(cases, event.caseId(), sequence, at, Updates.set(CaseFields.ERASED, true), Updates.unset(CaseFields.PERSONAL_DATA),
               Updates.unset(CaseFields.ASSESSMENTS));
    }

    @ResetHandler
    void reset() {
        cases.drop();
    }

    private static Document sealed(SealedPersonalData data) {
        return new Document(CaseFields.ALGORITHM, data.algorithm()).append(CaseFields.KEY_ID, data.keyId())
                .append(CaseFields.NONCE, data.nonce()).append(CaseFields.CIPHERTEXT, data.ciphertext());
    }

    /** The sealed personal data of a case document; empty once erased. */
    public static java.util.Optional<SealedPersonalData> sealedData(Document caseDocument) {
        return java.util.Optional.ofNullable(caseDocument.get(CaseFields.PERSONAL_DATA, Document.class))
                .map(d -> new SealedPersonalData(d.getString(CaseFields.ALGORITHM), d.getString(CaseFields.KEY_ID), d.getString(CaseFields.NONCE),
                                                 d.getString(CaseFields.CIPHERTEXT)));
    }
}
