package org.referrals.infra.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The soak's heap verdict: work in flight in single samples is not a leak, a rising floor is. */
class SoakHeapVerdictTest {

    @Test
    void samplesThatSwingWithWorkInFlightAreStable() {
        // the build's 30-second run on CI, 2026-11-30
        assertThat(verdict(47, 56, 105, 106, 53, 135, 152, 74, 135, 138)).isTrue();
    }

    @Test
    void aFloorThatKeepsRisingIsNot() {
        assertThat(verdict(60, 70, 80, 90, 100, 110, 130, 150, 170, 190)).isFalse();
    }

    private static boolean verdict(long... heapMib) {
        List<SoakHarness.Sample> samples = new ArrayList<>();
        for (int i = 0; i < heapMib.length; i++) {
            samples.add(new SoakHarness.Sample(i + 1, 100L * i, 30L * i, 0, heapMib[i], 400));
        }
        return new SoakHarness.Result(Duration.ofSeconds(30), samples, Map.of()).heapStable();
    }
}
