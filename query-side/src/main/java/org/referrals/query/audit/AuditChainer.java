package org.referrals.query.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.referrals.api.common.DaemonThreads;

/**
 * Records the audit chain ({@link AuditRecords}): one link per event, keyed by its position, with {@code n} (its
 * ordinal in the chain), {@code prevHash} and {@code hash}. Events are chained strictly in order of
 * position, every 200 ms. A missing position is either a transaction still committing or one rolled back (a
 * concurrency conflict leaves a permanent hole); the chainer waits {@code referrals.audit.gap-timeout} before it
 * chains past it. Existing records are never recomputed: they are the reference that {@code verify} holds the event
 * store against, so rebuilding them from a tampered store would hide the tampering (signed checkpoints guard the
 * records themselves, see README). Only links never recorded (the first start, or a lost records file) are computed
 * from the store as it then is.
 */
@Component
public class AuditChainer implements DisposableBean {

    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

    private final StoredEvents store;
    private final AuditRecords chain;
    private final long gapTimeoutNanos;
    private final ScheduledExecutorService worker = DaemonThreads.single("audit-chainer");
    private Head head;
    private long gapAt = -1;
    private long gapSeenNanos;

    /** The last chained event: {@code count} events chain to {@code hash} at {@code position}. */
    public record Head(long position, String hash, long count) {
    }

    public AuditChainer(ObjectProvider<StoredEvents> store, AuditRecords records,
                        @Value("${referrals.audit.gap-timeout:5s}") Duration gapTimeout) {
        this.store = store.getIfAvailable();
        this.chain = records;
        this.gapTimeoutNanos = gapTimeout.toNanos();
        if (this.store != null) {
            worker.scheduleWithFixedDelay(this::catchUpQuietly, 500, 200, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether this process can chain at all (it needs the JDBC event store, not Axon Server). */
    public boolean available() {
        return store != null;
    }

    StoredEvents store() {
        return store;
    }

    AuditRecords records() {
        return chain;
    }

    /** Chains every event committed so far (except past a gap younger than the timeout) and answers the head. */
    public synchronized Head catchUp() {
        if (head == null) {
            head = recordedHead();
        }
        while (true) {
            List<StoredEvent> batch = store.after(head.position(), BATCH);
            Head next = head;
            List<AuditRecords.Link> writes = new ArrayList<>();
            boolean stalled = false;
            for (StoredEvent event : batch) {
                if (event.position() > next.position() + 1 && !gapTimedOut(next.position() + 1)) {
                    stalled = true;
                    break;
                }
                String hash = AuditHash.link(next.hash(), event);
                writes.add(new AuditRecords.Link(event.position(), next.count() + 1, event.eventId(), next.hash(), hash));
                next = new Head(event.position(), hash, next.count() + 1);
            }
            if (!writes.isEmpty()) {
                chain.record(writes);
                head = next;
            }
            if (stalled || batch.size() < BATCH) {
                return head;
            }
        }
    }

    private boolean gapTimedOut(long missingPosition) {
        if (gapAt != missingPosition) {
            gapAt = missingPosition;
            gapSeenNanos = System.nanoTime();
            return gapTimeoutNanos <= 0;
        }
        return System.nanoTime() - gapSeenNanos >= gapTimeoutNanos;
    }

    private Head recordedHead() {
        return chain.last().map(link -> new Head(link.position(), link.hash(), link.n()))
                    .orElse(new Head(0, AuditHash.GENESIS, 0));
    }

    private void catchUpQuietly() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("audit chain not extended this round: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
