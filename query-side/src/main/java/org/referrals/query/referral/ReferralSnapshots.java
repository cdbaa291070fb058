package org.referrals.query.referral;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.referrals.query.common.SharedBuild;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The facts of every referral ({@link ReferralFacts}), read from {@code referrals} at most once a second and shared by
 * the requests of that second (while the next is read, the last one answers): the partners' work lists, the escalations, caseloads, the network map and the
 * statistics are computed from one snapshot. They follow the referrals within a second (plus the projection's lag);
 * a busy dashboard costs one read of the collection per second, not one per request; and nothing is kept in MongoDB
 * that would have to be recomputed after each change, or that grows with a partner's history.
 */
@Component
public class ReferralSnapshots {

    /** How long a snapshot answers before the next is read. */
    static final Duration FRESH = Duration.ofSeconds(1);
    /** How long a snapshot still answers while the next is read: no request waits for a read it need not. */
    static final Duration STALE = Duration.ofSeconds(5);
    /** Documents per reply of the MongoDB server, which otherwise sends them all in one. */
    private static final int BATCH = 1000;

    private final MongoDatabase mongo;
    private final AtomicLong versions = new AtomicLong();
    private final SharedBuild<Snapshot> snapshots;

    public ReferralSnapshots(MongoDatabase reactiveMongoDatabase) {
        this.mongo = reactiveMongoDatabase;
        this.snapshots = new SharedBuild<>(FRESH, STALE, this::read);
    }

    /** The referrals as of about a second ago (a second, plus the time the next snapshot takes to read). */
    public Mono<Snapshot> current() {
        return snapshots.get();
    }

    private Mono<Snapshot> read() {
        return Flux.from(mongo.getCollection(ReferralProjection.COLLECTION).find().projection(ReferralFacts.FIELDS).batchSize(BATCH))
                   .map(ReferralFacts::of)
                   .collectList()
                   .map(all -> new Snapshot(versions.incrementAndGet(), all));
    }

    /**
     * Every referral's facts at one moment, and those each partner received and made, newest change first.
     *
     * @param version moves with every snapshot read
     */
    public record Snapshot(long version, List<ReferralFacts> all, Map<String, List<ReferralFacts>> inbound,
                           Map<String, List<ReferralFacts>> outbound, Map<Object, Object> computed) {

        /** Newest change first, then by id: the order of the work lists. */
        static final Comparator<ReferralFacts> NEWEST_CHANGE_FIRST =
                Comparator.comparing(ReferralFacts::updatedAt).reversed().thenComparing(ReferralFacts::id);

        /** Sorted once here, so that every list of the snapshot is in the work lists' order. */
        Snapshot(long version, List<ReferralFacts> all) {
            this(version, sorted(all), by(sorted(all), true), by(sorted(all), false), new ConcurrentHashMap<>());
        }

        private static List<ReferralFacts> sorted(List<ReferralFacts> all) {
            all.sort(NEWEST_CHANGE_FIRST); // in place: the same order each time it is asked
            return all;
        }

        private static Map<String, List<ReferralFacts>> by(List<ReferralFacts> all, boolean receiver) {
            Map<String, List<ReferralFacts>> partners = new HashMap<>();
            all.forEach(facts -> partners.computeIfAbsent(receiver ? facts.to() : facts.from(), p -> new ArrayList<>()).add(facts));
            return partners;
        }

        /**
         * A value computed from this snapshot (a report over every referral), computed once and shared by the
         * requests the snapshot answers: sixteen analysts asking for the same statistics cost one computation a second.
         */
        @SuppressWarnings("unchecked")
        public <T> T computed(Object key, Supplier<T> computation) {
            return (T) computed.computeIfAbsent(key, k -> computation.get());
        }

        public List<ReferralFacts> inboundOf(String partnerId) {
            return inbound.getOrDefault(partnerId, List.of());
        }

        public List<ReferralFacts> outboundOf(String partnerId) {
            return outbound.getOrDefault(partnerId, List.of());
        }
    }
}
