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
 * Live referral changes for {@code GET /api/stream}: once a batch of the referrals projection is written, each
 * referral it changed is published as it now stands. Replays (rebuilds) publish nothing.
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

    void changed(String referralId, ReplayStatus replay) {
        if (replay.isReplay() || !CurrentUnitOfWork.isStarted() || sink.currentSubscriberCount() == 0) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Set<String> ids = unitOfWork.getOrComputeResource(RESOURCE, key -> {
            Set<String> changed = new LinkedHashSet<>();
            unitOfWork.afterCommit(committed -> publish(changed));
            return changed;
        });
        ids.add(referralId);
    }

    private void publish(Set<String> ids) {
        referrals.find(Filters.in("_id", ids))
                 .forEach(document -> sink.tryEmitNext(ReferralViews.view(document, clock.instant())));
    }
}
