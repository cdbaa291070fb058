package org.referrals.query.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.referrals.api.common.Actor;
import org.referrals.api.common.PageOf;
import org.referrals.api.escalation.Escalation.Reason;
import org.referrals.api.escalation.Escalation;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.referral.ReferralFacts;
import org.referrals.query.referral.ReferralSnapshots;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/escalations}: the coordinators' work list, from the referrals' facts ({@link ReferralSnapshots}).
 * Being overdue depends on the moment of asking, so it is decided here, like {@code overdue} in the referral views.
 */
@RestController
@Tag(name = "Escalations")
public class EscalationController {

    private static final int MAX_SIZE = 200;

    private final ReferralSnapshots referrals;
    private final Clock clock;

    public EscalationController(ReferralSnapshots referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    @GetMapping("/api/escalations")
    @Operation(operationId = "listEscalations", summary = "Referrals that need a coordinator, oldest first",
               description = "COORDINATOR only. Overdue (unanswered past respondBy), expired or declined and not yet "
                       + "redirected, and made under a consent override while unanswered. Each leaves the list when "
                       + "handled: answered, redirected, cancelled or closed (within a second).")
    public Mono<PageOf<Escalation>> escalations(@AuthenticationPrincipal Actor actor,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "50") int size) {
        if (!actor.isCoordinator()) {
            return Mono.error(ReadProblems.forbidden("only coordinators work the escalation list"));
        }
        var badPage = ReadProblems.pageProblem(page, size, MAX_SIZE);
        if (badPage != null) {
            return Mono.error(badPage);
        }
        Instant now = clock.instant();
        // every referral's facts filtered and sorted: off the event loop
        return referrals.current().publishOn(Schedulers.boundedElastic()).map(snapshot -> {
            List<Escalation> all = new ArrayList<>();
            for (ReferralFacts referral : snapshot.all()) {
                Escalation escalation = escalation(referral, now);
                if (escalation != null) {
                    all.add(escalation);
                }
            }
            all.sort(Comparator.comparing(Escalation::waitingSince).thenComparing(Escalation::referralId));
            return PageOf.of(all, page, size);
        });
    }

    /** The referral as an escalation, with why and since when; null when it needs no coordinator. */
    static Escalation escalation(ReferralFacts referral, Instant now) {
        ReferralStatus status = referral.status();
        List<Reason> reasons = new ArrayList<>();
        Instant since = null;
        if (referral.overdue(now)) {
            reasons.add(Reason.OVERDUE);
            since = referral.respondBy();
        }
        if (status == ReferralStatus.REQUESTED && referral.consentOverride()) {
            reasons.add(Reason.CONSENT_OVERRIDE);
            since = referral.createdAt(); // earlier than respondBy
        }
        if (status == ReferralStatus.EXPIRED && !referral.redirected()) {
            reasons.add(Reason.EXPIRED);
            since = referral.expiredAt();
        }
        if (status == ReferralStatus.DECLINED && !referral.redirected()) {
            reasons.add(Reason.DECLINED);
            since = referral.declinedAt();
        }
        if (reasons.isEmpty()) {
            return null;
        }
        if (since == null) {
            since = referral.updatedAt(); // a document written before these times were kept
        }
        return new Escalation(referral.id(), referral.caseId(), referral.from(), referral.to(), referral.category(),
                              referral.urgency(), status, reasons, since, Duration.between(since, now).toHours(),
                              referral.declineReason());
    }
}
