package org.referrals.query.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.referrals.api.common.DaemonThreads;
import org.referrals.api.referral.ReferralView;
import org.referrals.query.common.Projections;
import org.referrals.query.figures.FigureBuckets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * What a batch of the referrals projection changed: each referral it touched is read back as it now stands, relisted
 * in the {@link ReferralListing} and written to its {@link FigureBuckets} entry before the batch's token is stored;
 * once committed, published to {@code GET /api/stream} (not during a replay).
 */
@Component
public class ReferralChanges {

    private static final String RESOURCE = ReferralChanges.class.getName();
    private static final Logger log = LoggerFactory.getLogger(ReferralChanges.class);

    private final Sinks.Many<ReferralView> sink = Sinks.many().multicast().directBestEffort();
    private final MongoCollection<Document> referrals;
    private final FigureBuckets figures;
    private final ReferralListing listing;
    private final Clock clock;

    public ReferralChanges(MongoDatabase mongoDatabase, ReferralListing listing, Clock clock) {
        this.referrals = mongoDatabase.getCollection(ReferralProjection.COLLECTION);
        this.figures = new FigureBuckets(mongoDatabase);
        this.listing = listing;
        this.clock = clock;
    }

    public Flux<ReferralView> changes() {
        return sink.asFlux();
    }

    private static final class Batch {
        final Set<String> ids = new LinkedHashSet<>();
        boolean replay;
        List<Document> changed = List.of();
        ReferralListing.Relisting relisting;
    }

    /**
     * Called after the handler's write. In a batch, its referrals are read back and relisted once its writes are
     * flushed ({@code MongoBatch}'s prepare-commit handler, registered by the handler's write before this one) and
     * before its token is stored; they are published after it commits. A failed relisting fails the batch, which
     * the processor retries. Outside a unit of work, all at once.
     */
    void changed(String referralId, ReplayStatus replay) {
        if (!CurrentUnitOfWork.isStarted()) {
            Batch batch = new Batch();
            batch.ids.add(referralId);
            batch.replay = replay.isReplay();
            relist(batch);
            listing.finishNow(batch.relisting);
            publish(batch);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Batch batch = unitOfWork.getOrComputeResource(RESOURCE, key -> {
            Batch created = new Batch();
            unitOfWork.onPrepareCommit(committing -> relist(created));
            unitOfWork.afterCommit(committed -> {
                finishRelisting(created);
                publish(created);
            });
            return created;
        });
        batch.ids.add(referralId);
        batch.replay |= replay.isReplay();
    }

    private void relist(Batch batch) {
        boolean readAlone = listing.alone(); // before reading: the start's scan may relist them after
        batch.changed = read(batch.ids);
        figures.record(batch.changed);
        batch.relisting = listing.begin(batch.changed, readAlone);
    }

    private void finishRelisting(Batch batch) {
        try {
            batch.relisting.finish();
        } catch (RuntimeException e) {
            // listed still names the old entries beside the new: the next change or start relists them
            log.warn("referrals' relisting not finished, left to the next change or start: {}", e.toString());
        }
    }

    private List<Document> read(Set<String> ids) {
        return referrals.find(Filters.in("_id", ids)).into(new ArrayList<>(ids.size()));
    }

    private void publish(Batch batch) {
        boolean live = !batch.replay && sink.currentSubscriberCount() > 0;
        if (live) {
            batch.changed.forEach(document -> sink.tryEmitNext(ReferralViews.view(document, clock.instant())));
        }
    }

    /**
     * Once at start, in the background: the referrals whose listing entries are not as they should be (a crash
     * after a commit, or data older than the listing) are relisted. One scan, in batches.
     */
    @EventListener(ContextRefreshedEvent.class)
    public void scanAtStart() {
        DaemonThreads.start("referral-start-scan", () -> {
            try {
                log.info("referrals scanned at start: {} relisted", scanAll());
            } catch (RuntimeException e) {
                log.warn("start scan of the referrals failed; the listing catches up as referrals change: {}", e.toString());
            } finally {
                listing.scanFinished();
            }
        });
    }

    /** The scan itself: answers how many referrals were relisted. */
    int scanAll() {
        List<String> stale = new ArrayList<>();
        int relisted = 0;
        for (Document document : referrals.find().batchSize(1000).projection(ReferralListing.AS_LISTED)) {
            if (ReferralListing.stale(document)) {
                stale.add(document.getString("_id"));
            }
            if (stale.size() == 500) {
                listing.relistAsStored(stale);
                relisted += stale.size();
                stale.clear();
            }
        }
        listing.relistAsStored(stale);
        return relisted + stale.size();
    }
}
