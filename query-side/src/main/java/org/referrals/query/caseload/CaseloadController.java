package org.referrals.query.caseload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.Caseload;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.figures.CaseloadFigures;
import org.referrals.query.partner.PartnerProjection;
import org.referrals.query.partner.PartnerQueryController;
import org.referrals.query.referral.ReferralSnapshots;
import org.referrals.query.stats.AnalystFigures;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/partners/{id}/caseload}: computed from the referrals it received ({@link ReferralSnapshots}), with what
 * depends on the moment of asking added then: capacity from the directory, and the referrals overdue now.
 */
@RestController
@Tag(name = "Partners")
public class CaseloadController {

    private final MongoDatabase mongo;
    private final ReferralSnapshots referrals;
    private final Clock clock;
    private final ObjectMapper json;

    public CaseloadController(MongoDatabase reactiveMongoDatabase, ReferralSnapshots referrals, Clock clock, ObjectMapper json) {
        this.mongo = reactiveMongoDatabase;
        this.referrals = referrals;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/api/partners/{partnerId}/caseload")
    @Operation(operationId = "getCaseload", summary = "A partner's caseload: active, capacity, by status, overdue, acceptance rate, medians",
               description = "That partner's agents, COORDINATOR, ANALYST (another partner's agent gets 404). An "
                       + "ANALYST's counts are de-identified like the statistics: below 5 \"<5\", a count hidden to "
                       + "protect one \"x\", rates and medians over fewer than 5 referrals null.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                                                          schema = @Schema(implementation = Caseload.class)))
    public Mono<Object> caseload(@PathVariable String partnerId, @AuthenticationPrincipal Actor actor) {
        boolean allowed = actor.actsFor(partnerId) || actor.isCoordinator() || actor.hasRole(Role.ANALYST);
        if (!allowed) {
            return Mono.error(actor.hasRole(Role.PARTNER_AGENT) ? ReadProblems.notFound()
                                      : ReadProblems.forbidden("this role may not see caseloads"));
        }
        return Mono.from(mongo.getCollection(PartnerProjection.COLLECTION).find(Filters.eq("_id", partnerId)).first())
                   .switchIfEmpty(Mono.error(ReadProblems::notFound))
                   .map(PartnerQueryController::view)
                   .flatMap(partner -> referrals.current().map(snapshot -> CaseloadFigures.of(partnerId, partner.capacity(),
                                                                                             snapshot.inboundOf(partnerId),
                                                                                             clock.instant())))
                   .map(caseload -> actor.isCoordinator() || actor.actsFor(partnerId) ? caseload
                           : AnalystFigures.caseload(caseload, json));
    }
}
