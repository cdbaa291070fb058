package org.referrals.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.referrals.query.common.ReadProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Operators' view of the projections: position, lag and rebuild progress; rebuild one from the event store. */
@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Projections", description = "Read models: status and rebuild")
public class ProjectionAdminController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdminController.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProjectionVerifier verifier;
    private final StoredTokens storedTokens;

    public ProjectionAdminController(EventProcessingConfiguration processing, EventStore eventStore, ProjectionVerifier verifier,
                                     StoredTokens storedTokens) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.verifier = verifier;
        this.storedTokens = storedTokens;
    }

    @PostMapping("/verify")
    @Operation(operationId = "verifyProjections", summary = "Verify the read models against the events",
               description = "Role: ADMIN. Rebuilds the referrals (with their index, listing, figure buckets and each case's referrals), cases "
                             + "and partners from the events up to the store's head into a scratch database and "
                             + "compares them document by document with the live ones. Runs in the background (202); one at "
                             + "a time (a second request answers the running one). Follow it with GET.")
    public Mono<ResponseEntity<VerificationReport>> verify() {
        return Mono.fromCallable(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body(verifier.start()))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/verify")
    @Operation(operationId = "getProjectionVerification", summary = "The latest verification: progress, then per read model the documents compared and the differences",
               description = "Role: ADMIN. 404 before the first.")
    public Mono<VerificationReport> verification() {
        return Mono.justOrEmpty(verifier.latest()).switchIfEmpty(Mono.error(ReadProblems::notFound));
    }

    @GetMapping
    @Operation(operationId = "listProjections", summary = "Every streaming projection: position, lag in events, rebuild progress",
               description = "Role: ADMIN. Position and lag count every segment, also those this node has not claimed "
                             + "(unclaimedSegments: another node's, or a crashed process's for 10 s), at their stored token.")
    public Mono<List<ProjectionStatus>> projections() {
        return Mono.fromCallable(() -> {
            long head = position(eventStore.createHeadToken());
            return processing.eventProcessors().values().stream()
                             .filter(StreamingEventProcessor.class::isInstance)
                             .map(StreamingEventProcessor.class::cast)
                             .map(processor -> status(processor, head))
                             .sorted(java.util.Comparator.comparing(ProjectionStatus::name))
                             .toList();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/{name}/rebuild")
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a projection from the start of the event store",
               description = "Role: ADMIN. The application keeps serving; the read model fills up again as the "
                             + "replay advances (follow it in GET /api/admin/projections). 202 when started.")
    public Mono<ResponseEntity<ProjectionStatus>> rebuild(@PathVariable String name) {
        return Mono.fromCallable(() -> {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                                                          .orElseThrow(ReadProblems::notFound);
            log.info("rebuilding projection {}", name);
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                                 .body(status(processor, position(eventStore.createHeadToken())));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private ProjectionStatus status(StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        SegmentPositions positions = SegmentPositions.of(processor, storedTokens);
        // Axon leaves a segment "replaying" until an event beyond the reset point arrives; the rebuild itself is
        // done once every segment reached the position it was reset at
        boolean rebuilding = segments.stream().anyMatch(ProjectionAdminController::behindResetPosition);
        Integer progress = rebuilding ? rebuildProgress(segments) : null;
        boolean error = segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        Long position = positions.lowest() == null || positions.lowest() < 0 ? null : positions.lowest();
        return new ProjectionStatus(processor.getName(), processor.isRunning(), error, positions.total(), positions.unclaimed(),
                                    position, positions.lag(head), rebuilding, progress);
    }

    private static boolean behindResetPosition(EventTrackerStatus segment) {
        return segment.isReplaying() && segment.getResetPosition().isPresent()
                && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().getAsLong();
    }

    /** Of a replay, the share of the positions up to where the reset happened that every segment has passed. */
    static Integer rebuildProgress(Collection<EventTrackerStatus> segments) {
        long done = 0;
        long total = 0;
        for (EventTrackerStatus segment : segments) {
            OptionalLong reset = segment.getResetPosition();
            OptionalLong current = segment.getCurrentPosition();
            if (reset.isPresent()) {
                total += Math.max(1, reset.getAsLong());
                done += Math.min(current.orElse(0), reset.getAsLong());
            }
        }
        return total == 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
