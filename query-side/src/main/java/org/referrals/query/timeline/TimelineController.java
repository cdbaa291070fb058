package org.referrals.query.timeline;

import com.mongodb.client.model.Filters;
import org.referrals.query.common.IdIndex;
import org.referrals.query.referral.ReferralIndex;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.referrals.api.common.Actor;
import org.referrals.api.referral.Timeline;
import org.referrals.query.audit.AuditRecords;
import org.referrals.query.audit.AuditVerifier;
import org.referrals.query.common.ReadProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The timelines of a referral, and of a case (its own events and those of its referrals). */
@RestController
@Tag(name = "Timelines")
public class TimelineController {

    private final MongoDatabase mongo;
    private final AuditVerifier verifier;

    public TimelineController(MongoDatabase reactiveMongoDatabase, AuditVerifier verifier) {
        this.mongo = reactiveMongoDatabase;
        this.verifier = verifier;
    }

    @GetMapping("/api/referrals/{referralId}/timeline")
    @Operation(summary = "Every event of a referral in order", description = "Either partner, COORDINATOR; else 404.")
    public Mono<Timeline> referralTimeline(@PathVariable String referralId, @AuthenticationPrincipal Actor actor) {
        return Mono.from(mongo.getCollection("referrals").find(Filters.eq("_id", referralId)).first())
                   .filter(r -> actor.isCoordinator() || actor.actsFor(r.getString("fromPartnerId"))
                           || actor.actsFor(r.getString("toPartnerId")))
                   .switchIfEmpty(Mono.error(ReadProblems::notFound))
                   .flatMap(r -> entries(List.of(referralId)));
    }

    @GetMapping("/api/cases/{caseId}/timeline")
    @Operation(summary = "Every event of a case and of its referrals in order",
               description = "The owning partner, COORDINATOR, and (the referrals it received only) a receiving partner; else 404.")
    public Mono<Timeline> caseTimeline(@PathVariable String caseId, @AuthenticationPrincipal Actor actor) {
        return Mono.from(mongo.getCollection("cases").find(Filters.eq("_id", caseId)).first())
                   .switchIfEmpty(Mono.error(ReadProblems::notFound))
                   .flatMap(c -> {
                       boolean whole = actor.isCoordinator() || actor.actsFor(c.getString("owningPartnerId"));
                       return IdIndex.ids(mongo, ReferralIndex.COLLECTION, List.of(ReferralIndex.ofCase(caseId)))
                                  .flatMapMany(filed -> mongo.getCollection("referrals").find(whole ? Filters.in("_id", filed)
                                          : Filters.and(Filters.in("_id", filed), Filters.eq("toPartnerId", actor.partnerId()))))
                                  .map(r -> r.getString("_id")).collectList()
                                  .flatMap(referralIds -> {
                                      if (!whole && referralIds.isEmpty()) {
                                          return Mono.error(ReadProblems.notFound());
                                      }
                                      List<String> ids = new ArrayList<>(referralIds);
                                      if (whole) {
                                          ids.add(caseId);
                                      }
                                      return entries(ids);
                                  });
                   });
    }

    private Mono<Timeline> entries(List<String> aggregateIds) {
        return IdIndex.ids(mongo, TimelineProjection.INDEX, aggregateIds)
                   .flatMapMany(ids -> mongo.getCollection(TimelineProjection.COLLECTION).find(Filters.in("_id", ids)))
                   .collectList()
                   .flatMap(this::withAuditChain);
    }

    /**
     * Each entry at its event's position in the store (the stored {@code seq}, the projection's position, only
     * where the store is not readable here), in that order, with its links of the audit chain and whether they all
     * still follow from the stored events.
     */
    private Mono<Timeline> withAuditChain(List<Document> stored) {
        return Mono.fromCallable(() -> verifier.positionsOf(stored.stream().map(d -> d.getString("_id")).toList()))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(positionsById -> {
                       List<Document> entries = stored.stream()
                               .map(d -> new Document(d).append("seq", positionsById.getOrDefault(d.getString("_id"),
                                                                                                  ((Number) d.get("seq")).longValue())))
                               .sorted(java.util.Comparator.comparingLong(d -> d.getLong("seq")))
                               .toList();
                       List<Long> positions = entries.stream().map(d -> d.getLong("seq")).toList();
                       return Mono.fromCallable(() -> verifier.links(positions)).subscribeOn(Schedulers.boundedElastic())
                                  .flatMap(links -> Mono.fromCallable(() -> Optional.ofNullable(verifier.linksIntact(positions)))
                                                        .subscribeOn(Schedulers.boundedElastic())
                                                        .map(verified -> new Timeline(
                                                                entries.stream().map(d -> entry(d, links)).toList(),
                                                                verified.orElse(null))));
                   });
    }

    private static Timeline.Entry entry(Document d, Map<Long, AuditRecords.Link> links) {
        long seq = ((Number) d.get("seq")).longValue();
        AuditRecords.Link link = links.get(seq);
        return new Timeline.Entry(seq, d.getString("aggregateId"), d.getString("type"), d.getDate("at").toInstant(),
                                  d.getString("userId"), d.getString("partnerId"), d.getString("summary"),
                                  link == null ? null : link.hash(),
                                  link == null ? null : link.prevHash());
    }
}
