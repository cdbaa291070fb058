package org.referrals.query.common;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Small statistics shared by the caseload, network and statistics figures. */
public final class Figures {

    private Figures() {
    }

    /** The median, the mean of the middle two for an even count; null for no values. */
    public static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Hours from one moment to another, when both are known. */
    public static Optional<Double> hoursBetween(Instant start, Instant end) {
        return start == null || end == null ? Optional.empty()
                : Optional.of(Duration.between(start, end).toMillis() / 3_600_000.0);
    }
}
