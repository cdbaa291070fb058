package org.referrals.query.referral;

import static com.mongodb.client.model.Projections.include;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.referrals.api.common.Actor;
import org.referrals.api.common.PageOf;
import org.referrals.api.referral.ReferralView;
import org.referrals.query.common.IdIndex;
import org.referrals.query.common.ReadProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/referrals")
@Tag(name = "Referrals")
public class ReferralQueryController {

    private final MongoDatabase mongo;
    private final ReferralListing listing;
    private final Clock clock;

    public ReferralQueryController(MongoDatabase reactiveMongoDatabase, ReferralListing listing, Clock clock) {
        this.mongo = reactiveMongoDatabase;
        this.listing = listing;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "A partner's referrals, newest change first",
               description = "A partner agent lists its own partner's (partnerId may be omitted); a coordinator any "
                             + "partner's, or all. direction: inbound or outbound (default both); status: one or "
                             + "more, comma-separated; overdue: unanswered past respondBy; category; page from 0, size 1-100.")
    public Mono<PageOf<ReferralView>> list(@RequestParam(required = false) String partnerId,
                                           @RequestParam(required = false) String direction,
                                           @RequestParam(required = false) List<String> status,
                                           @RequestParam(required = false) String category,
                                           @RequestParam(required = false) Boolean overdue,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size,
                                           @AuthenticationPrincipal Actor actor) {
        var query = ReferralListQuery.of(actor, partnerId, direction, status, category, overdue, page, size);
        Instant now = clock.instant();
        Bson filter = query.filter(now);
        Mono<List<ReferralView>> items = Mono.fromCallable(() -> listing.page(query.lists(), filter, page * size, size))
                .subscribeOn(Schedulers.boundedElastic())
                .map(documents -> documents.stream().map(document -> ReferralViews.view(document, now)).toList());
        return Mono.zip(items, total(query, filter)).map(both -> new PageOf<>(both.getT1(), page, size, both.getT2()));
    }

    /**
     * How many referrals the list holds: without a filter, the count the {@link ReferralIndex} keeps of a partner's
     * inbox or outbox, the distinct ids it files under both (a partner may refer to itself), or the collection's
     * size; with one, those of them that match (counted from the documents found, as countDocuments aggregates,
     * which scans on the embedded server; so does a {@code $size} aggregation of the id list, which cost ten times
     * more than reading it on the 200,000-event set).
     */
    private Mono<Long> total(ReferralListQuery query, Bson filter) {
        var referrals = mongo.getCollection(ReferralProjection.COLLECTION);
        if (query.partnerId() == null) {
            return query.filtered() ? Flux.from(referrals.find(filter).projection(include("_id"))).count()
                    : Mono.from(referrals.estimatedDocumentCount());
        }
        List<String> keys = query.lists();
        if (keys.size() == 1 && !query.filtered()) {
            return ReferralIndex.count(mongo, keys.get(0));
        }
        return IdIndex.ids(mongo, ReferralIndex.COLLECTION, keys).flatMap(ids -> {
            List<String> distinct = ids.stream().distinct().toList();
            return !query.filtered() ? Mono.just((long) distinct.size())
                    : Flux.from(referrals.find(Filters.and(Filters.in("_id", distinct), filter)).projection(include("_id"))).count();
        });
    }

    @GetMapping("/{referralId}")
    @Operation(summary = "A referral", description = "Either partner of the referral, COORDINATOR; anyone else gets 404.")
    public Mono<ReferralView> referral(@PathVariable String referralId, @AuthenticationPrincipal Actor actor) {
        return Mono.from(mongo.getCollection(ReferralProjection.COLLECTION).find(Filters.eq("_id", referralId)).first())
                   .filter(document -> ReferralViews.visibleTo(document, actor))
                   .map(document -> ReferralViews.view(document, clock.instant()))
                   .switchIfEmpty(Mono.error(ReadProblems::notFound));
    }
}
