package org.referrals.command.caseregistry;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.referrals.api.assessment.AssessmentResult;
import org.referrals.api.assessment.AssessmentScores;
import org.referrals.api.assessment.Instrument;
import org.referrals.api.assessment.Instruments;
import org.referrals.api.caseregistry.AssessmentRecorded;
import org.referrals.api.caseregistry.CaseClosed;
import org.referrals.api.caseregistry.CaseDetailsCorrected;
import org.referrals.api.caseregistry.CasePersonalDataErased;
import org.referrals.api.caseregistry.CaseRegistered;
import org.referrals.api.caseregistry.CloseCase;
import org.referrals.api.caseregistry.ConsentRecorded;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.ConsentWithdrawn;
import org.referrals.api.caseregistry.RecordAssessment;
import org.referrals.api.caseregistry.RecordConsent;
import org.referrals.api.caseregistry.SealedPersonalData;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.caseregistry.WithdrawConsent;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.common.SealedText;
import org.referrals.api.household.CaseJoinedHousehold;
import org.referrals.api.household.CaseLeftHousehold;
import org.referrals.api.household.HouseholdRole;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.plan.AchieveGoal;
import org.referrals.api.plan.AddGoal;
import org.referrals.api.plan.AgreePlan;
import org.referrals.api.plan.DropGoal;
import org.referrals.api.plan.GoalAchieved;
import org.referrals.api.plan.GoalAdded;
import org.referrals.api.plan.GoalDropped;
import org.referrals.api.plan.GoalRevised;
import org.referrals.api.plan.GoalStatus;
import org.referrals.api.plan.GoalTerms;
import org.referrals.api.plan.PlanAgreed;
import org.referrals.api.plan.PlannedGoal;
import org.referrals.api.plan.ReviseGoal;
import org.referrals.command.common.BusinessRule;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.IllegalTransitionException;
import org.referrals.command.common.Permissions;
import org.referrals.command.common.ResourceNotVisibleException;
import org.referrals.command.common.TextSealer;

/**
 * One migrant, owned by the partner that registered it. Holds its personal data only sealed (the
 * {@link CaseCommandHandler} seals it before the aggregate sees it) and the consents that allow referrals.
 */
@Aggregate
public class Case {

    @AggregateIdentifier
    private String caseId;
    private String owningPartnerId;
    private CaseStatus status;
    private boolean erased;
    private final Map<String, Consent> consents = new LinkedHashMap<>();
    private final PlanGoals plan = new PlanGoals();
    private String householdId;

    protected Case() {
        // for Axon
    }

    /** Registration, after {@link CaseCommandHandler} sealed the personal data; records the first consent too. */
    Case(String caseId, String owningPartnerId, SealedPersonalData personalData, Set<Vulnerability> vulnerabilities,
         String countryOfReturn, String consentId, ConsentTerms consent, Instant now) {
        requireFutureExpiry(consent, now);
        apply(new CaseRegistered(caseId, owningPartnerId, personalData, Set.copyOf(vulnerabilities), countryOfReturn, now));
        apply(consentRecorded(caseId, consentId, consent, now));
    }

    /** A correction of personal data (sealed again by {@link CaseCommandHandler}) and non-personal fields. */
    void correctDetails(SealedPersonalData personalData, Set<Vulnerability> vulnerabilities, String countryOfReturn,
                        Actor actor) {
        requireCorrectableBy(actor);
        apply(new CaseDetailsCorrected(caseId, personalData, Set.copyOf(vulnerabilities), countryOfReturn));
    }

    @CommandHandler
    public void handle(RecordConsent command, Actor actor, Clock clock) {
        requireOwnerOrCoordinator(actor);
        if (status != CaseStatus.OPEN) {
            throw new IllegalTransitionException("case", "RecordConsent", status);
        }
        if (consents.containsKey(command.consentId())) {
            throw new BusinessRuleViolationException(BusinessRule.CONSENT_ALREADY_RECORDED,
                                                     "consent %s is already recorded".formatted(command.consentId()));
        }
        Instant now = clock.instant();
        requireFutureExpiry(command.consent(), now);
        apply(consentRecorded(caseId, command.consentId(), command.consent(), now));
    }

    @CommandHandler
    public void handle(WithdrawConsent command, Actor actor, Clock clock, TextSealer texts) {
        requireOwnerOrCoordinator(actor);
        Consent consent = consents.get(command.consentId());
        if (consent == null) {
            throw new BusinessRuleViolationException(BusinessRule.CONSENT_UNKNOWN,
                                                     "case has no consent %s".formatted(command.consentId()));
        }
        if (consent.withdrawn()) {
            throw new BusinessRuleViolationException(BusinessRule.CONSENT_ALREADY_WITHDRAWN,
                                                     "consent %s is already withdrawn".formatted(command.consentId()));
        }
        apply(new ConsentWithdrawn(caseId, command.consentId(), texts.sealText(caseId, command.note()), clock.instant()));
    }

    @CommandHandler
    public void handle(CloseCase command, Actor actor, Clock clock, TextSealer texts) {
        requireOwnerOrCoordinator(actor);
        if (status != CaseStatus.OPEN) {
            throw new IllegalTransitionException("case", "CloseCase", status);
        }
        Instant now = clock.instant();
        // its open goals end with it, each as an event (its open referrals: see ReferralsOfClosedCases)
        for (String goalId : plan.openGoalIds()) {
            apply(new GoalDropped(caseId, goalId, null, command.reason(), now));
        }
        apply(new CaseClosed(caseId, command.reason(), texts.sealText(caseId, command.note()), now));
    }

    /** The reintegration plan, agreed once with its first goals; later goals are added one by one. */
    @CommandHandler
    public void handle(AgreePlan command, Actor actor, Clock clock, TextSealer texts) {
        Instant now = requirePlanChangeBy(actor, clock);
        plan.requireNotAgreed();
        plan.requireNewGoals(command.goals().stream().map(AgreePlan.NewGoal::goalId).toList(),
                             command.goals().stream().map(goal -> goal.terms().targetDate()).toList(), today(now));
        apply(new PlanAgreed(caseId, command.goals().stream().map(goal -> planned(goal.goalId(), goal.terms(), texts)).toList(), now));
    }

    @CommandHandler
    public void handle(AddGoal command, Actor actor, Clock clock, TextSealer texts) {
        Instant now = requirePlanChangeBy(actor, clock);
        plan.requireAgreed();
        plan.requireNewGoals(List.of(command.goalId()), List.of(command.terms().targetDate()), today(now));
        apply(new GoalAdded(caseId, planned(command.goalId(), command.terms(), texts), now));
    }

    @CommandHandler
    public void handle(ReviseGoal command, Actor actor, Clock clock, TextSealer texts) {
        Instant now = requirePlanChangeBy(actor, clock);
        plan.requireOpen(command.goalId());
        PlanGoals.requireTargetNotPast(command.terms().targetDate(), today(now));
        apply(new GoalRevised(caseId, planned(command.goalId(), command.terms(), texts), texts.sealText(caseId, command.reason()), now));
    }

    @CommandHandler
    public void handle(AchieveGoal command, Actor actor, Clock clock, TextSealer texts) {
        Instant now = requirePlanChangeBy(actor, clock);
        plan.requireOpen(command.goalId());
        apply(new GoalAchieved(caseId, command.goalId(), texts.sealText(caseId, command.note()), now));
    }

    @CommandHandler
    public void handle(DropGoal command, Actor actor, Clock clock, TextSealer texts) {
        Instant now = requirePlanChangeBy(actor, clock);
        plan.requireOpen(command.goalId());
        apply(new GoalDropped(caseId, command.goalId(), texts.sealText(caseId, command.reason()), null, now));
    }

    /**
     * Joins a household (sent by the household's command handler, in the same unit of work as the household's own
     * event): the owner or a coordinator, on an open case not erased, in no other household.
     */
    public void joinHousehold(String household, HouseholdRole role, Actor actor) {
        requireOwnerOrCoordinator(actor);
        requireOpenAndNotErased();
        if (householdId != null) {
            throw new BusinessRuleViolationException(BusinessRule.HOUSEHOLD_ALREADY_JOINED,
                    "case %s already belongs to household %s".formatted(caseId, householdId));
        }
        apply(new CaseJoinedHousehold(caseId, household, role));
    }

    public void leaveHousehold(String household) {
        apply(new CaseLeftHousehold(caseId, household));
    }

    public boolean isErased() {
        return erased;
    }

    /** The household the case belongs to, or null. */
    public String householdId() {
        return householdId;
    }

    /** A referral naming a goal must serve an open goal of this case's plan, in one of its categories. */
    public void requireGoalServedBy(String goalId, ServiceCategory category) {
        plan.requireServes(goalId, category);
    }

    /** The owner or a coordinator changes the plan of an open, not erased case; answers the moment. */
    private Instant requirePlanChangeBy(Actor actor, Clock clock) {
        requireOwnerOrCoordinator(actor);
        requireOpenAndNotErased();
        return clock.instant();
    }

    /** Today as the plan's dates count it: a day early, so that no time zone finds its today refused. */
    private static java.time.LocalDate today(Instant now) {
        return now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    }

    private PlannedGoal planned(String goalId, GoalTerms terms, TextSealer texts) {
        return new PlannedGoal(goalId, terms.dimension(), texts.sealText(caseId, terms.description()), terms.targetDate(),
                               Set.copyOf(terms.serviceCategories()));
    }

    /**
     * An assessment with an instrument of {@link Instruments}: scored here from the answers (the instrument says how),
     * and answers and scores sealed under the case's key. Not on a closed or erased case, not dated in the future.
     */
    @CommandHandler
    public void handle(RecordAssessment command, Actor actor, Clock clock, TextSealer texts) {
        requireOwnerOrCoordinator(actor);
        if (status != CaseStatus.OPEN) {
            throw new IllegalTransitionException("case", "RecordAssessment", status);
        }
        requireNotErased();
        Instant now = clock.instant();
        if (command.takenOn().isAfter(now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1))) { // a day for time zones
            throw new BusinessRuleViolationException(BusinessRule.ASSESSMENT_IN_FUTURE, "an assessment cannot be dated in the future");
        }
        Instrument instrument = Instruments.find(command.instrumentId(), command.instrumentVersion())
                .orElseThrow(() -> new BusinessRuleViolationException(BusinessRule.ASSESSMENT_ANSWER_INVALID,
                        "no instrument %s version %d".formatted(command.instrumentId(), command.instrumentVersion())));
        AssessmentScores scores;
        try {
            scores = instrument.score(command.answers());
        } catch (Instrument.InvalidAnswer e) {
            throw new BusinessRuleViolationException(BusinessRule.ASSESSMENT_ANSWER_INVALID, e.indicator() + ": " + e.getMessage());
        }
        apply(new AssessmentRecorded(caseId, command.assessmentId(), instrument.id(), instrument.version(), command.takenOn(),
                                     AssessmentSealing.seal(texts, caseId, new AssessmentResult(Map.copyOf(command.answers()), scores)),
                                     now));
    }

    /**
     * Erasure, sent through {@link CaseCommandHandler}, which then destroys the case's key. Only an admin erases,
     * or the system when the retention period ends; those who see the case are told so (403), anyone else that it
     * does not exist (404).
     */
    void erase(SealedText justification, Actor actor, Instant now) {
        if (!actor.hasRole(Role.ADMIN) && !actor.hasRole(Role.SYSTEM)) {
            requireOwnerOrCoordinator(actor);
            Permissions.requireRole(actor, "ErasePersonalData", Role.ADMIN);
        }
        requireNotErased();
        apply(new CasePersonalDataErased(caseId, justification, now));
    }

    /** The valid consent (or other legal basis) that covers sharing this case with that partner for that service. */
    public Optional<Consent> legalBasisFor(String partnerId, ServiceCategory category, Instant at) {
        return consents.values().stream().filter(consent -> consent.covers(partnerId, category, at)).findFirst();
    }

    /**
     * Why no legal basis covers that partner and category, as the refusal to answer: a consent whose scope fits was
     * withdrawn or has expired, or every consent is for other partners or categories, or there is none.
     */
    public BusinessRuleViolationException missingLegalBasis(String partnerId, ServiceCategory category, Instant at) {
        List<Consent> inScope = consents.values().stream().filter(c -> c.scopeIncludes(partnerId, category)).toList();
        if (inScope.stream().anyMatch(Consent::withdrawn)) {
            Consent withdrawn = inScope.stream().filter(Consent::withdrawn).findFirst().orElseThrow();
            return new BusinessRuleViolationException(BusinessRule.CONSENT_WITHDRAWN, "consent %s, which covered %s for %s, was withdrawn"
                    .formatted(withdrawn.consentId(), partnerId, category));
        }
        if (!inScope.isEmpty()) {
            Consent expired = inScope.get(0);
            return new BusinessRuleViolationException(BusinessRule.CONSENT_EXPIRED, "consent %s, which covered %s for %s, expired at %s"
                    .formatted(expired.consentId(), partnerId, category, expired.expiresAt()));
        }
        if (!consents.isEmpty()) {
            return new BusinessRuleViolationException(BusinessRule.OUTSIDE_CONSENT_SCOPE,
                    "no consent or other legal basis of the case includes partner %s and category %s in its scope"
                            .formatted(partnerId, category));
        }
        return new BusinessRuleViolationException(BusinessRule.NO_VALID_CONSENT,
                                                  "the case has no consent or other legal basis recorded");
    }

    /** Its owner or a coordinator may correct it, unless its personal data was erased. */
    void requireCorrectableBy(Actor actor) {
        requireOwnerOrCoordinator(actor);
        requireNotErased();
    }

    /** Refuses (404) a partner agent of another partner, and every role other than coordinator. */
    public void requireOwnerOrCoordinator(Actor actor) {
        if (!(actor.actsFor(owningPartnerId) || actor.isCoordinator())) {
            throw new ResourceNotVisibleException("case", caseId);
        }
    }

    /** Refuses what a closed or erased case can no longer be used for (new referrals). */
    public void requireOpenAndNotErased() {
        if (status != CaseStatus.OPEN) {
            throw new BusinessRuleViolationException(BusinessRule.CASE_CLOSED, "case %s is closed".formatted(caseId));
        }
        requireNotErased();
    }

    public String owningPartnerId() {
        return owningPartnerId;
    }

    private void requireNotErased() {
        if (erased) {
            throw new BusinessRuleViolationException(BusinessRule.CASE_ERASED,
                                                     "the personal data of case %s has been erased".formatted(caseId));
        }
    }

    private static void requireFutureExpiry(ConsentTerms consent, Instant now) {
        if (consent.expiresAt() != null && !consent.expiresAt().isAfter(now)) {
            throw new BusinessRuleViolationException(BusinessRule.CONSENT_EXPIRY_IN_PAST,
                                                     "a consent must expire in the future");
        }
    }

    private static ConsentRecorded consentRecorded(String caseId, String consentId, ConsentTerms terms, Instant now) {
        return new ConsentRecorded(caseId, consentId, terms.legalBasis(),
                                   terms.categoriesOrEmpty(), terms.partnerIdsOrEmpty(), now, terms.expiresAt());
    }

    @EventSourcingHandler
    void on(CaseRegistered event) {
        caseId = event.caseId();
        owningPartnerId = event.owningPartnerId();
        status = CaseStatus.OPEN;
    }

    @EventSourcingHandler
    void on(ConsentRecorded event) {
        consents.put(event.consentId(), Consent.from(event));
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.computeIfPresent(event.consentId(), (id, consent) -> consent.withdraw());
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        status = CaseStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CaseJoinedHousehold event) {
        householdId = event.householdId();
    }

    @EventSourcingHandler
    void on(CaseLeftHousehold event) {
        householdId = null;
    }

    @EventSourcingHandler
    void on(PlanAgreed event) {
        plan.agreed(event.goals());
    }

    @EventSourcingHandler
    void on(GoalAdded event) {
        plan.set(event.goal());
    }

    @EventSourcingHandler
    void on(GoalRevised event) {
        plan.set(event.goal()); // only an open goal is revised; its categories may have changed
    }

    @EventSourcingHandler
    void on(GoalAchieved event) {
        plan.ended(event.goalId(), GoalStatus.ACHIEVED);
    }

    @EventSourcingHandler
    void on(GoalDropped event) {
        plan.ended(event.goalId(), event.status());
    }

    @EventSourcingHandler
    void on(CasePersonalDataErased event) {
        erased = true;
    }
}
