package org.referrals.infra.readmodels;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.referrals.api.common.DaemonThreads;
import org.referrals.query.admin.SegmentPositions;
import org.referrals.query.admin.StoredTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code readModels} in /actuator/health: DOWN until every streaming projection has processed every event that
 * was in the event store when the application started, then UP for good. On the embedded default the read models
 * live in memory and are rebuilt at every start (DESIGN §2), so until then a query would answer from a partial read
 * model. The rebuild's progress is logged every 10 s (events done, rate, time left), and its end once.
 */
@Component("readModels")
public class ReadModelsCaughtUp extends AbstractHealthIndicator implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelsCaughtUp.class);
    private static final Duration CHECK = Duration.ofMillis(250);
    private static final Duration REPORT = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final StoredTokens storedTokens;
    private final ObjectProvider<EventStore> eventStore;
    /** The event store's last position when first read after the start (-1: empty; null: not read yet). */
    private volatile Long target;
    private final long startedNanos = System.nanoTime();
    private final ScheduledExecutorService ticker = DaemonThreads.single("read-models-catch-up");
    private volatile long done = -1;
    private volatile boolean caughtUp;
    private long reportedAt = startedNanos;
    private long reportedDone;

    public ReadModelsCaughtUp(EventProcessingConfiguration processing, ObjectProvider<EventStore> eventStore,
                              StoredTokens storedTokens) {
        super("read models not checked");
        this.processing = processing;
        this.storedTokens = storedTokens;
        this.eventStore = eventStore;
        ticker.scheduleWithFixedDelay(this::check, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether every projection has processed the events stored at start. */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("eventsAtStart", target == null ? 0 : Math.max(0, target)).withDetail("rebuilt", Math.max(0, done));
        if (caughtUp) {
            builder.up();
        } else {
            builder.down().withDetail("reason", "the read models are being rebuilt from the event store");
        }
    }

    private void check() {
        try {
            if (target == null) {
                // read here, not at construction: the event store (Axon Server, say) may not answer yet
                EventStore events = eventStore.getIfAvailable();
                target = events == null ? -1 : position(events.createHeadToken());
            }
            long target = this.target;
            List<StreamingEventProcessor> projections = processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
            long slowest = target;
            for (StreamingEventProcessor projection : projections) {
                if (!projection.isRunning()) {
                    slowest = -1; // not started yet
                    break;
                }
                Long lowest = SegmentPositions.of(projection, storedTokens).lowest();
                slowest = Math.min(slowest, lowest == null ? -1 : lowest);
            }
            done = slowest;
            if (slowest < target) {
                reportProgress();
            } else {
                finished();
            }
        } catch (RuntimeException e) {
            log.debug("read models' progress not read this round: {}", e.toString());
        }
    }

    private void finished() {
        long target = this.target;
        caughtUp = true;
        ticker.shutdown();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        if (target > 0) {
            log.info("read models rebuilt: {} events in {} s ({} events/s)", target, Math.round(seconds * 10) / 10.0,
                     Math.round(target / Math.max(seconds, 0.001)));
        }
    }

    private void reportProgress() {
        long target = this.target;
        long now = System.nanoTime();
        if (now - reportedAt < REPORT.toNanos()) {
            return;
        }
        long current = Math.max(0, done);
        double rate = (current - reportedDone) / ((now - reportedAt) / 1e9);
        long left = rate > 0 ? Math.round((target - current) / rate) : -1;
        log.info("rebuilding read models: {} of {} events ({} %), {} events/s, about {} s left", current, target,
                 current * 100 / Math.max(1, target), Math.round(rate), left < 0 ? "?" : left);
        reportedAt = now;
        reportedDone = current;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }
}
