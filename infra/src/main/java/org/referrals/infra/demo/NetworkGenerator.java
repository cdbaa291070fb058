package org.referrals.infra.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.referrals.api.apikey.IssueApiKey;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.RegisterPartner;
import org.referrals.command.apikey.ApiKeySecrets;
import org.referrals.command.common.SystemCommands;
import org.referrals.command.referral.deadline.DeadlineScanner;
import org.referrals.infra.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills an empty system with a living network by sending the same commands the API sends, with the clock moved
 * back ({@link ShiftableClock}) so that dates and response times are plausible:
 * <ul>
 * <li>{@code --referrals.demo=true}: the demo, 40 partners across Moroccan regions and 300 cases over the last 120
 * days, written by one thread;</li>
 * <li>{@code --referrals.generate.events=N}: a network of about N events (partners in proportion, one per 300
 * cases; a history of at least 120 days, longer for large networks), reproducible from
 * {@code referrals.generate.seed}, for benchmarks.</li>
 * </ul>
 * The projections (streaming processors) are stopped while the history is written and catch up afterwards: the
 * command side writes alone, then the read models are built as a replay would build them.
 * Writes a coordinator's, an NGO caseworker's, a health facility agent's and an analyst's API key to
 * {@code <data dir>/demo-keys.txt} (mode 0600) and logs
 * "history written" when done. Does nothing when its first partner exists.
 */
@Component
@ConditionalOnExpression("${referrals.demo:false} or ${referrals.generate.events:0} > 0")
public class NetworkGenerator {

    private static final Logger log = LoggerFactory.getLogger(NetworkGenerator.class);
    /**
     * Events a planned case makes on average (registration, consent, its plan and goals, its referrals' lives),
     * measured: 24,887 events for 2,564 cases (seed 7, 20,000 asked). 7.8 before plans were part of the history.
     */
    static final double EVENTS_PER_CASE = 9.7;
    /** Commands a planned case takes on average (some commands make two events), measured the same way. */
    static final double COMMANDS_PER_CASE = 8.1;
    static final long DEMO_SEED = 20261129;

    private final CommandGateway commands;
    private final EventStore events;
    private final Clock clock;
    private final DeadlineScanner deadlines;
    private final DataDirectory dataDirectory;
    private final EventProcessingConfiguration processing;
    private final Size size;

    /** How big a network, over how long. */
    record Size(int partnerScale, int cases, Duration history, long seed) {
        static final Size DEMO = new Size(1, 300, Duration.ofDays(120), DEMO_SEED);

        static Size ofEvents(long events, long seed) {
            int cases = (int) Math.max(1, Math.round(events / EVENTS_PER_CASE));
            return new Size(Math.max(1, (int) Math.round(cases / 12_000.0)), cases,
                            Duration.ofDays(Math.max(120, cases / 150)), seed);
        }

        long expectedCommands() {
            return Math.round(cases * COMMANDS_PER_CASE);
        }
    }

    public NetworkGenerator(CommandGateway commands, EventStore events, Clock clock, DeadlineScanner deadlines,
                            DataDirectory dataDirectory, EventProcessingConfiguration processing,
                            @Value("${referrals.generate.events:0}") long generatedEvents,
                            @Value("${referrals.generate.seed:" + DEMO_SEED + "}") long seed) {
        this.commands = commands;
        this.events = events;
        this.clock = clock;
        this.deadlines = deadlines;
        this.dataDirectory = dataDirectory;
        this.processing = processing;
        this.size = generatedEvents > 0 ? Size.ofEvents(generatedEvents, seed) : Size.DEMO;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void fill() throws IOException, InterruptedException {
        if (!(clock instanceof ShiftableClock time)) {
            throw new IllegalStateException("generated data needs the shiftable clock (referrals.demo or referrals.generate.events)");
        }
        Random random = new Random(size.seed());
        List<RegisterPartner> partners = DemoNetwork.partners(random, size.partnerScale());
        if (events.readEvents(partners.get(0).partnerId()).hasNext()) {
            log.info("history: already there, nothing added");
            return;
        }
        Instant now = Instant.now();
        log.info("history: {} partners, {} cases over {} days (seed {})", partners.size(), size.cases(),
                 size.history().toDays(), size.seed());
        HistoryPlan plan = new HistoryPlan(random, partners, size.cases(), now.minus(size.history()), now);
        List<EventProcessor> projections = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).toList();
        projections.forEach(EventProcessor::shutDown);
        HistoryWriter.Written written;
        try {
            written = new HistoryWriter(commands, time, deadlines).write(plan, size.expectedCommands());
        } finally {
            projections.forEach(EventProcessor::start);
        }
        Path keys = writeKeys(partners);
        log.info("history written: {} commands ({} refused by the rules as planned) in {} s, {} commands/s; API keys in {}",
                 written.commands(), written.refused(), written.took().toSeconds(),
                 Math.round(written.commands() / Math.max(0.001, written.took().toMillis() / 1000.0)), keys);
    }

    private Path writeKeys(List<RegisterPartner> partners) throws IOException {
        String busiest = partners.stream().filter(p -> p.kind() == PartnerKind.HEALTH_FACILITY).findFirst().orElseThrow().partnerId();
        String ngo = partners.stream().filter(p -> p.kind() == PartnerKind.NGO).findFirst().orElseThrow().partnerId();
        String coordinator = issue(Role.COORDINATOR, null, "demo coordinator");
        String caseworker = issue(Role.PARTNER_AGENT, ngo, "demo caseworker of " + ngo);
        String agent = issue(Role.PARTNER_AGENT, busiest, "demo agent of " + busiest);
        String analyst = issue(Role.ANALYST, null, "demo analyst");
        Path file = dataDirectory.resolve("demo-keys.txt");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        // one line per role: the NGO's caseworker registers cases and refers them, the health facility receives
        Files.writeString(file, "COORDINATOR " + coordinator + "\nPARTNER_AGENT " + ngo + " " + caseworker
                                + "\nPARTNER_AGENT " + busiest + " " + agent + "\nANALYST " + analyst + "\n");
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
}
