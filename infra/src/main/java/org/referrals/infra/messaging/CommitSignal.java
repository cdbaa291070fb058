package org.referrals.infra.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.referrals.api.common.DaemonThreads;

/**
 * Wakes the pooled projection processors soon after this JVM commits events.
 *
 * <p>A pooled processor asks its event stream for an availability callback; the embedded event store's stream has
 * none, so the processor polled every 500 ms, and that poll was the whole projection lag (p50 about 480 ms). The
 * streams handed out here accept the callback and run it {@code coalesce} after a local commit: commits in that
 * window share one wake-up, so the processors still handle events in batches (waking them on every commit doubled
 * the CPU per command). A tick every {@code poll} runs it too, for events that another node appended to a shared
 * event store. A stream that supports callbacks itself (Axon Server's) keeps its own.
 */
public final class CommitSignal implements AutoCloseable {

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeUpScheduled = new AtomicBoolean();
    private final Duration poll;
    private final Duration coalesce;
    private final ScheduledExecutorService ticker = DaemonThreads.single("commit-signal");
    private EventStore subscribedTo;

    public CommitSignal(Duration poll, Duration coalesce) {
        this.poll = poll;
        this.coalesce = coalesce;
    }

    /** The event store as a message source whose streams are woken by commits; subscribes to it once. */
    public synchronized StreamableMessageSource<TrackedEventMessage<?>> around(EventStore eventStore) {
        if (subscribedTo == null) {
            subscribedTo = eventStore;
            // subscribers run while the unit of work prepares its commit: wake the streams only once it committed
            eventStore.subscribe(events -> {
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(committed -> committed());
                } else {
                    committed();
                }
            });
            ticker.scheduleWithFixedDelay(this::signal, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        } else if (subscribedTo != eventStore) {
            throw new IllegalStateException("one commit signal serves one event store");
        }
        return new Source(eventStore);
    }

    /** One wake-up for all commits until it runs. */
    private void committed() {
        if (wakeUpScheduled.compareAndSet(false, true)) {
            ticker.schedule(() -> {
                wakeUpScheduled.set(false);
                signal();
            }, coalesce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs every registered stream's callback (each only schedules its processor's next read). */
    void signal() {
        callbacks.forEach(Runnable::run);
    }

    /** Streams currently waiting for a signal. */
    int listeners() {
        return callbacks.size();
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        callbacks.clear();
    }

    private final class Source implements StreamableMessageSource<TrackedEventMessage<?>> {
        private final EventStore delegate;

        Source(EventStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new SignalledStream(delegate.openStream(trackingToken));
        }

        @Override
        public TrackingToken createTailToken() {
            return delegate.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return delegate.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(java.time.Instant dateTime) {
            return delegate.createTokenAt(dateTime);
        }
    }

    private final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private Runnable callback;

        SignalledStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (delegate.setOnAvailableCallback(callback)) {
                return true;
            }
            forgetCallback();
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public Stream<TrackedEventMessage<?>> asStream() {
            return delegate.asStream();
        }

        @Override
        public void close() {
            forgetCallback();
            delegate.close();
        }

        private void forgetCallback() {
            if (callback != null) {
                callbacks.remove(callback);
                callback = null;
            }
        }
    }
}
