package org.referrals.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.referrals.query.common.ReadProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Events a projection could not handle, parked with the rest of their aggregate's events: list, retry, evict. */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dead letters", description = "Events a projection failed on, parked per aggregate")
public class DeadLetterAdminController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdminController.class);
    /** Longer exception messages are cut: they are for recognising the failure, not for carrying data. */
    private static final int CAUSE_LENGTH = 300;

    private final EventProcessingConfiguration processing;

    public DeadLetterAdminController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @GetMapping
    @Operation(operationId = "listDeadLetters", summary = "Every parked sequence of every projection", description = "Role: ADMIN.")
    public Mono<List<DeadLetterView>> deadLetters() {
        return Mono.fromCallable(() -> {
            List<DeadLetterView> views = new ArrayList<>();
            for (String projection : new java.util.TreeSet<>(processing.eventProcessors().keySet())) {
                processing.deadLetterQueue(projection).ifPresent(queue -> queue.deadLetters().forEach(
                        sequence -> views.add(view(projection, sequence))));
            }
            return views;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping
    @Operation(operationId = "actOnDeadLetters", summary = "Retry or evict parked events",
               description = "Role: ADMIN. RETRY hands the sequence whose first event is eventId (or, without eventId, "
                             + "every sequence of the projection) to the projection again; a sequence that fails again "
                             + "stays parked. EVICT drops that sequence: its events stay missing from the read model "
                             + "until the projection is rebuilt.")
    public Mono<DeadLetterOutcome> act(@RequestBody DeadLetterAction request) {
        if (request == null || request.projection() == null || request.projection().isBlank()) {
            throw ReadProblems.badRequest("projection", "is required");
        }
        if (request.action() == null) {
            throw ReadProblems.badRequest("action", "must be one of " + java.util.Arrays.toString(DeadLetterAction.Action.values()));
        }
        if (request.action() == DeadLetterAction.Action.EVICT && request.eventId() == null) {
            throw ReadProblems.badRequest("eventId", "is required to evict");
        }
        return Mono.fromCallable(() -> {
            SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(request.projection())
                                                                        .orElseThrow(ReadProblems::notFound);
            int handled = request.action() == DeadLetterAction.Action.RETRY ? retry(request) : evict(queue, request.eventId());
            log.info("dead letters of {}: {} sequence(s) {}", request.projection(), handled,
                     request.action() == DeadLetterAction.Action.RETRY ? "retried successfully" : "evicted");
            return new DeadLetterOutcome(request.projection(), request.action(), handled, queue.amountOfSequences());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private int retry(DeadLetterAction request) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(request.projection()).orElseThrow(ReadProblems::notFound);
        if (request.eventId() != null) {
            requireHead(processing.deadLetterQueue(request.projection()).orElseThrow(), request.eventId());
            return processor.process(letter -> letter.message().getIdentifier().equals(request.eventId())) ? 1 : 0;
        }
        int handled = 0;
        long sequences = processing.deadLetterQueue(request.projection()).orElseThrow().amountOfSequences();
        // each sequence is offered once: one that fails again is put back and not taken twice in this request
        for (long i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                handled++;
            }
        }
        return handled;
    }

    private static int evict(SequencedDeadLetterQueue<EventMessage<?>> queue, String eventId) {
        Iterable<DeadLetter<? extends EventMessage<?>>> sequence = requireHead(queue, eventId);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        sequence.forEach(letters::add);
        letters.forEach(queue::evict);
        return 1;
    }

    /** The parked sequence whose first event is eventId, or 404. */
    private static Iterable<DeadLetter<? extends EventMessage<?>>> requireHead(SequencedDeadLetterQueue<EventMessage<?>> queue,
                                                                               String eventId) {
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            var letters = sequence.iterator();
            if (letters.hasNext() && letters.next().message().getIdentifier().equals(eventId)) {
                return sequence;
            }
        }
        throw ReadProblems.notFound();
    }

    private static DeadLetterView view(String projection, Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
        // read once: the queue's iterables may query MongoDB each time they are walked
        List<DeadLetter<? extends EventMessage<?>>> parked = StreamSupport.stream(sequence.spliterator(), false).toList();
        List<DeadLetterView.Letter> letters = parked.stream().map(DeadLetterAdminController::letter).toList();
        EventMessage<?> first = parked.get(0).message();
        String aggregateId = first instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        return new DeadLetterView(projection, first.getIdentifier(), aggregateId, letters);
    }

    private static DeadLetterView.Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        Long sequenceNumber = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        String causeType = letter.cause().map(cause -> cause.type()).orElse(null);
        String causeMessage = letter.cause().map(cause -> cause.message())
                                    .map(message -> message.length() > CAUSE_LENGTH ? message.substring(0, CAUSE_LENGTH) + "…" : message)
                                    .orElse(null);
        return new DeadLetterView.Letter(event.getIdentifier(), event.getPayloadType().getSimpleName(), sequenceNumber,
                                         letter.enqueuedAt(), letter.lastTouched(), causeType, causeMessage);
    }
}
