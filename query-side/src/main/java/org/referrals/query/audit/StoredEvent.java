package org.referrals.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.common.DateTimeUtils;

/**
 * One event exactly as the event store holds it: the text of payload and metadata as stored (personal data in it
 * is ciphertext, so erasing a case's key does not change what the audit chain covers).
 *
 * @param position the event's global index in the store, the {@code seq} of timelines and of the audit chain
 */
public record StoredEvent(long position, String eventId, String payloadType, String aggregateId, long aggregateSeq,
                          String timeStamp, String metaData, String payload) {

    /**
     * The event as stored, from a message read through Axon (any event store). Given the serializer the store wrote
     * it with, Axon hands back the stored text itself rather than serialising the payload again, so a changed byte
     * in the store changes the hash; the time is written as Axon's JDBC engine writes it.
     */
    public static StoredEvent of(EventMessage<?> message, long position, Serializer storedWith) {
        SerializedObject<String> payload = message.serializePayload(storedWith, String.class);
        SerializedObject<String> metaData = message.serializeMetaData(storedWith, String.class);
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        return new StoredEvent(position, message.getIdentifier(), payload.getType().getName(),
                               domain == null ? message.getIdentifier() : domain.getAggregateIdentifier(),
                               domain == null ? 0 : domain.getSequenceNumber(),
                               DateTimeUtils.formatInstant(message.getTimestamp()), metaData.getData(), payload.getData());
    }
}
