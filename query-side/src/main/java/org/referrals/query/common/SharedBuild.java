package org.referrals.query.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A value built on demand and shared. A build answers the requests made within {@code fresh} of its start; the first
 * request after that starts the next build and, while it runs, it and the others get the last value built, if that
 * is younger than {@code stale} (so no request waits for a rebuild of a value it could have had a moment ago, and none
 * gets a value much older than {@code fresh}). The first build, and any once the last value is older than
 * {@code stale}, is waited for. A failed build is not kept: its requests fail, the next request builds again.
 */
public final class SharedBuild<T> {

    private final class Build {
        final long startedNanos = System.nanoTime();
        final Mono<T> value;

        Build() {
            this.value = Mono.defer(build)
                             .doOnNext(built -> last.set(new Built<>(built, startedNanos)))
                             .doOnError(failure -> running.compareAndSet(this, null))
                             .cache();
        }
    }

    private record Built<T>(T value, long startedNanos) {
    }

    private final long freshNanos;
    private final long staleNanos;
    private final Supplier<Mono<T>> build;
    /** The newest build, running or done. */
    private final AtomicReference<Build> running = new AtomicReference<>();
    /** The newest value built, with when its build started. */
    private final AtomicReference<Built<T>> last = new AtomicReference<>();

    public SharedBuild(Duration fresh, Duration stale, Supplier<Mono<T>> build) {
        this.freshNanos = fresh.toNanos();
        this.staleNanos = stale.toNanos();
        this.build = build;
    }

    public Mono<T> get() {
        Build current = running.get();
        if (current == null || System.nanoTime() - current.startedNanos >= freshNanos) {
            Build next = new Build();
            if (running.compareAndSet(current, next)) {
                next.value.subscribe(built -> { }, failure -> { }); // started now; its requests see a failure
                current = next;
            } else {
                Build other = running.get(); // another request's, or none if that one failed at once
                current = other == null ? next : other;
            }
        }
        Built<T> kept = last.get();
        if (kept != null && System.nanoTime() - kept.startedNanos() < staleNanos) {
            return Mono.just(kept.value());
        }
        return current.value;
    }
}
