package org.referrals.query.timeline;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.referrals.api.common.Actor;
import org.referrals.api.referral.ReferralRedirected;
import org.referrals.api.referral.Timeline;
import org.referrals.query.caseregistry.CaseFields;
import org.referrals.query.caseregistry.CaseProjection;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.referral.CaseReferrals;
import org.referrals.query.referral.ReferralFields;
import org.referrals.query.referral.ReferralProjection;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The timelines of a referral, and of a case (its own events and those of its referrals): the aggregates' own
 * events, read from the event store, which is the audit trail (no copy of it in MongoDB to drift from it). Who may
 * see them is decided from the read models first.
 */
@RestController
@Tag(name = "Timelines")
public class TimelineController {

    private final MongoDatabase mongo;
    private final AuditedHistory history;

    public TimelineController(MongoDatabase reactiveMongoDatabase, AuditedHistory history) {
        this.mongo = reactiveMongoDatabase;
        this.history = history;
    }

    @GetMapping("/api/referrals/{referralId}/timeline")
    @Operation(operationId = "getReferralTimeline", summary = "Every event of a referral in order", description = "Either partner, COORDINATOR; else 404.")
    public Mono<Timeline> referralTimeline(@PathVariable String referralId, @AuthenticationPrincipal Actor actor) {
        return Mono.from(mongo.getCollection(ReferralProjection.COLLECTION).find(Filters.eq("_id", referralId)).first())
                   .filter(r -> actor.isCoordinator() || actor.actsFor(r.getString(ReferralFields.FROM))
                           || actor.actsFor(r.getString(ReferralFields.TO)))
                   .switchIfEmpty(Mono.error(ReadProblems::notFound))
                   .flatMap(r -> timeline(List.of(referralId)).map(actor.isCoordinator() || actor.actsFor(r.getString(ReferralFields.FROM))
                                                                   ? Function.identity() : TimelineController::asReceiverSeesIt));
    }

    @GetMapping("/api/cases/{caseId}/timeline")
    @Operation(operationId = "getCaseTimeline", summary = "Every event of a case and of its referrals in order",
               description = "The owning partner, COORDINATOR, and (the referrals it received only) a receiving partner; else 404.")
    public Mono<Timeline> caseTimeline(@PathVariable String caseId, @AuthenticationPrincipal Actor actor) {
        return Mono.from(mongo.getCollection(CaseProjection.COLLECTION).find(Filters.eq("_id", caseId)).first())
                   .switchIfEmpty(Mono.error(ReadProblems::notFound))
                   .flatMap(c -> {
                       boolean whole = actor.isCoordinator() || actor.actsFor(c.getString(CaseFields.OWNING_PARTNER));
                       return CaseReferrals.of(mongo, caseId).flatMap(referrals -> {
                           List<String> ids = new ArrayList<>();
                           referrals.forEach((referralId, to) -> {
                               if (whole || actor.actsFor(to)) {
                                   ids.add(referralId);
                               }
                           });
                           if (!whole && ids.isEmpty()) {
                               return Mono.error(ReadProblems.notFound());
                           }
                           if (whole) {
                               ids.add(caseId);
                               return timeline(ids);
                           }
                           return timeline(ids).map(TimelineController::asReceiverSeesIt);
                       });
                   });
    }

    /** A receiving partner is not told where the person went after its part: a redirect names no partner. */
    static Timeline asReceiverSeesIt(Timeline timeline) {
        return new Timeline(timeline.entries().stream()
                                    .map(e -> !e.type().equals(ReferralRedirected.class.getSimpleName()) ? e
                                            : new Timeline.Entry(e.seq(), e.aggregateId(), e.type(), e.at(), e.userId(), e.userLabel(), e.partnerId(),
                                                                 TimelineSummaries.REDIRECTED_ELSEWHERE.text(),
                                                                 TimelineSummaries.REDIRECTED_ELSEWHERE.code(),
                                                                 TimelineSummaries.REDIRECTED_ELSEWHERE.args(), e.hash(), e.prevHash()))
                                    .toList(), timeline.verified());
    }

    /** Read off the event loop: the event store is read through blocking JDBC or gRPC calls. */
    private Mono<Timeline> timeline(List<String> aggregateIds) {
        return Mono.fromCallable(() -> history.of(aggregateIds)).subscribeOn(Schedulers.boundedElastic());
    }
}
