package org.referrals.query.referral;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.referrals.api.common.Actor;
import org.referrals.api.common.PageOf;
import org.referrals.api.referral.ReferralView;
import org.referrals.query.caseregistry.CaseFields;
import org.referrals.query.caseregistry.CaseProjection;
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
    private final ReferralSnapshots referrals;
    private final Clock clock;

    public ReferralQueryController(MongoDatabase reactiveMongoDatabase, ReferralSnapshots referrals, Clock clock) {
        this.mongo = reactiveMongoDatabase;
        this.referrals = referrals;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "A partner's referrals, newest change first",
               description = "A partner agent lists its own partner's (partnerId may be omitted); a coordinator any "
                             + "partner's, or all. direction: inbound or outbound (default both); status: one or "
                             + "more, comma-separated; overdue: unanswered past respondBy; category; page from 0, size 1-100. "
                             + "Which referrals a list holds, and their order, is about a second old (at most 5 s); each item is read as it is now.")
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
        // a coordinator's list filters every referral's facts: off the event loop
        return referrals.current().publishOn(Schedulers.boundedElastic()).flatMap(snapshot -> {
            List<ReferralFacts> selected = query.select(snapshot, now);
            List<String> ids = selected.stream().skip((long) page * size).limit(size).map(ReferralFacts::id).toList();
            return Flux.from(mongo.getCollection(ReferralProjection.COLLECTION).find(Filters.in("_id", ids)))
                       .collectMap(document -> document.getString("_id"))
                       .map(byId -> ids.stream().map(byId::get).filter(Objects::nonNull)
                                       .map(document -> ReferralViews.view(document, now)).toList())
                       .map(items -> new PageOf<>(items, page, size, selected.size()));
        });
    }

    @GetMapping("/{referralId}")
    @Operation(summary = "A referral", description = "Either partner of the referral, COORDINATOR; anyone else gets 404. "
                                                     + "declineNote (free text that may name the person) only for the "
                                                     + "referring partner and coordinators, and never once the case's "
                                                     + "personal data is erased; lists and the live stream never carry it.")
    public Mono<ReferralView> referral(@PathVariable String referralId, @AuthenticationPrincipal Actor actor) {
        return Mono.from(mongo.getCollection(ReferralProjection.COLLECTION).find(Filters.eq("_id", referralId)).first())
                   .filter(document -> ReferralViews.visibleTo(document, actor))
                   .flatMap(document -> noteReadableBy(document, actor)
                           .map(withNote -> ReferralViews.view(document, clock.instant(), withNote)))
                   .switchIfEmpty(Mono.error(ReadProblems::notFound));
    }

    /** Whether the caller reads the case whole (referrer, coordinator) and its personal data is not erased. */
    private Mono<Boolean> noteReadableBy(Document referral, Actor actor) {
        if (referral.getString(ReferralFields.DECLINE_NOTE) == null
            || !(actor.isCoordinator() || actor.actsFor(referral.getString(ReferralFields.FROM)))) {
            return Mono.just(false);
        }
        return Mono.from(mongo.getCollection(CaseProjection.COLLECTION).find(Filters.eq("_id", referral.getString(ReferralFields.CASE))).first())
                   .map(theCase -> !theCase.getBoolean(CaseFields.ERASED, false))
                   .defaultIfEmpty(false);
    }
}
