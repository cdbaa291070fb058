package org.referrals.query.escalation;

import static org.referrals.query.common.Projections.instant;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.referrals.api.common.Actor;
import org.referrals.api.common.PageOf;
import org.referrals.api.escalation.Escalation;
import org.referrals.api.escalation.Escalation.Reason;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Urgency;
import org.referrals.query.common.Projections;
import org.referrals.query.common.ReadProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/escalations}: the coordinators' work list, read from the {@code referrals} read model. Being
 * overdue depends on the moment of asking, so it is decided here, like {@code overdue} in the referral views.
 */
@RestController
@Tag(name = "Escalations")
public class EscalationController {

    private static final int MAX_SIZE = 200;

    private final MongoDatabase mongo;
    private final Clock clock;

    public EscalationController(MongoDatabase reactiveMongoDatabase, Clock clock) {
        this.mongo = reactiveMongoDatabase;
        this.clock = clock;
    }

    @GetMapping("/api/escalations")
    @Operation(summary = "Referrals that need a coordinator, oldest first",
               description = "COORDINATOR only. Overdue (unanswered past respondBy), expired or declined and not yet "
                       + "redirected, and made under a consent override while unanswered. Each leaves the list when "
                       + "handled: answered, redirected, cancelled or closed.")
    public Mono<PageOf<Escalation>> escalations(@AuthenticationPrincipal Actor actor,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "50") int size) {
        if (!actor.isCoordinator()) {
            return Mono.error(ReadProblems.forbidden("only coordinators work the escalation list"));
        }
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            return Mono.error(ReadProblems.badRequest("size", "page from 0, size from 1 to " + MAX_SIZE));
        }
        Instant now = clock.instant();
        return Flux.from(mongo.getCollection("referrals").find(candidates(now)))
                   .map(referral -> escalation(referral, now))
                   .collectList()
                   .map(all -> {
                       List<Escalation> sorted = new ArrayList<>(all);
                       sorted.sort(Comparator.comparing(Escalation::waitingSince).thenComparing(Escalation::referralId));
                       int from = Math.min(sorted.size(), page * size);
                       return new PageOf<>(sorted.subList(from, Math.min(sorted.size(), from + size)), page, size, sorted.size());
                   });
    }

    private static Bson candidates(Instant now) {
        String requested = ReferralStatus.REQUESTED.name();
        return Filters.or(
                Filters.and(Filters.eq("status", requested), Filters.lt("respondBy", Date.from(now))),
                Filters.and(Filters.eq("status", requested), Filters.eq("consentOverride", true)),
                Filters.and(Filters.in("status", ReferralStatus.DECLINED.name(), ReferralStatus.EXPIRED.name()),
                            Filters.eq("redirectedTo", null)));
    }

    static Escalation escalation(Document d, Instant now) {
        ReferralStatus status = ReferralStatus.valueOf(d.getString("status"));
        List<Reason> reasons = new ArrayList<>();
        Instant since = null;
        Instant respondBy = instant(d, "respondBy");
        if (status == ReferralStatus.REQUESTED && now.isAfter(respondBy)) {
            reasons.add(Reason.OVERDUE);
            since = respondBy;
        }
        if (status == ReferralStatus.REQUESTED && Boolean.TRUE.equals(d.getBoolean("consentOverride"))) {
            reasons.add(Reason.CONSENT_OVERRIDE);
            since = instant(d, "createdAt"); // earlier than respondBy
        }
        if (status == ReferralStatus.EXPIRED) {
            reasons.add(Reason.EXPIRED);
            since = instant(d, "expiredAt");
        }
        if (status == ReferralStatus.DECLINED) {
            reasons.add(Reason.DECLINED);
            since = instant(d, "declinedAt");
        }
        if (since == null) {
            since = instant(d, Projections.UPDATED_AT); // a document written before these times were kept
        }
        String declineReason = d.getString("declineReason");
        return new Escalation(d.getString("_id"), d.getString("caseId"), d.getString("fromPartnerId"),
                              d.getString("toPartnerId"), ServiceCategory.valueOf(d.getString("serviceCategory")),
                              Urgency.valueOf(d.getString("urgency")), status, reasons, since,
                              Duration.between(since, now).toHours(),
                              declineReason == null ? null : DeclineReason.valueOf(declineReason));
    }
}
