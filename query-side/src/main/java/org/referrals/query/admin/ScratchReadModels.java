package org.referrals.query.admin;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.referrals.query.caseregistry.CaseProjection;
import org.referrals.query.network.PartnershipProjection;
import org.referrals.query.partner.PartnerProjection;
import org.referrals.query.referral.CaseReferrals;
import org.referrals.query.referral.ReferralChanges;
import org.referrals.query.referral.ReferralResets;
import org.referrals.query.referral.ReferralProjection;

/**
 * The event-sourced read models built again, by the same projection classes, into another database: the
 * referrals (with each case's referrals), cases, partners and partnerships.
 * Events are applied in batches, each one unit of work, so that the projections' bulk writes apply as in a processor.
 */
final class ScratchReadModels {

    /** The collections these projections write. */
    static final List<String> COLLECTIONS = List.of("referrals", CaseReferrals.COLLECTION, "cases", "partners",
                                                     PartnershipProjection.COLLECTION);

    private final List<AnnotationEventHandlerAdapter> projections;

    ScratchReadModels(MongoDatabase database, Clock clock) {
        this.projections = List.of(
                new AnnotationEventHandlerAdapter(new ReferralProjection(database, new ReferralChanges(database, clock), new ReferralResets())),
                new AnnotationEventHandlerAdapter(new CaseProjection(database)),
                new AnnotationEventHandlerAdapter(new PartnerProjection(database)),
                new AnnotationEventHandlerAdapter(new PartnershipProjection(database)));
    }

    /**
     * Applies the events in order, as one unit of work that goes through them one by one (as a processor's batch:
     * a handler sees the event it handles as the unit of work's message, with its position).
     */
    void apply(List<? extends EventMessage<?>> events) throws Exception {
        if (events.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(events));
        ResultMessage<Object> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(event)) {
                    projection.handle(event);
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof Exception exception ? exception : new IllegalStateException(failure);
        }
    }
}
