package org.referrals.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.function.Supplier;
import org.referrals.api.audit.AuditCheckpoint;
import org.referrals.api.audit.AuditVerification;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.query.common.ReadProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The tamper-evident audit chain: verification against the event store, and the head to sign as a checkpoint. */
@RestController
@Tag(name = "Audit")
public class AuditController {

    private final AuditChainer chainer;
    private final AuditVerifier verifier;
    private final Clock clock;

    public AuditController(AuditChainer chainer, AuditVerifier verifier, Clock clock) {
        this.chainer = chainer;
        this.verifier = verifier;
        this.clock = clock;
    }

    @GetMapping("/api/audit/verify")
    @Operation(operationId = "verifyAuditChain", summary = "Recompute the audit chain from the event store",
               description = "COORDINATOR, ADMIN. `firstBrokenSeq` is the position of the first event changed, removed, "
                       + "moved or slipped in. With `checkpointSeq` and `checkpointHash` (a signed checkpoint), also "
                       + "checks that the recomputed chain still passes through it.")
    public Mono<AuditVerification> verify(@AuthenticationPrincipal Actor actor,
                                          @Parameter(description = "position of a signed checkpoint")
                                          @RequestParam(required = false) Long checkpointSeq,
                                          @Parameter(description = "head hash of that checkpoint")
                                          @RequestParam(required = false) String checkpointHash) {
        if ((checkpointSeq == null) != (checkpointHash == null)) {
            return Mono.error(ReadProblems.badRequest("checkpointHash", "checkpointSeq and checkpointHash go together"));
        }
        return blocking(actor, () -> verifier.verify(checkpointSeq, checkpointHash));
    }

    @GetMapping("/api/audit/checkpoint")
    @Operation(operationId = "getAuditCheckpoint", summary = "The head of the audit chain, to sign and keep outside the system",
               description = "COORDINATOR, ADMIN. See README, 'Signed audit checkpoints'.")
    public Mono<AuditCheckpoint> checkpoint(@AuthenticationPrincipal Actor actor) {
        return blocking(actor, () -> {
            AuditChainer.Head head = chainer.catchUp();
            return new AuditCheckpoint(head.count(), head.position(), head.hash(), clock.instant());
        });
    }

    private <T> Mono<T> blocking(Actor actor, Supplier<T> work) {
        if (!(actor.isCoordinator() || actor.hasRole(Role.ADMIN))) {
            return Mono.error(ReadProblems.forbidden("only coordinators and administrators verify the audit chain"));
        }
        return Mono.fromSupplier(work).subscribeOn(Schedulers.boundedElastic());
    }
}
