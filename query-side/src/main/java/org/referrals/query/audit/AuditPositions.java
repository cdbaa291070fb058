package org.referrals.query.audit;

import java.util.Collections;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;

/**
 * Positions in the event store as the audit chain uses them: an event's position is its tracking token's
 * ({@code globalIndex} of the JDBC store, the global sequence of Axon Server).
 */
final class AuditPositions {

    private AuditPositions() {
    }

    /** The event as stored, at the position its stream gave it. */
    static StoredEvent stored(TrackedEventMessage<?> message, Serializer storedWith) {
        long position = message.trackingToken().position()
                               .orElseThrow(() -> new IllegalStateException("the event store gives no position"));
        return StoredEvent.of(message, position, storedWith);
    }

    /**
     * A token from which the store's stream starts right after {@code head}, in the kind of token the store uses:
     * the JDBC store's gap-aware one (its gaps below the head were passed already), or Axon Server's global
     * sequence. An empty chain starts at the store's first event.
     */
    static TrackingToken tokenAfter(StreamableMessageSource<?> store, AuditChainer.Head head) {
        if (head.count() == 0) {
            return null;
        }
        TrackingToken tail = store.createTailToken();
        if (tail instanceof GlobalSequenceTrackingToken) {
            return new GlobalSequenceTrackingToken(head.position());
        }
        return GapAwareTrackingToken.newInstance(head.position(), Collections.emptySortedSet());
    }
}
