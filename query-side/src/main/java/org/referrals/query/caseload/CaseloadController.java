package org.referrals.query.caseload;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.Caseload;
import org.referrals.query.referral.ReferralListing;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.partner.PartnerQueryController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/partners/{id}/caseload}: the partner's document of {@code caseloads} (kept by the derived
 * figures), with what depends on the moment of asking added then: capacity from the directory, and the referrals
 * overdue now.
 */
@RestController
@Tag(name = "Partners")
public class CaseloadController {

    private final MongoDatabase mongo;
    private final ReferralListing listing;
    private final Clock clock;

    public CaseloadController(MongoDatabase reactiveMongoDatabase, ReferralListing listing, Clock clock) {
        this.mongo = reactiveMongoDatabase;
        this.listing = listing;
        this.clock = clock;
    }

    @GetMapping("/api/partners/{partnerId}/caseload")
    @Operation(summary = "A partner's caseload: active, capacity, by status, overdue, acceptance rate, medians",
               description = "That partner's agents, COORDINATOR, ANALYST (another partner's agent gets 404).")
    public Mono<Caseload> caseload(@PathVariable String partnerId, @AuthenticationPrincipal Actor actor) {
        boolean allowed = actor.actsFor(partnerId) || actor.isCoordinator() || actor.hasRole(Role.ANALYST);
        if (!allowed) {
            return Mono.error(actor.hasRole(Role.PARTNER_AGENT) ? ReadProblems.notFound()
                                      : ReadProblems.forbidden("this role may not see caseloads"));
        }
        // from the partner's open requests in the listing, not from all it ever received
        Mono<Long> overdue = Mono.fromCallable(() -> listing.overdue(partnerId, clock.instant())).subscribeOn(Schedulers.boundedElastic());
        return Mono.from(mongo.getCollection("partners").find(Filters.eq("_id", partnerId)).first())
                   .switchIfEmpty(Mono.error(ReadProblems::notFound))
                   .map(PartnerQueryController::view)
                   .flatMap(partner -> Mono.zip(
                           Mono.from(mongo.getCollection("caseloads").find(Filters.eq("_id", partnerId)).first())
                               .defaultIfEmpty(new Document()),
                           overdue)
                       .map(both -> caseload(partnerId, partner.capacity(), both.getT1(), both.getT2())));
    }

    private static Caseload caseload(String partnerId, Integer capacity, Document stored, long overdue) {
        Map<String, Long> byStatus = new TreeMap<>();
        Document counts = stored.get("byStatus", Document.class);
        if (counts != null) {
            counts.forEach((status, count) -> byStatus.put(status, ((Number) count).longValue()));
        }
        return new Caseload(partnerId, ((Number) stored.getOrDefault("active", 0L)).longValue(), capacity, byStatus,
                            overdue, stored.getDouble("acceptanceRate"), stored.getDouble("medianHoursToRespond"),
                            stored.getDouble("medianDaysToDeliver"));
    }
}
