package org.referrals.query.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;

/**
 * How far every segment of a streaming projection has come: as this node processes it, or as the token store holds
 * it for a segment this node has not claimed. A processor's own status names only the segments it claimed, so right
 * after a crash (the dead process keeps its claims for 10 s) a projection with three of four segments claimed and
 * caught up looked caught up, and a verification compared read models a segment had not yet brought up to date
 * (found by the kill -9 harness once the application started in 5 s).
 *
 * @param total     segments in the token store (or claimed here, before the store lists them)
 * @param unclaimed of those, the segments this node does not process now
 * @param lowest    the lowest position among them, -1 for a segment that has seen no event; null without segments
 */
public record SegmentPositions(int total, int unclaimed, Long lowest) {

    public static SegmentPositions of(StreamingEventProcessor processor, StoredTokens stored) {
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        Map<Integer, Long> positions = new HashMap<>();
        int unclaimed = 0;
        for (Map.Entry<Integer, TrackingToken> segment : stored.of(processor.getName()).entrySet()) {
            if (!claimed.containsKey(segment.getKey())) {
                unclaimed++;
                positions.put(segment.getKey(), position(segment.getValue() == null ? OptionalLong.empty() : segment.getValue().position()));
            }
        }
        claimed.forEach((segment, status) -> positions.put(segment, position(status.getCurrentPosition())));
        Long lowest = positions.values().stream().min(Long::compare).orElse(null);
        return new SegmentPositions(positions.size(), unclaimed, lowest);
    }

    /** Whether every segment has reached that position (without segments, only an empty store's -1). */
    public boolean passed(long position) {
        return (lowest == null ? -1 : lowest) >= position;
    }

    /** Events in the store beyond the lowest position ({@code head} -1: an empty store). */
    public long lag(long head) {
        return head < 0 ? 0 : lowest == null ? head + 1 : Math.max(0, head - lowest);
    }

    private static long position(OptionalLong position) {
        return position.orElse(-1);
    }
}
