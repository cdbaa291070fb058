package org.referrals.query.figures;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.bson.Document;
import org.referrals.api.partner.Caseload;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.Figures;
import org.referrals.query.common.SharedBuild;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The network's figures (caseloads, referral flows, statistics) computed when read from the {@link FigureBuckets}:
 * every entry is read once into a snapshot, shared by the requests of the next second ({@link #FRESH}, the figures'
 * promise), so a busy dashboard costs one read of the buckets per second, not one per request, and no figure is kept
 * in MongoDB to be recomputed after each change. Medians are computed from the snapshot's entries when asked.
 */
@Component
public class NetworkFigures {

    /** How long a snapshot answers: the figures follow the referrals within this (plus the projection's lag). */
    static final Duration FRESH = Duration.ofSeconds(1);
    /** Documents per reply of the MongoDB server, which otherwise sends them all in one. */
    private static final int BATCH = 1000;

    private final MongoDatabase mongo;
    private final AtomicLong versions = new AtomicLong();
    private final SharedBuild<Snapshot> snapshots;

    public NetworkFigures(MongoDatabase reactiveMongoDatabase) {
        this.mongo = reactiveMongoDatabase;
        this.snapshots = new SharedBuild<>(FRESH, this::read);
    }

    /** The figures as of at most a second ago. */
    public Mono<Snapshot> current() {
        return snapshots.get();
    }

    private Mono<Snapshot> read() {
        return Flux.from(mongo.getCollection(FigureBuckets.COLLECTION).find().batchSize(BATCH))
                   .flatMapIterable(bucket -> bucket.get(FigureBuckets.REFERRALS, new Document()).values())
                   .map(Document.class::cast)
                   .collectList()
                   .map(entries -> new Snapshot(versions.incrementAndGet(), entries));
    }

    /**
     * Every referral's entry at one moment: its partners, category, status, first answer and the times of its steps,
     * under the names of the referral's document.
     *
     * @param version moves with every snapshot read
     */
    public record Snapshot(long version, List<Document> entries, Map<String, List<Document>> inbound) {

        Snapshot(long version, List<Document> entries) {
            this(version, entries, byReceiver(entries));
        }

        private static Map<String, List<Document>> byReceiver(List<Document> entries) {
            Map<String, List<Document>> inbound = new HashMap<>();
            entries.forEach(entry -> inbound.computeIfAbsent(entry.getString("toPartnerId"), p -> new ArrayList<>()).add(entry));
            return inbound;
        }

        /** A partner's caseload from the referrals it received; {@code overdue} as of {@code now}. */
        public Caseload caseload(String partnerId, Integer capacity, Instant now) {
            return CaseloadFigures.of(partnerId, capacity, inbound.getOrDefault(partnerId, List.of()), now);
        }

        /** How many referrals a partner has received and not finished. */
        public long activeLoad(String partnerId) {
            return inbound.getOrDefault(partnerId, List.of()).stream()
                          .filter(entry -> CaseloadFigures.ACTIVE.contains(ReferralStatus.valueOf(entry.getString("status"))))
                          .count();
        }

        /** The referral flows between partners, of the referrals that pass the filter, as edges of the network map. */
        public List<Document> flows(Predicate<Document> counted) {
            Map<String, List<Document>> pairs = new LinkedHashMap<>();
            for (Document entry : entries) {
                if (counted.test(entry)) {
                    pairs.computeIfAbsent(entry.getString("fromPartnerId") + "|" + entry.getString("toPartnerId"),
                                          pair -> new ArrayList<>()).add(entry);
                }
            }
            return pairs.values().stream()
                        .map(flow -> flowDocument(flow.get(0).getString("fromPartnerId"), flow.get(0).getString("toPartnerId"), flow))
                        .toList();
        }
    }

    /** A flow edge of the network map from the entries of the referrals from one partner to another. */
    static Document flowDocument(String from, String to, List<Document> flow) {
        List<Double> hours = flow.stream().flatMap(r -> Figures.hoursBetween(r, "createdAt", "answeredAt").stream()).toList();
        return new Document("kind", "flow").append("from", from).append("to", to)
                .append("referrals", (long) flow.size())
                .append("accepted", flow.stream().filter(r -> ReferralStatus.ACCEPTED.name().equals(r.getString("answer"))).count())
                .append("declined", flow.stream().filter(r -> ReferralStatus.DECLINED.name().equals(r.getString("answer"))).count())
                .append("medianHoursToRespond", Figures.median(hours));
    }
}
