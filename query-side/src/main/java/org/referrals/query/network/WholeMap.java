package org.referrals.query.network;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.referrals.api.partner.NetworkMap;
import reactor.core.publisher.Mono;

/**
 * The whole network map, built once and shared with its JSON until the network's version moves; while it keeps
 * moving (referrals flowing), built again at most once per half second. On a 1,000,000-event network the map is
 * 440 partners and every flow between them, 4.3 MiB of JSON: built every half second and serialised for every
 * request, it took both cores from every other query. Requests read the version first, and a build reads its data
 * after that, so a map is never kept under a version newer than what it shows.
 */
final class WholeMap {

    /** A map and its JSON, as answered. */
    record Built(NetworkMap map, byte[] json) {
    }

    private record Kept(long version, long startedNanos, Mono<Built> built) {
    }

    /** How long a map answers while the version moves: the figures are refreshed in rounds of 200 ms at least. */
    static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final Mono<Long> version;
    private final Supplier<Mono<Built>> build;
    private final AtomicReference<Kept> kept = new AtomicReference<>();

    WholeMap(Mono<Long> version, Supplier<Mono<Built>> build) {
        this.version = version;
        this.build = build;
    }

    Mono<Built> get() {
        return version.flatMap(this::at);
    }

    private Mono<Built> at(long version) {
        while (true) {
            Kept now = kept.get();
            if (now != null && (now.version() == version || System.nanoTime() - now.startedNanos() < FRESH_NANOS)) {
                return now.built();
            }
            Kept next = building(version);
            if (kept.compareAndSet(now, next)) {
                return next.built();
            }
        }
    }

    /** A build shared by all who ask for it; when it fails it is dropped, and the next request builds again. */
    private Kept building(long version) {
        AtomicReference<Kept> self = new AtomicReference<>();
        Kept building = new Kept(version, System.nanoTime(),
                                 Mono.defer(build).doOnError(failure -> kept.compareAndSet(self.get(), null)).cache());
        self.set(building);
        return building;
    }
}
