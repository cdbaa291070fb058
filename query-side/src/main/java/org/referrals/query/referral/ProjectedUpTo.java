package org.referrals.query.referral;

import java.util.Map;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * How far a projection's stored tokens say it has written: the lowest position that every segment has passed with
 * no event at or below it still to come (a JDBC store's gaps are events that may yet be committed), and whether a
 * segment is replaying.
 *
 * @param position -1 when a segment has stored no token yet
 */
record ProjectedUpTo(long position, boolean replaying) {

    static ProjectedUpTo of(Map<Integer, TrackingToken> segments) {
        long lowest = segments.isEmpty() ? -1 : Long.MAX_VALUE;
        boolean replaying = false;
        for (TrackingToken token : segments.values()) {
            replaying |= token instanceof ReplayToken;
            lowest = Math.min(lowest, passed(token instanceof ReplayToken replay ? replay.getCurrentToken() : token));
        }
        return new ProjectedUpTo(lowest, replaying);
    }

    private static long passed(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        if (token instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
            return gapAware.getGaps().first() - 1;
        }
        return token.position().orElse(-1);
    }
}
