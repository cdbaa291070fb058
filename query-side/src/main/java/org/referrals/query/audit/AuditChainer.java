package org.referrals.query.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Records the audit chain ({@link AuditRecords}): one link per event, keyed by its position, with {@code n} (its
 * ordinal in the chain), {@code prevHash} and {@code hash}. A thread of its own follows the event store through
 * Axon's event stream ({@link EventStore#openStream}, so with any store) from the last recorded link, and chains
 * the events strictly in order of position. A missing position is either a transaction still committing or one
 * rolled back (a concurrency conflict leaves a permanent hole); the chainer waits {@code referrals.audit.gap-timeout}
 * before it chains past it. Existing records are never recomputed: they are the reference that {@code verify} holds
 * the event store against, so rebuilding them from a tampered store would hide the tampering (signed checkpoints
 * guard the records themselves, see README). Only links never recorded (the first start, or a lost records file)
 * or forgotten by the one deliberate rewrite of events (texts an earlier version kept in clear, sealed at start and
 * recorded in {@code text_resealing}) are computed from the store as it then is.
 */
@Component
public class AuditChainer implements SmartLifecycle {

    private static final int BATCH = 500;
    private static final long CATCH_UP_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

    private final EventStore events;
    private final Serializer storedWith;
    private final AuditRecords chain;
    private final long gapTimeoutNanos;
    /** Events read from the stream and not chained yet: those past a missing position, while it may still come. */
    private final TreeMap<Long, StoredEvent> pending = new TreeMap<>();
    private Head head;
    private long gapAt = -1;
    private long gapSeenNanos;
    private volatile Thread follower;

    /** The last chained event: {@code count} events chain to {@code hash} at {@code position}. */
    public record Head(long position, String hash, long count) {

        static final Head GENESIS = new Head(0, AuditHash.GENESIS, 0);
    }

    public AuditChainer(EventStore eventStore, @Qualifier("eventSerializer") Serializer eventSerializer,
                        AuditRecords records, @Value("${referrals.audit.gap-timeout:5s}") Duration gapTimeout) {
        this.events = eventStore;
        this.storedWith = eventSerializer;
        this.chain = records;
        this.gapTimeoutNanos = gapTimeout.toNanos();
    }

    EventStore events() {
        return events;
    }

    Serializer storedWith() {
        return storedWith;
    }

    AuditRecords records() {
        return chain;
    }

    /**
     * The head once every event committed before this call is chained, or earlier when the chain waits at a missing
     * position (a young gap) or makes no progress for 10 s.
     */
    public synchronized Head catchUp() {
        TrackingToken storeHead = events.createHeadToken();
        long target = storeHead == null ? -1 : storeHead.position().orElse(-1);
        long deadline = System.nanoTime() + CATCH_UP_PATIENCE_NANOS;
        while (target >= 0 && (head().count() == 0 || head().position() < target) && !waitingAtGap()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return head;
    }

    /** Chains what the stream gave, in order of position, and records the new links before it moves the head. */
    synchronized void extend(List<StoredEvent> arrived) {
        Head from = head();
        arrived.stream().filter(e -> from.count() == 0 || e.position() > from.position())
               .forEach(e -> pending.put(e.position(), e));
        Head next = from;
        List<AuditRecords.Link> writes = new ArrayList<>();
        for (StoredEvent event : pending.values()) {
            boolean afterHole = next.count() > 0 && event.position() > next.position() + 1;
            if (afterHole && !gapTimedOut(next.position() + 1)) {
                break;
            }
            String hash = AuditHash.link(next.hash(), event);
            writes.add(new AuditRecords.Link(event.position(), next.count() + 1, event.eventId(), next.hash(), hash));
            next = new Head(event.position(), hash, next.count() + 1);
        }
        if (!writes.isEmpty()) {
            chain.record(writes);
            pending.headMap(next.position(), true).clear();
            head = next;
            notifyAll();
        }
    }

    private boolean waitingAtGap() {
        return !pending.isEmpty();
    }

    private boolean gapTimedOut(long missingPosition) {
        if (gapAt != missingPosition) {
            gapAt = missingPosition;
            gapSeenNanos = System.nanoTime();
            return gapTimeoutNanos <= 0;
        }
        return System.nanoTime() - gapSeenNanos >= gapTimeoutNanos;
    }

    private synchronized Head head() {
        if (head == null) {
            head = chain.last().map(link -> new Head(link.position(), link.hash(), link.n())).orElse(Head.GENESIS);
        }
        return head;
    }

    /** Follows the store from the head, reopening the stream after a failure (the store briefly unreachable). */
    private void follow() {
        while (follower == Thread.currentThread()) {
            Head from = head();
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(AuditPositions.tokenAfter(events, from))) {
                while (follower == Thread.currentThread()) {
                    List<StoredEvent> arrived = new ArrayList<>();
                    if (stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                        do {
                            arrived.add(AuditPositions.stored(stream.nextAvailable(), storedWith));
                        } while (arrived.size() < BATCH && stream.hasNextAvailable());
                    }
                    extend(arrived);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (follower == Thread.currentThread()) {
                    log.warn("audit chain not extended this round: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::follow, "audit-chainer");
        thread.setDaemon(true);
        follower = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = follower;
        follower = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return follower != null;
    }

    /** Starts after Axon's components and stops before them, so that the event store outlives its reader. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
