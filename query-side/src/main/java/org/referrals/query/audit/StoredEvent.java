package org.referrals.query.audit;

/**
 * One event exactly as the event store holds it: the text of payload and metadata as stored (personal data in it
 * is ciphertext, so erasing a case's key does not change what the audit chain covers).
 *
 * @param position the event's global index in the store, the {@code seq} of timelines and of the audit chain
 */
public record StoredEvent(long position, String eventId, String payloadType, String aggregateId, long aggregateSeq,
                          String timeStamp, String metaData, String payload) {
}
