package org.referrals.query.plan;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.referrals.api.common.Actor;
import org.referrals.api.common.PageOf;
import org.referrals.api.plan.CasePlan;
import org.referrals.api.plan.PlanOverdue;
import org.referrals.query.caseregistry.CaseFields;
import org.referrals.query.caseregistry.CaseProjection;
import org.referrals.query.caseregistry.CaseVisibility;
import org.referrals.query.caseregistry.PersonalDataReader;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.referral.ReferralFacts;
import org.referrals.query.referral.ReferralSnapshots;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A case's reintegration plan, opened from its events, with each goal's referrals from the referrals' facts; and
 * the coordinators' list of open cases still without a plan past its due time.
 */
@RestController
@Tag(name = "Plans")
public class PlanController {

    private static final int MAX_SIZE = 200;

    private final MongoDatabase mongo;
    private final CaseVisibility cases;
    private final EventStore events;
    private final PersonalDataReader personalData;
    private final ReferralSnapshots referrals;
    private final PlanDeadline deadline;
    private final Clock clock;

    public PlanController(MongoDatabase reactiveMongoDatabase, CaseVisibility cases, EventStore eventStore,
                          PersonalDataReader personalData, ReferralSnapshots referrals, PlanDeadline deadline, Clock clock) {
        this.mongo = reactiveMongoDatabase;
        this.cases = cases;
        this.events = eventStore;
        this.personalData = personalData;
        this.referrals = referrals;
        this.deadline = deadline;
        this.clock = clock;
    }

    @GetMapping("/api/cases/{caseId}/plan")
    @Operation(operationId = "getCasePlan", summary = "A case's reintegration plan: goals with their referrals and status",
               description = "The owning partner's agents and COORDINATOR read it whole. A partner receiving referrals of "
                             + "the case (while it sees the case) reads only the goals its referrals serve, with only its "
                             + "own referrals and without the notes of achievements and drops. Everyone else: 404. Texts "
                             + "are null once the case's personal data is erased. dueBy: registration plus "
                             + "referrals.plans.expected-within (30 days by default).")
    public Mono<CasePlan> plan(@PathVariable String caseId, @AuthenticationPrincipal Actor actor) {
        // every referral's facts scanned and the case's events read: off the event loop
        return cases.reader(caseId, actor).zipWith(referrals.current()).publishOn(Schedulers.boundedElastic())
                    .map(both -> plan(caseId, both.getT1(), both.getT2().all().stream()
                            .filter(r -> caseId.equals(r.caseId()) && r.goalId() != null)
                            .filter(r -> both.getT1().whole() || actor.actsFor(r.to())).toList()));
    }

    private CasePlan plan(String caseId, CaseVisibility.Reader reader, List<ReferralFacts> ofCase) {
        PlanReading reading = new PlanReading(text -> personalData.openText(caseId, text).orElse(null));
        for (DomainEventMessage<?> message : events.readEvents(caseId, 0).asStream().toList()) {
            reading.read(message.getPayload());
        }
        Map<String, List<CasePlan.GoalReferral>> byGoal = ofCase.stream()
                .sorted(Comparator.comparing(ReferralFacts::createdAt))
                .collect(Collectors.groupingBy(ReferralFacts::goalId, Collectors.mapping(PlanController::line, Collectors.toList())));
        List<CasePlan.Goal> goals = reading.goals().stream()
                .filter(goal -> reader.whole() || byGoal.containsKey(goal.goalId()))
                .map(goal -> new CasePlan.Goal(goal.goalId(), goal.dimension(), goal.description(), goal.targetDate(),
                        goal.serviceCategories(), goal.status(), reader.whole() ? goal.statusNote() : null,
                        goal.closedWithCase(), goal.statusAt(), goal.revisions(), byGoal.getOrDefault(goal.goalId(), List.of())))
                .toList();
        Document c = reader.caseDocument();
        Instant registeredAt = c.getDate(CaseFields.REGISTERED_AT).toInstant();
        return new CasePlan(caseId, reading.agreedAt(), deadline.dueBy(registeredAt),
                            deadline.overdue(registeredAt, reading.agreedAt(), "OPEN".equals(c.getString(CaseFields.STATUS)), clock.instant()),
                            goals);
    }

    private static CasePlan.GoalReferral line(ReferralFacts referral) {
        return new CasePlan.GoalReferral(referral.id(), referral.to(), referral.category(), referral.status(),
                                         referral.closureReason(), referral.updatedAt());
    }

    @GetMapping("/api/escalations/plans")
    @Operation(operationId = "listOverduePlans", summary = "Open cases without a plan past its due time, longest overdue first",
               description = "COORDINATOR only. A case leaves the list when its plan is agreed or it is closed. The due "
                             + "time is registration plus referrals.plans.expected-within (30 days by default).")
    public Mono<PageOf<PlanOverdue>> overdue(@AuthenticationPrincipal Actor actor,
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
        // no secondary index on the embedded server: the open cases without a plan are read whole, their ids and dates only
        return Flux.from(mongo.getCollection(CaseProjection.COLLECTION)
                              .find(Filters.and(Filters.eq(CaseFields.STATUS, "OPEN"), Filters.exists(CaseFields.PLAN_AGREED_AT, false)))
                              .projection(Projections.include(CaseFields.OWNING_PARTNER, CaseFields.REGISTERED_AT)))
                   .publishOn(Schedulers.boundedElastic()) // every open case without a plan: filtered and sorted off the event loop
                   .filter(c -> deadline.overdue(registered(c), null, true, now))
                   .map(c -> new PlanOverdue(c.getString("_id"), c.getString(CaseFields.OWNING_PARTNER), registered(c),
                                             deadline.dueBy(registered(c)), Duration.between(deadline.dueBy(registered(c)), now).toDays()))
                   .collectList()
                   .map(all -> {
                       all.sort(Comparator.comparing(PlanOverdue::dueBy).thenComparing(PlanOverdue::caseId));
                       return PageOf.of(all, page, size);
                   });
    }

    private static Instant registered(Document c) {
        Date date = c.getDate(CaseFields.REGISTERED_AT);
        return date.toInstant();
    }
}
