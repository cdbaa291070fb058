package org.referrals.query.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.referrals.api.referral.ReferralView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live stream of {@code GET /api/stream}: after a batch of the referrals projection commits, the referrals it
 * changed are read as they now stand and published; not during a replay, and not read at all while nobody listens.
 */
@Component
public class ReferralChanges {

    private static final String RESOURCE = ReferralChanges.class.getName();

    private final Sinks.Many<ReferralView> sink = Sinks.many().multicast().directBestEffort();
    private final MongoCollection<Document> referrals;
    private final Clock clock;

    public ReferralChanges(MongoDatabase mongoDatabase, Clock clock) {
        this.referrals = mongoDatabase.getCollection(ReferralProjection.COLLECTION);
        this.clock = clock;
    }

    public Flux<ReferralView> changes() {
        return sink.asFlux();
    }

    /** Called by the projection's handlers; published once the batch has committed (at once outside a unit of work). */
    void changed(String referralId, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            publish(Set.of(referralId));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Set<String> batch = unitOfWork.getOrComputeResource(RESOURCE, key -> {
            Set<String> ids = new LinkedHashSet<>();
            unitOfWork.afterCommit(committed -> publish(ids));
            return ids;
        });
        batch.add(referralId);
    }

    private void publish(Set<String> ids) {
        if (sink.currentSubscriberCount() == 0) {
            return;
        }
        referrals.find(Filters.in("_id", ids))
                 .forEach(document -> sink.tryEmitNext(ReferralViews.view(document, clock.instant())));
    }
}
