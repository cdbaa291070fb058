package org.referrals.api.idempotency;

import org.axonframework.serialization.Revision;

/**
 * A request with an {@code Idempotency-Key} succeeded: recorded in the same commit as the events it caused, so
 * that a repeat is answered from the event store. {@code result} is the command's result serialized as JSON.
 *
 * @param recordId    derived from the caller and the key
 * @param requestHash SHA-256 of method, path and body, to tell a repeat from a different request under the same key
 */
@Revision("1")
public record IdempotentRequestCompleted(String recordId, String requestHash, String resultType, String result) {
}
