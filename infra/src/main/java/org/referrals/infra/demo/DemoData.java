package org.referrals.infra.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.referrals.api.apikey.IssueApiKey;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.RegisterCase;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.AgreePartnership;
import org.referrals.api.partner.PartnerKind;
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
import org.referrals.command.apikey.ApiKeySecrets;
import org.referrals.command.common.CommandRefusedException;
import org.referrals.command.common.SystemCommands;
import org.referrals.command.referral.deadline.DeadlineScanner;
import org.referrals.infra.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code --referrals.demo=true}: fills an empty system with a living network (40 partners across Moroccan regions,
 * 300 cases, referrals in every state) whose history spans the last 120 days, by sending the same commands the API
 * sends, with the clock moved back ({@link ShiftableClock}) so dates and response times are plausible. The
 * deadline scan runs along, so unanswered referrals turn overdue and expire. Writes a coordinator's and a partner
 * agent's API key to {@code <data dir>/demo-keys.txt} (mode 0600). Does nothing when the demo partners exist.
 */
@Component
@ConditionalOnProperty(name = "referrals.demo", havingValue = "true")
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Duration HISTORY = Duration.ofDays(120);
    private static final int CASES = 300;
    private static final Actor COORDINATOR = Actor.coordinator("demo-coordinator");

    private final CommandGateway commands;
    private final EventStore events;
    private final Clock clock;
    private final DeadlineScanner deadlines;
    private final DataDirectory dataDirectory;
    private final Random random = new Random(20261129);

    /** One command of the planned history, at the moment it happens. */
    private record Step(Instant at, Object command, Actor actor) {
    }

    public DemoData(CommandGateway commands, EventStore events, Clock clock, DeadlineScanner deadlines,
                    DataDirectory dataDirectory) {
        this.commands = commands;
        this.events = events;
        this.clock = clock;
        this.deadlines = deadlines;
        this.dataDirectory = dataDirectory;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void fill() throws IOException {
        if (!(clock instanceof ShiftableClock time)) {
            throw new IllegalStateException("demo data needs the demo clock (referrals.demo=true)");
        }
        List<RegisterPartner> partners = DemoNetwork.partners(random);
        if (events.readEvents(partners.get(0).partnerId()).hasNext()) {
            log.info("demo data: already there, nothing added");
            return;
        }
        Instant now = Instant.now();
        Instant start = now.minus(HISTORY);
        List<Step> plan = plan(partners, start, now);
        log.info("demo data: writing {} commands of a {}-day history", plan.size(), HISTORY.toDays());
        int done = 0;
        int refused = 0;
        Instant lastScan = start;
        for (Step step : plan) {
            time.travelTo(step.at());
            if (Duration.between(lastScan, step.at()).toHours() >= 6) {
                deadlines.scan(step.at());
                lastScan = step.at();
            }
            try {
                SystemCommands.send(commands, step.command(), step.actor());
            } catch (CommandRefusedException refusedByTheDomain) {
                refused++; // e.g. an answer planned after the deadline scan expired the referral
            }
            if (++done % 250 == 0) {
                log.info("demo data: {} of {} commands", done, plan.size());
            }
        }
        time.backToNow();
        deadlines.scan(clock.instant());
        Path keys = writeKeys(partners);
        log.info("demo data: done, {} commands ({} refused by the rules as planned); API keys in {}", done, refused, keys);
    }

    private List<Step> plan(List<RegisterPartner> partners, Instant start, Instant now) {
        List<Step> plan = new ArrayList<>();
        for (RegisterPartner partner : partners) {
            plan.add(new Step(start, partner, COORDINATOR));
        }
        for (int i = 0; i < 15; i++) {
            RegisterPartner a = DemoNetwork.pick(random, partners);
            RegisterPartner b = DemoNetwork.pick(random, partners);
            if (!a.partnerId().equals(b.partnerId())) {
                String first = a.partnerId().compareTo(b.partnerId()) < 0 ? a.partnerId() : b.partnerId();
                String second = first.equals(a.partnerId()) ? b.partnerId() : a.partnerId();
                plan.add(new Step(start.plus(Duration.ofDays(1 + i)), new AgreePartnership(first, second, "accord de coopération"), COORDINATOR));
            }
        }
        List<RegisterPartner> referrers = partners.stream()
                .filter(p -> p.kind() == PartnerKind.NGO || p.kind() == PartnerKind.UN_AGENCY).toList();
        for (int i = 0; i < CASES; i++) {
            RegisterPartner owner = DemoNetwork.pick(random, referrers);
            Actor agent = Actor.partnerAgent("demo-" + owner.partnerId(), owner.partnerId());
            Instant registered = start.plus(Duration.ofDays(3)).plusSeconds((long) (random.nextDouble() * (HISTORY.toSeconds() - 4 * 86_400L)));
            var person = DemoNetwork.person(random);
            String caseId = uuid();
            Set<Vulnerability> vulnerabilities = random.nextInt(3) == 0 ? Set.of(DemoNetwork.pick(random, List.of(Vulnerability.values()))) : Set.of();
            plan.add(new Step(registered, new RegisterCase(caseId, person, vulnerabilities, person.nationality(), uuid(),
                    new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(), null)), agent));
            int referrals = 1 + (random.nextInt(10) < 3 ? 1 : 0) + (random.nextInt(10) == 0 ? 1 : 0);
            Instant at = registered;
            for (int r = 0; r < referrals; r++) {
                at = at.plus(Duration.ofHours(1 + random.nextInt(72)));
                planReferral(plan, partners, caseId, owner, agent, at, now);
            }
        }
        plan.removeIf(step -> step.at().isAfter(now));
        plan.sort(Comparator.comparing(Step::at));
        return plan;
    }

    /** One referral and what happens to it; steps after now are dropped, so recent referrals are still open. */
    private void planReferral(List<Step> plan, List<RegisterPartner> partners, String caseId, RegisterPartner owner,
                              Actor agent, Instant requested, Instant now) {
        ServiceCategory category = DemoNetwork.pick(random, List.of(ServiceCategory.values()));
        List<RegisterPartner> providers = partners.stream().filter(p -> !p.partnerId().equals(owner.partnerId()))
                .filter(p -> p.services().stream().map(ServiceOffer::category).anyMatch(category::equals)).toList();
        if (providers.isEmpty()) {
            return;
        }
        RegisterPartner provider = providers.stream().filter(p -> p.regions().contains(owner.regions().get(0)))
                .findFirst().filter(p -> random.nextInt(10) < 7).orElse(DemoNetwork.pick(random, providers));
        Actor receiver = Actor.partnerAgent("demo-" + provider.partnerId(), provider.partnerId());
        Urgency urgency = random.nextInt(100) < 15 ? Urgency.EMERGENCY : random.nextInt(100) < 40 ? Urgency.PRIORITY : Urgency.ROUTINE;
        String id = uuid();
        plan.add(new Step(requested, new MakeReferral(id, caseId, provider.partnerId(), category, urgency,
                                                      "besoin identifié lors de l'entretien de retour", null), agent));
        double window = urgency.responseTime().toHours();
        int fate = random.nextInt(100);
        if (fate < 7) {
            return; // never answered: overdue, then expired by the deadline scan
        }
        Instant answered = requested.plus(Duration.ofMinutes((long) (60 * (0.5 + random.nextDouble() * window * (fate < 80 ? 0.7 : 1.3)))));
        if (fate < 20) {
            plan.add(new Step(answered, new DeclineReferral(id, null, DemoNetwork.pick(random, List.of(DeclineReason.NO_CAPACITY,
                    DeclineReason.OUT_OF_SERVICE_AREA, DeclineReason.NOT_ELIGIBLE, DeclineReason.MISSING_INFORMATION)), null), receiver));
            List<RegisterPartner> others = providers.stream().filter(p -> !p.partnerId().equals(provider.partnerId())).toList();
            if (!others.isEmpty() && random.nextInt(10) < 6) {
                String newId = uuid();
                Instant redirected = answered.plus(Duration.ofHours(2 + random.nextInt(48)));
                plan.add(new Step(redirected, new RedirectReferral(id, null, newId, DemoNetwork.pick(random, others).partnerId(),
                                                                   "réorientation après refus", null), agent));
            }
            return;
        }
        if (fate < 25) {
            plan.add(new Step(answered, new CancelReferral(id, null, "besoin couvert autrement"), agent));
            return;
        }
        plan.add(new Step(answered, new AcceptReferral(id, null, null), receiver));
        Instant started = answered.plus(Duration.ofHours(4 + random.nextInt(96)));
        plan.add(new Step(started, new StartService(id, null, null), receiver));
        int course = random.nextInt(100);
        if (course < 8) {
            plan.add(new Step(started.plus(Duration.ofDays(2)), new PutReferralOnHold(id, null, "en attente de documents"), receiver));
            return;
        }
        Instant ended = started.plus(Duration.ofHours(24 + random.nextInt(24 * 20)));
        if (course < 18) {
            plan.add(new Step(ended, new FailService(id, null, DemoNetwork.pick(random, List.of(FailureReason.CLIENT_UNREACHABLE,
                    FailureReason.CLIENT_WITHDREW)), null), receiver));
        } else {
            plan.add(new Step(ended, new DeliverService(id, null, random.nextInt(6) == 0 ? DeliveryOutcome.PARTIALLY_PROVIDED
                    : DeliveryOutcome.SERVICE_PROVIDED, null), receiver));
        }
        if (course >= 13) { // some failed services the referrer has not closed yet
            plan.add(new Step(ended.plus(Duration.ofHours(12 + random.nextInt(96))), new CloseReferral(id, null,
                    course < 18 ? ReferralClosureReason.NEED_NOT_MET : ReferralClosureReason.NEED_MET, null), agent));
        }
    }

    private Path writeKeys(List<RegisterPartner> partners) throws IOException {
        String busiest = partners.stream().filter(p -> p.kind() == PartnerKind.HEALTH_FACILITY).findFirst().orElseThrow().partnerId();
        String coordinator = issue(Role.COORDINATOR, null, "demo coordinator");
        String agent = issue(Role.PARTNER_AGENT, busiest, "demo agent of " + busiest);
        Path file = dataDirectory.resolve("demo-keys.txt");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "COORDINATOR " + coordinator + "\nPARTNER_AGENT " + busiest + " " + agent + "\n");
        return file;
    }

    private String issue(Role role, String partnerId, String label) {
        String keyId = ApiKeySecrets.newKeyId();
        String secret = ApiKeySecrets.newSecret();
        String salt = ApiKeySecrets.newSalt();
        SystemCommands.send(commands, new IssueApiKey(keyId, role, partnerId, label, salt, ApiKeySecrets.hash(salt, secret)),
                            Actor.admin("demo"));
        return ApiKeySecrets.format(keyId, secret);
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
