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
import org.referrals.api.common.SealedText;
import org.referrals.api.referral.ReferralView;
import org.referrals.query.caseregistry.PersonalDataReader;
import org.referrals.query.common.Projections;
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
    private final PersonalDataReader personalData;

    public ReferralQueryController(MongoDatabase reactiveMongoDatabase, ReferralSnapshots referrals, Clock clock,
                                   PersonalDataReader personalData) {
        this.mongo = reactiveMongoDatabase;
        this.referrals = referrals;
        this.clock = clock;
        this.personalData = personalData;
    }

    @GetMapping
    @Operation(operationId = "listReferrals", summary = "A partner's referrals, newest change first",
               description = "A partner agent lists its own partner's (partnerId may be omitted); a coordinator any "
                             + "partner's, or all. direction: inbound or outbound (default both); status: one or "
                             + "more, comma-separated; overdue: unanswered past respondBy; category; caseId: the referrals of one case (of those the caller may list); page from 0, size 1-100. "
                             + "Which referrals a list holds, and their order, is about a second old (at most 5 s); each item is read as it is now.")
    public Mono<PageOf<ReferralView>> list(@RequestParam(required = false) String partnerId,
                                           @RequestParam(required = false) String direction,
                                           @RequestParam(required = false) List<String> status,
                                           @RequestParam(required = false) String category,
                                           @RequestParam(required = false) Boolean overdue,
                                           @RequestParam(required = false) String caseId,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size,
                                           @AuthenticationPrincipal Actor actor) {
        var query = ReferralListQuery.of(actor, partnerId, direction, status, category, overdue, caseId, page, size);
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
    @Operation(operationId = "getReferral", summary = "A referral", description = "Either partner of the referral, COORDINATOR; anyone else gets 404. "
                                                     + "declineNote (free text that may name the person) only for the "
                                                     + "referring partner and coordinators, and never once the case's "
                                                     + "personal data is erased; lists and the live stream never carry it.")
    public Mono<ReferralView> referral(@PathVariable String referralId, @AuthenticationPrincipal Actor actor) {
        return Mono.from(mongo.getCollection(ReferralProjection.COLLECTION).find(Filters.eq("_id", referralId)).first())
                   .filter(document -> ReferralViews.visibleTo(document, actor))
                   .flatMap(document -> declineNote(document, actor)
                           .map(note -> ReferralViews.view(document, clock.instant(), note.orElse(null))))
                   .switchIfEmpty(Mono.error(ReadProblems::notFound));
    }

    /** Opened for those who read the case whole (referrer, coordinator); never once the case's key is destroyed. */
    private Mono<java.util.Optional<String>> declineNote(Document referral, Actor actor) {
        SealedText note = Projections.sealedText(referral, ReferralFields.DECLINE_NOTE);
        if (note == null || !(actor.isCoordinator() || actor.actsFor(referral.getString(ReferralFields.FROM)))) {
            return Mono.just(java.util.Optional.empty());
        }
        return Mono.fromCallable(() -> personalData.openText(referral.getString(ReferralFields.CASE), note))
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
