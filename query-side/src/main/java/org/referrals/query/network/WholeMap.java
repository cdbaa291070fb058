package org.referrals.query.network;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.referrals.api.partner.NetworkMap;
import reactor.core.publisher.Mono;

/**
 * The whole network map, built once and shared with its JSON until the referrals' snapshot moves, and for a second
 * at most (the partners and their agreements change without it); while the snapshot keeps moving (referrals
 * flowing), built again at most once per half second. On a 1,000,000-event network the map is
 * 440 partners and every flow between them, 4.3 MiB of JSON: built every half second and serialised for every
 * request, it took both cores from every other query. Requests read the version first, and a build reads its data
 * after that, so a map is never kept under a version newer than what it shows.
 */
final class WholeMap {

    /** A map, its JSON, and the JSON gzipped for clients that accept it (an eighth of the bytes on 200,000 events). */
    record Built(NetworkMap map, byte[] json, byte[] gzipped) {

        Built(NetworkMap map, byte[] json) {
            this(map, json, gzip(json));
        }
    }

    /** A build shared by all who ask for it; when it fails it is dropped, and the next request builds again. */
    private final class Kept {
        final long version;
        final long startedNanos = System.nanoTime();
        final Mono<Built> built;

        Kept(long version) {
            this.version = version;
            this.built = Mono.defer(build).doOnError(failure -> kept.compareAndSet(this, null)).cache();
        }
    }

    /** How long a map answers while the version moves (the figures' snapshots move at most once a second anyway). */
    static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** How long a map answers at most: a partner or an agreement added shows within a second, as the figures. */
    static final long KEPT_NANOS = TimeUnit.SECONDS.toNanos(1);

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
            long age = now == null ? 0 : System.nanoTime() - now.startedNanos;
            if (now != null && (now.version == version && age < KEPT_NANOS || age < FRESH_NANOS)) {
                return now.built;
            }
            Kept next = new Kept(version);
            if (kept.compareAndSet(now, next)) {
                return next.built;
            }
        }
    }

    /** At the fastest level: under load the map is built again twice a second, and the bytes matter less than the CPU. */
    static byte[] gzip(byte[] json) {
        var bytes = new java.io.ByteArrayOutputStream(json.length / 8);
        try (var gzip = new java.util.zip.GZIPOutputStream(bytes) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // not thrown by streams in memory
        }
        return bytes.toByteArray();
    }
}
