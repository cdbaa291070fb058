package org.referrals.query.audit;

import java.util.Collection;
import java.util.List;

/** Read access to the event store as stored, bypassing Axon's deserialisation (port; the adapter is in infra). */
public interface StoredEvents {

    /** At most {@code limit} events with a position above {@code position}, in order of position. */
    List<StoredEvent> after(long position, int limit);

    /** The events at these positions that exist, in order of position. */
    List<StoredEvent> at(Collection<Long> positions);

    /** The events with these identifiers that exist, in order of position. */
    List<StoredEvent> withIds(Collection<String> eventIds);
}
