package org.referrals.query.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A value built on demand and shared: requests within {@code fresh} of a build's start get that build (while it runs,
 * they wait for it together); the first request after builds it again. A failed build is not kept.
 */
public final class SharedBuild<T> {

    private final class Kept {
        final long startedNanos = System.nanoTime();
        final Mono<T> built;

        Kept() {
            this.built = Mono.defer(build).doOnError(failure -> kept.compareAndSet(this, null)).cache();
        }
    }

    private final long freshNanos;
    private final Supplier<Mono<T>> build;
    private final AtomicReference<Kept> kept = new AtomicReference<>();

    public SharedBuild(Duration fresh, Supplier<Mono<T>> build) {
        this.freshNanos = fresh.toNanos();
        this.build = build;
    }

    public Mono<T> get() {
        while (true) {
            Kept now = kept.get();
            if (now != null && System.nanoTime() - now.startedNanos < freshNanos) {
                return now.built;
            }
            Kept next = new Kept();
            if (kept.compareAndSet(now, next)) {
                return next.built;
            }
        }
    }
}
