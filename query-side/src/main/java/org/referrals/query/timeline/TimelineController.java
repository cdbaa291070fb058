package org.referrals.query.timeline;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.referrals.api.common.Actor;
import org.referrals.api.referral.Timeline;
import org.referrals.query.common.ReadProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The timelines of a referral, and of a case (its own events and those of its referrals). */
@RestController
@Tag(name = "Timelines")
public class TimelineController {

    private final MongoDatabase mongo;

    public TimelineController(MongoDatabase reactiveMongoDatabase) {
        this.mongo = reactiveMongoDatabase;
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
                       var referralFilter = whole ? Filters.eq("caseId", caseId)
                               : Filters.and(Filters.eq("caseId", caseId), Filters.eq("toPartnerId", actor.partnerId()));
                       return Flux.from(mongo.getCollection("referrals").find(referralFilter))
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
        return Flux.from(mongo.getCollection(TimelineProjection.COLLECTION).find(Filters.in("aggregateId", aggregateIds))
                              .sort(Sorts.ascending("seq")))
                   .map(TimelineController::entry)
                   .collectList()
                   .map(entries -> new Timeline(entries, null));
    }

    private static Timeline.Entry entry(Document d) {
        return new Timeline.Entry(((Number) d.get("seq")).longValue(), d.getString("aggregateId"), d.getString("type"),
                                  d.getDate("at").toInstant(), d.getString("userId"), d.getString("partnerId"),
                                  d.getString("summary"), null, null);
    }
}
