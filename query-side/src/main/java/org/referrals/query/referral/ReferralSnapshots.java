package org.referrals.query.referral;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.referrals.query.admin.StoredTokens;
import org.referrals.query.common.SharedBuild;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The facts of every referral ({@link ReferralFacts}), refreshed at most once a second and shared by the requests of
 * that second (while the next is read, the last one answers): the partners' work lists, the escalations, caseloads,
 * the network map and the statistics are computed from one snapshot. They follow the referrals within a second (plus
 * the projection's lag); a busy dashboard costs one refresh per second, not one read per request; and nothing is kept
 * in MongoDB that would have to be recomputed after each change, or that grows with a partner's history.
 * <p>
 * A refresh reads only the referrals changed since the last one: those whose event position ({@code position}) is
 * above the lowest position every segment of the projection had stored its token at when the last refresh began.
 * The token is stored after its batch's writes ({@code TokenAfterProjectionWrites}), so every change at or below that
 * position was readable then, and one above it is read by a later refresh. The whole collection is read at the first
 * refresh, after the projection was reset in this process, while it replays and when its tokens went back.
 */
@Component
public class ReferralSnapshots {

    /** How long a snapshot answers before the next is read. */
    static final Duration FRESH = Duration.ofSeconds(1);
    /** How long a snapshot still answers while the next is read: no request waits for a read it need not. */
    static final Duration STALE = Duration.ofSeconds(5);
    /** Documents per reply of the MongoDB server, which otherwise sends them all in one. */
    private static final int BATCH = 1000;
    private static final String PROCESSOR = "referrals";

    private final MongoDatabase mongo;
    private final StoredTokens tokens;
    private final ReferralResets resets;
    private final AtomicLong versions = new AtomicLong();
    private final SharedBuild<Snapshot> snapshots;
    private volatile Snapshot last;

    public ReferralSnapshots(MongoDatabase reactiveMongoDatabase, StoredTokens tokens, ReferralResets resets) {
        this.mongo = reactiveMongoDatabase;
        this.tokens = tokens;
        this.resets = resets;
        this.snapshots = new SharedBuild<>(FRESH, STALE, this::refresh);
    }

    /** The referrals as of about a second ago (a second, plus the time the next snapshot takes to read). */
    public Mono<Snapshot> current() {
        return snapshots.get();
    }

    private Mono<Snapshot> refresh() {
        long resetsBefore = resets.count(); // before the tokens: a reset after this is seen by the next refresh
        return Mono.fromCallable(() -> ProjectedUpTo.of(tokens.of(PROCESSOR)))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(upTo -> {
                       Snapshot before = last;
                       boolean all = before == null || before.resets() != resetsBefore || upTo.replaying()
                               || upTo.position() < before.projectedUpTo();
                       Bson changed = all ? new Document() : Filters.gt(ReferralFields.POSITION, before.projectedUpTo());
                       return Flux.from(mongo.getCollection(ReferralProjection.COLLECTION).find(changed)
                                             .projection(ReferralFacts.FIELDS).batchSize(BATCH))
                                  .map(ReferralFacts::of)
                                  .collectList()
                                  .map(facts -> all ? new Snapshot(versions.incrementAndGet(), upTo.position(), resetsBefore, facts)
                                                    : before.with(facts, upTo.position(), versions));
                   })
                   .doOnNext(snapshot -> last = snapshot);
    }

    /**
     * Every referral's facts at one moment, and those each partner received and made, newest change first.
     *
     * @param version       moves with every snapshot that differs from the one before
     * @param projectedUpTo every change at or below this event position is in it
     * @param resets        the projection's resets in this process before it was read
     */
    public record Snapshot(long version, long projectedUpTo, long resets, List<ReferralFacts> all, Map<String, List<ReferralFacts>> inbound,
                           Map<String, List<ReferralFacts>> outbound, Map<Object, Object> computed) {

        /** Reports computed from a snapshot kept across refreshes without a change (statistics for so many periods). */
        static final int KEPT_COMPUTED = 64;

        /** Newest change first, then by id: the order of the work lists. */
        static final Comparator<ReferralFacts> NEWEST_CHANGE_FIRST =
                Comparator.comparing(ReferralFacts::updatedAt).reversed().thenComparing(ReferralFacts::id);

        /** Sorted once here, so that every list of the snapshot is in the work lists' order. */
        Snapshot(long version, long projectedUpTo, long resets, List<ReferralFacts> all) {
            this(version, projectedUpTo, resets, sorted(all), by(sorted(all), true), by(sorted(all), false), new ConcurrentHashMap<>());
        }

        /**
         * This snapshot with those referrals changed or added; itself, a step further, if none was, with what was
         * computed from it (a snapshot no referral changes may answer for hours: at most {@value #KEPT_COMPUTED}
         * computed reports are kept across its refreshes, then they are computed again).
         */
        Snapshot with(List<ReferralFacts> changed, long upTo, AtomicLong versions) {
            if (changed.isEmpty()) {
                return new Snapshot(version, upTo, resets, all, inbound, outbound,
                                    computed.size() <= KEPT_COMPUTED ? computed : new ConcurrentHashMap<>());
            }
            Set<String> ids = new HashSet<>();
            changed.forEach(facts -> ids.add(facts.id()));
            // the changed ones first, then the others in their order: the sort merges the two runs
            List<ReferralFacts> merged = new ArrayList<>(all.size() + changed.size());
            merged.addAll(changed);
            all.stream().filter(facts -> !ids.contains(facts.id())).forEach(merged::add);
            return new Snapshot(versions.incrementAndGet(), upTo, resets, merged);
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
