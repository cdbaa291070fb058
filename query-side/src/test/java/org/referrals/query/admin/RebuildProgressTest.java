package org.referrals.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.junit.jupiter.api.Test;

/** The rebuild percentage of {@code GET /api/admin/projections}: positions passed out of those to replay. */
class RebuildProgressTest {

    private static EventTrackerStatus segment(long current, long resetAt) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(current));
        when(status.getResetPosition()).thenReturn(OptionalLong.of(resetAt));
        return status;
    }

    @Test
    void progressIsTheShareOfTheResetPositionsReached() {
        assertThat(ProjectionAdminController.rebuildProgress(List.of(segment(0, 1000)))).isZero();
        assertThat(ProjectionAdminController.rebuildProgress(List.of(segment(250, 1000), segment(750, 1000)))).isEqualTo(50);
        assertThat(ProjectionAdminController.rebuildProgress(List.of(segment(1000, 1000), segment(1200, 1000)))).isEqualTo(100);
    }
}
