package org.referrals.command.idempotency;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.referrals.api.idempotency.IdempotentRequestCompleted;

/**
 * What one caller's request under one {@code Idempotency-Key} produced. Its stream is created in the same commit
 * as the request's events, and the event store admits one stream per id: of two concurrent duplicates one
 * commits, the other rolls back entirely and is then answered from here.
 */
@Aggregate
public class IdempotencyRecord {

    @AggregateIdentifier
    private String recordId;
    private String requestHash;
    private String resultType;
    private String result;

    protected IdempotencyRecord() {
        // for Axon
    }

    IdempotencyRecord(IdempotentRequestCompleted completed) {
        apply(completed);
    }

    /** The stored result of the first request, if this one is the same request; else refused (HTTP 422). */
    StoredResult replayFor(String repeatedRequestHash) {
        if (!requestHash.equals(repeatedRequestHash)) {
            throw new IdempotencyKeyReusedException();
        }
        return new StoredResult(resultType, result);
    }

    record StoredResult(String type, String json) {
    }

    @EventSourcingHandler
    void on(IdempotentRequestCompleted event) {
        recordId = event.recordId();
        requestHash = event.requestHash();
        resultType = event.resultType();
        result = event.result();
    }
}
