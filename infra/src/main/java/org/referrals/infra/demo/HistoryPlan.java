package org.referrals.infra.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.RegisterCase;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.AgreePartnership;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.ReintegrationDimension;
import org.referrals.api.plan.AchieveGoal;
import org.referrals.api.plan.AgreePlan;
import org.referrals.api.plan.GoalTerms;
import org.referrals.api.partner.RegisterPartner;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.partner.ServiceOffer;
import org.referrals.api.referral.AcceptReferral;
import org.referrals.api.referral.CancelReferral;
import org.referrals.api.referral.CloseReferral;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.DeclineReferral;
import org.referrals.api.referral.DeliverService;
import org.referrals.api.referral.DeliveryOutcome;
import org.referrals.api.referral.FailService;
import org.referrals.api.referral.FailureReason;
import org.referrals.api.referral.MakeReferral;
import org.referrals.api.referral.PutReferralOnHold;
import org.referrals.api.referral.RedirectReferral;
import org.referrals.api.referral.ReferralClosureReason;
import org.referrals.api.referral.StartService;
import org.referrals.api.referral.Urgency;

/**
 * A network's history as the commands that make it, in the order of their moments, reproducible from the random
 * generator's seed. Cases are registered evenly over the history and planned only when their registration comes
 * near, so a history of a million events never sits in memory whole. The mix: 7 % of referrals never answered
 * (overdue, then expired by the deadline scan), 13 % declined (60 % of them redirected), 5 % cancelled, the rest
 * accepted and started; of those, 8 % put on hold, 10 % failed, the others delivered, and most closed. Each case's
 * reintegration plan is agreed at the first interview, half an hour after registration, with a goal per dimension
 * its referrals serve; a goal is achieved the day after a referral serving it is closed with the need met. Closes
 * record the service's quality (received as planned, the returnee's satisfaction). These draw on a generator of
 * their own per case or referral, so the network's referrals are those the seed always gave.
 */
final class HistoryPlan implements Iterator<HistoryPlan.Step> {

    private static final Actor COORDINATOR = Actor.coordinator("demo-coordinator");

    /**
     * One command at the moment it happens. {@code group}: the steps of one group (a case with its referrals, or
     * the network's partners) must run in order; different groups may run side by side.
     */
    record Step(Instant at, Object command, Actor actor, String group) {
        boolean isNetwork() {
            return NETWORK.equals(group);
        }
    }

    private static final String NETWORK = "network";

    private final Random random;
    private final List<RegisterPartner> partners;
    private final List<RegisterPartner> referrers;
    private final Instant now;
    private final int cases;
    private final Instant firstCase;
    private final Duration caseSpan;
    private final PriorityQueue<Step> pending = new PriorityQueue<>(Comparator.comparing(Step::at));
    private int planned;
    private long sequence;

    HistoryPlan(Random random, List<RegisterPartner> partners, int cases, Instant start, Instant now) {
        this.random = random;
        this.partners = partners;
        this.referrers = partners.stream().filter(p -> p.kind() == PartnerKind.NGO || p.kind() == PartnerKind.UN_AGENCY).toList();
        this.now = now;
        this.cases = cases;
        this.firstCase = start.plus(Duration.ofDays(3));
        this.caseSpan = Duration.between(firstCase, now.minus(Duration.ofDays(1)));
        for (RegisterPartner partner : partners) {
            pending.add(new Step(start, partner, COORDINATOR, NETWORK));
        }
        for (int i = 0; i < Math.max(15, partners.size() / 3); i++) {
            RegisterPartner a = DemoNetwork.pick(random, partners);
            RegisterPartner b = DemoNetwork.pick(random, partners);
            if (!a.partnerId().equals(b.partnerId())) {
                String first = a.partnerId().compareTo(b.partnerId()) < 0 ? a.partnerId() : b.partnerId();
                String second = first.equals(a.partnerId()) ? b.partnerId() : a.partnerId();
                pending.add(new Step(start.plus(Duration.ofMinutes(1 + i)), new AgreePartnership(first, second, "accord de coopération"),
                                     COORDINATOR, NETWORK));
            }
        }
    }

    @Override
    public boolean hasNext() {
        planCasesStartingBeforeTheNextStep();
        return !pending.isEmpty();
    }

    @Override
    public Step next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    /** The next step, left in the plan. */
    Step peek() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.peek();
    }

    /** A case's steps come at or after its registration: plan every case registered by the earliest pending step. */
    private void planCasesStartingBeforeTheNextStep() {
        while (planned < cases && (pending.isEmpty() || !nextRegistration().isAfter(pending.peek().at()))) {
            planCase(nextRegistration());
            planned++;
        }
    }

    private Instant nextRegistration() {
        return firstCase.plusMillis((long) ((planned + 0.5) * caseSpan.toMillis() / cases));
    }

    private void planCase(Instant registered) {
        RegisterPartner owner = DemoNetwork.pick(random, referrers);
        Actor agent = Actor.partnerAgent("demo-" + owner.partnerId(), owner.partnerId());
        var person = DemoNetwork.person(random);
        String caseId = uuid();
        Set<Vulnerability> vulnerabilities = random.nextInt(3) == 0 ? Set.of(DemoNetwork.pick(random, List.of(Vulnerability.values()))) : Set.of();
        add(new Step(registered, new RegisterCase(caseId, person, vulnerabilities, person.nationality(), uuid(),
                new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(), null)), agent, caseId));
        int referrals = 1 + (random.nextInt(10) < 3 ? 1 : 0) + (random.nextInt(10) == 0 ? 1 : 0);
        Instant at = registered;
        Map<ReintegrationDimension, Set<ServiceCategory>> served = new EnumMap<>(ReintegrationDimension.class);
        Map<ReintegrationDimension, Instant> needMet = new EnumMap<>(ReintegrationDimension.class);
        for (int r = 0; r < referrals; r++) {
            at = at.plus(Duration.ofHours(1 + random.nextInt(72)));
            Served referral = planReferral(caseId, owner, agent, at);
            if (referral != null) {
                served.computeIfAbsent(referral.category().dimension(), d -> EnumSet.noneOf(ServiceCategory.class)).add(referral.category());
                if (referral.needMetAt() != null) {
                    needMet.merge(referral.category().dimension(), referral.needMetAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        planPlan(caseId, agent, registered, served, needMet);
    }

    /** What a planned referral served: its category, and when it was closed with the need met (null if not). */
    private record Served(ServiceCategory category, Instant needMetAt) {
    }

    /** The plan agreed at the first interview, a goal per dimension served; each achieved after its need was met. */
    private void planPlan(String caseId, Actor agent, Instant registered, Map<ReintegrationDimension, Set<ServiceCategory>> served,
                          Map<ReintegrationDimension, Instant> needMet) {
        if (served.isEmpty()) {
            return;
        }
        LocalDate target = registered.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(6);
        List<AgreePlan.NewGoal> goals = served.entrySet().stream().map(e -> new AgreePlan.NewGoal(goalId(caseId, e.getKey()),
                new GoalTerms(e.getKey(), GOALS.get(e.getKey()), target, e.getValue()))).toList();
        add(new Step(registered.plus(Duration.ofMinutes(30)), new AgreePlan(caseId, goals), agent, caseId));
        needMet.forEach((dimension, closed) -> add(new Step(closed.plus(Duration.ofDays(1)),
                new AchieveGoal(caseId, goalId(caseId, dimension), null), agent, caseId)));
    }

    private static final Map<ReintegrationDimension, String> GOALS = Map.of(
            ReintegrationDimension.ECONOMIC, "revenu stable (emploi ou activité)",
            ReintegrationDimension.SOCIAL, "logement, documents et accès aux services",
            ReintegrationDimension.PSYCHOSOCIAL, "santé et bien-être retrouvés");

    /** A goal's id, from its case and dimension: the referrals name it before the plan's step is written. */
    private static String goalId(String caseId, ReintegrationDimension dimension) {
        return UUID.nameUUIDFromBytes((caseId + "/" + dimension).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** One referral and what happens to it; steps after now are dropped, so recent referrals are still open. */
    private Served planReferral(String caseId, RegisterPartner owner, Actor agent, Instant requested) {
        ServiceCategory category = DemoNetwork.pick(random, List.of(ServiceCategory.values()));
        List<RegisterPartner> providers = partners.stream().filter(p -> !p.partnerId().equals(owner.partnerId()))
                .filter(p -> p.services().stream().map(ServiceOffer::category).anyMatch(category::equals)).toList();
        if (providers.isEmpty()) {
            return null;
        }
        RegisterPartner provider = providers.stream().filter(p -> p.regions().contains(owner.regions().get(0)))
                .findFirst().filter(p -> random.nextInt(10) < 7).orElse(DemoNetwork.pick(random, providers));
        Actor receiver = Actor.partnerAgent("demo-" + provider.partnerId(), provider.partnerId());
        Urgency urgency = random.nextInt(100) < 15 ? Urgency.EMERGENCY : random.nextInt(100) < 40 ? Urgency.PRIORITY : Urgency.ROUTINE;
        String id = uuid();
        add(new Step(requested, new MakeReferral(id, caseId, provider.partnerId(), category, urgency,
                                                 "besoin identifié lors de l'entretien de retour", null,
                                                 goalId(caseId, category.dimension()), null), agent, caseId));
        double window = urgency.responseTime().toHours();
        int fate = random.nextInt(100);
        if (fate < 7) {
            return new Served(category, null); // never answered: overdue, then expired by the deadline scan
        }
        Instant answered = requested.plus(Duration.ofMinutes((long) (60 * (0.5 + random.nextDouble() * window * (fate < 80 ? 0.7 : 1.3)))));
        if (fate < 20) {
            add(new Step(answered, new DeclineReferral(id, null, DemoNetwork.pick(random, List.of(DeclineReason.NO_CAPACITY,
                    DeclineReason.OUT_OF_SERVICE_AREA, DeclineReason.NOT_ELIGIBLE, DeclineReason.MISSING_INFORMATION)), null), receiver, caseId));
            List<RegisterPartner> others = providers.stream().filter(p -> !p.partnerId().equals(provider.partnerId())).toList();
            if (!others.isEmpty() && random.nextInt(10) < 6) {
                Instant redirected = answered.plus(Duration.ofHours(2 + random.nextInt(48)));
                add(new Step(redirected, new RedirectReferral(id, null, uuid(), DemoNetwork.pick(random, others).partnerId(),
                                                              "réorientation après refus", null), agent, caseId));
            }
            return new Served(category, null);
        }
        if (fate < 25) {
            add(new Step(answered, new CancelReferral(id, null, "besoin couvert autrement"), agent, caseId));
            return new Served(category, null);
        }
        add(new Step(answered, new AcceptReferral(id, null, null), receiver, caseId));
        Instant started = answered.plus(Duration.ofHours(4 + random.nextInt(96)));
        add(new Step(started, new StartService(id, null, null), receiver, caseId));
        int course = random.nextInt(100);
        if (course < 8) {
            add(new Step(started.plus(Duration.ofDays(2)), new PutReferralOnHold(id, null, "en attente de documents"), receiver, caseId));
            return new Served(category, null);
        }
        Instant ended = started.plus(Duration.ofHours(24 + random.nextInt(24 * 20)));
        if (course < 18) {
            add(new Step(ended, new FailService(id, null, DemoNetwork.pick(random, List.of(FailureReason.CLIENT_UNREACHABLE,
                    FailureReason.CLIENT_WITHDREW)), null), receiver, caseId));
        } else {
            add(new Step(ended, new DeliverService(id, null, random.nextInt(6) == 0 ? DeliveryOutcome.PARTIALLY_PROVIDED
                    : DeliveryOutcome.SERVICE_PROVIDED, null), receiver, caseId));
        }
        if (course >= 13) { // some failed services the referrer has not closed yet
            Instant closed = ended.plus(Duration.ofHours(12 + random.nextInt(96)));
            boolean met = course >= 18;
            Random quality = new Random(id.hashCode()); // the returnee's answers: not drawn from the network's generator
            boolean asked = quality.nextInt(10) < 7;
            add(new Step(closed, new CloseReferral(id, null, met ? ReferralClosureReason.NEED_MET : ReferralClosureReason.NEED_NOT_MET,
                    null, met || quality.nextBoolean(), asked ? (met ? 3 + quality.nextInt(3) : 1 + quality.nextInt(3)) : null, null),
                    agent, caseId));
            return new Served(category, met ? closed : null);
        }
        return new Served(category, null);
    }

    private void add(Step step) {
        if (!step.at().isAfter(now)) {
            pending.add(step);
        }
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** All steps, for tests and small plans. */
    List<Step> toList() {
        List<Step> all = new ArrayList<>();
        forEachRemaining(all::add);
        return all;
    }
}
