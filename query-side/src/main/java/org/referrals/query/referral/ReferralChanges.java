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
import org.referrals.query.figures.DerivedFigures;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * What a committed batch of the referrals projection changed: each referral it touched is read back as it now
 * stands, marked for the {@link DerivedFigures}, and published to {@code GET /api/stream} (not during a replay).
 */
@Component
public class ReferralChanges {

    private static final String RESOURCE = ReferralChanges.class.getName();

    private final Sinks.Many<ReferralView> sink = Sinks.many().multicast().directBestEffort();
    private final MongoCollection<Document> referrals;
    private final DerivedFigures figures;
    private final Clock clock;

    public ReferralChanges(MongoDatabase mongoDatabase, DerivedFigures figures, Clock clock) {
        this.referrals = mongoDatabase.getCollection(ReferralProjection.COLLECTION);
        this.figures = figures;
        this.clock = clock;
    }

    public Flux<ReferralView> changes() {
        return sink.asFlux();
    }

    private static final class Batch {
        final Set<String> ids = new LinkedHashSet<>();
        boolean replay;
    }

    void changed(String referralId, ReplayStatus replay) {
        if (!CurrentUnitOfWork.isStarted()) {
            Batch batch = new Batch();
            batch.ids.add(referralId);
            batch.replay = replay.isReplay();
            publish(batch);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Batch batch = unitOfWork.getOrComputeResource(RESOURCE, key -> {
            Batch created = new Batch();
            unitOfWork.afterCommit(committed -> publish(created));
            return created;
        });
        batch.ids.add(referralId);
        batch.replay |= replay.isReplay();
    }

    private void publish(Batch batch) {
        boolean live = !batch.replay && sink.currentSubscriberCount() > 0;
        referrals.find(Filters.in("_id", batch.ids)).forEach(document -> {
            figures.referralChanged(document);
            if (live) {
                sink.tryEmitNext(ReferralViews.view(document, clock.instant()));
            }
        });
    }
}
