package org.referrals.query.admin;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.referrals.query.admin.VerificationReport.CollectionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.referrals.api.common.DaemonThreads;

/**
 * Verifies the read models: rebuilds them from the events up to the store's head at the start into a scratch
 * database ({@code <database>_verify}, dropped afterwards), waits until every segment of the live projections
 * has passed that position (also those not claimed here, at their stored token), and compares each collection
 * document by document ({@link ReadModelComparison}). Documents without a version (each case's referrals) can only
 * be compared while no event arrives: if some did, those collections are reported as not compared. One
 * verification at a time, in the background, with progress.
 */
@Component
public class ProjectionVerifier implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionVerifier.class);
    private static final int BATCH = 500;
    private static final Duration CATCH_UP = Duration.ofMinutes(2);
    /** The read models whose documents carry the version of the last event applied. */
    private static final List<String> VERSIONED = List.of("referrals", "cases", "partners", "agreements");

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final StoredTokens storedTokens;
    private final MongoClient client;
    private final MongoDatabase live;
    private final Clock clock;
    private final ExecutorService worker = DaemonThreads.single("projection-verify");
    private final AtomicReference<VerificationReport> latest = new AtomicReference<>();

    public ProjectionVerifier(EventStore eventStore, EventProcessingConfiguration processing, StoredTokens storedTokens,
                              MongoClient mongoClient, MongoDatabase mongoDatabase, Clock clock) {
        this.eventStore = eventStore;
        this.storedTokens = storedTokens;
        this.processing = processing;
        this.client = mongoClient;
        this.live = mongoDatabase;
        this.clock = clock;
    }

    /** Starts a verification, or answers the one running. */
    public synchronized VerificationReport start() {
        VerificationReport current = latest.get();
        if (current != null && current.state().equals("RUNNING")) {
            return current;
        }
        long head = position(eventStore.createHeadToken());
        VerificationReport started = new VerificationReport(UUID.randomUUID().toString(), "RUNNING", clock.instant(), null, head,
                                                            0, 0, null, List.of(), null);
        latest.set(started);
        worker.execute(() -> run(started));
        return started;
    }

    public Optional<VerificationReport> latest() {
        return Optional.ofNullable(latest.get());
    }

    private void run(VerificationReport started) {
        MongoDatabase scratch = client.getDatabase(live.getName() + "_verify");
        try {
            scratch.drop();
            ScratchReadModels rebuilt = new ScratchReadModels(scratch, clock);
            Replayed replayed = replay(started, rebuilt);
            awaitLiveProjectionsAt(started.upToPosition());
            boolean quiet = position(eventStore.createHeadToken()) == started.upToPosition();
            List<CollectionReport> collections = compare(replayed, scratch, quiet);
            boolean consistent = collections.stream().allMatch(c -> c.differences() == 0);
            latest.set(new VerificationReport(started.id(), "DONE", started.startedAt(), clock.instant(), started.upToPosition(),
                                              replayed.events(), 100, consistent, collections, null));
            log.info("projections verified up to position {}: {}", started.upToPosition(), consistent ? "consistent" : "differences found");
        } catch (Exception e) {
            log.warn("projection verification failed: {}", e.toString());
            VerificationReport now = latest.get();
            latest.set(new VerificationReport(started.id(), "FAILED", started.startedAt(), clock.instant(), started.upToPosition(),
                                              now.eventsReplayed(), now.progress(), null, List.of(), e.getClass().getSimpleName()));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            try {
                scratch.drop();
            } catch (RuntimeException e) {
                log.warn("scratch database of the verification not dropped: {}", e.toString());
            }
        }
    }

    private record Replayed(long events, Instant lastEvent) {
    }

    /** Every event up to the verified position, in batches, with progress in the report and the log. */
    private Replayed replay(VerificationReport started, ScratchReadModels rebuilt) throws Exception {
        long head = started.upToPosition();
        long events = 0;
        Instant lastEvent = Instant.EPOCH;
        long nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
            long position = -1;
            while (position < head && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                position = position(event.trackingToken());
                if (position > head) {
                    break;
                }
                batch.add(event);
                lastEvent = event.getTimestamp();
                if (batch.size() == BATCH) {
                    rebuilt.apply(batch);
                    events += batch.size();
                    batch.clear();
                    int progress = head <= 0 ? 100 : (int) Math.min(99, position * 100 / head);
                    latest.set(new VerificationReport(started.id(), "RUNNING", started.startedAt(), null, head, events, progress,
                                                      null, List.of(), null));
                    if (System.nanoTime() > nextLog) {
                        log.info("verifying projections: {} events replayed ({} %)", events, progress);
                        nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    }
                }
            }
            rebuilt.apply(batch);
            events += batch.size();
        }
        return new Replayed(events, lastEvent);
    }

    private List<CollectionReport> compare(Replayed replayed, MongoDatabase scratch, boolean quiet) {
        ReadModelComparison comparison = new ReadModelComparison(replayed.lastEvent(), latest.get().upToPosition());
        List<CollectionReport> reports = new ArrayList<>();
        List<CollectionReport> skipped = new ArrayList<>();
        for (String name : ScratchReadModels.COLLECTIONS) {
            if (!quiet && !VERSIONED.contains(name)) {
                skipped.add(new CollectionReport(name, 0, 0, "events arrived during the verification; its documents carry no version",
                                                 0, List.of()));
                continue;
            }
            reports.add(comparison.compare(name, live.getCollection(name), scratch.getCollection(name)).report());
        }
        reports.addAll(skipped);
        return reports;
    }

    /** Until every live streaming projection has passed the position (or a time limit: the comparison tells then). */
    private void awaitLiveProjectionsAt(long position) throws InterruptedException {
        long until = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() < until && !livePassed(position)) {
            Thread.sleep(200);
        }
    }

    /** Every segment, claimed here or not. */
    private boolean livePassed(long position) {
        return processing.eventProcessors().values().stream()
                         .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                         .allMatch(processor -> SegmentPositions.of(processor, storedTokens).passed(position));
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
