package org.referrals.query.referral;

import static org.referrals.query.common.Projections.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import com.mongodb.client.model.Sorts;
import java.util.List;
import org.bson.Document;
import org.referrals.api.common.PageOf;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Flux;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.ReferralView;
import org.referrals.api.referral.Urgency;
import org.referrals.query.common.IdIndex;
import org.referrals.query.common.Projections;
import org.referrals.query.common.ReadProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/referrals")
@Tag(name = "Referrals")
public class ReferralQueryController {

    private final MongoDatabase mongo;
    private final Clock clock;

    public ReferralQueryController(MongoDatabase reactiveMongoDatabase, Clock clock) {
        this.mongo = reactiveMongoDatabase;
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
        var referrals = mongo.getCollection(ReferralProjection.COLLECTION);
        var filter = query.filter(clock.instant());
        return filedIds(query).map(ids -> Filters.and(Filters.in("_id", ids), filter))
                .defaultIfEmpty(filter)
                .flatMap(filed -> {
                    Mono<List<ReferralView>> items = Flux.from(referrals.find(filed)
                                    .sort(Sorts.orderBy(Sorts.descending(Projections.UPDATED_AT), Sorts.ascending("_id")))
                                    .skip(page * size).limit(size))
                            .map(document -> ReferralViews.view(document, clock.instant())).collectList();
                    // counted from the ids found, not with countDocuments: its aggregation scans on the embedded server
                    Mono<Long> total = Flux.from(referrals.find(filed).projection(com.mongodb.client.model.Projections.include("_id"))).count();
                    return Mono.zip(items, total).map(both -> new PageOf<>(both.getT1(), page, size, both.getT2()));
                });
    }

    /**
     * A partner's referrals as the {@link ReferralIndex} files them, so that the list is read by {@code _id} (the
     * embedded MongoDB-wire server would scan every referral for a {@code toPartnerId}); empty for all partners.
     */
    private Mono<List<String>> filedIds(ReferralListQuery query) {
        if (query.partnerId() == null) {
            return Mono.empty();
        }
        List<String> keys = "inbound".equals(query.direction()) ? List.of(ReferralIndex.inbound(query.partnerId()))
                : "outbound".equals(query.direction()) ? List.of(ReferralIndex.outbound(query.partnerId()))
                : List.of(ReferralIndex.inbound(query.partnerId()), ReferralIndex.outbound(query.partnerId()));
        return IdIndex.ids(mongo, ReferralIndex.COLLECTION, keys);
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
