package org.referrals.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** A projection is only as far as its slowest segment, claimed here or not. */
class SegmentPositionsTest {

    private static EventTrackerStatus at(long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }

    private static StreamingEventProcessor claiming(Map<Integer, EventTrackerStatus> claimed) {
        StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        when(processor.getName()).thenReturn("referrals");
        when(processor.processingStatus()).thenReturn(claimed);
        return processor;
    }

    private static StoredTokens stored(Long... positions) {
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        for (int segment = 0; segment < positions.length; segment++) {
            tokens.put(segment, positions[segment] == null ? null : new GlobalSequenceTrackingToken(positions[segment]));
        }
        return name -> name.equals("referrals") ? tokens : Map.of();
    }

    @Test
    void aSegmentNotClaimedHereCountsAtItsStoredToken() {
        // a crashed process still holds segment 0, stored at 5; this node processed the others up to 10
        var positions = SegmentPositions.of(claiming(Map.of(1, at(10), 2, at(10), 3, at(10))), stored(5L, 8L, 8L, 8L));
        assertThat(positions).isEqualTo(new SegmentPositions(4, 1, 5L));
        assertThat(positions.lag(10)).isEqualTo(5);
        assertThat(positions.passed(10)).isFalse();
        assertThat(positions.passed(5)).isTrue();
    }

    @Test
    void claimedSegmentsCountAtTheirLivePositionAheadOfTheStoredOne() {
        var positions = SegmentPositions.of(claiming(Map.of(0, at(10), 1, at(12))), stored(7L, 7L));
        assertThat(positions).isEqualTo(new SegmentPositions(2, 0, 10L));
        assertThat(positions.lag(12)).isEqualTo(2);
        assertThat(positions.passed(10)).isTrue();
    }

    @Test
    void aSegmentWithoutEventsIsBehindEverything() {
        var positions = SegmentPositions.of(claiming(Map.of()), stored(null, 3L));
        assertThat(positions).isEqualTo(new SegmentPositions(2, 2, -1L));
        assertThat(positions.lag(3)).isEqualTo(4);
        assertThat(positions.lag(-1)).as("an empty store").isZero();
        assertThat(positions.passed(-1)).isTrue();
        assertThat(positions.passed(0)).isFalse();
    }

    @Test
    void withoutAnySegmentNothingHasPassedAnEvent() {
        var positions = SegmentPositions.of(claiming(Map.of()), stored());
        assertThat(positions.lowest()).isNull();
        assertThat(positions.lag(4)).isEqualTo(5);
        assertThat(positions.passed(0)).isFalse();
        assertThat(positions.passed(-1)).isTrue();
    }
}
