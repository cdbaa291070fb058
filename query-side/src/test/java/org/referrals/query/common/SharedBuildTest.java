package org.referrals.query.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A shared build: one per period for all who ask, the last value while the next is built, no failure kept. */
class SharedBuildTest {

    private final AtomicInteger builds = new AtomicInteger();

    /** Each build answers its number, after 100 ms. */
    private SharedBuild<Integer> shared(Duration fresh, Duration stale) {
        return new SharedBuild<>(fresh, stale, () -> Mono.fromCallable(builds::incrementAndGet).delayElement(Duration.ofMillis(100)));
    }

    @Test
    void concurrentFirstRequestsWaitForOneBuildAndShareIt() {
        SharedBuild<Integer> shared = shared(Duration.ofMinutes(1), Duration.ofMinutes(5));
        List<Integer> answers = Flux.range(0, 16).flatMap(i -> shared.get().subscribeOn(Schedulers.parallel())).collectList().block();

        assertThat(answers).hasSize(16).containsOnly(1);
        assertThat(shared.get().block()).isEqualTo(1);
        assertThat(builds).hasValue(1);
    }

    @Test
    void afterItsPeriodTheLastValueAnswersAtOnceWhileTheNextIsBuilt() {
        SharedBuild<Integer> shared = shared(Duration.ofMillis(50), Duration.ofMinutes(5));
        assertThat(shared.get().block()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> shared.get().block() == 1 && builds.get() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> shared.get().block() == 2);
    }

    @Test
    void aValueOlderThanStaleIsNotAnsweredTheNextBuildIsWaitedFor() {
        SharedBuild<Integer> shared = shared(Duration.ofMillis(10), Duration.ofMillis(10));
        assertThat(shared.get().block()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> shared.get().block() > 1);
    }

    @Test
    void aFailedBuildIsNotKept() {
        AtomicInteger attempts = new AtomicInteger();
        SharedBuild<String> shared = new SharedBuild<>(Duration.ofMinutes(1), Duration.ofMinutes(5), () -> Mono.defer(
                () -> attempts.incrementAndGet() == 1 ? Mono.error(new IllegalStateException("MongoDB unreachable")) : Mono.just("built")));

        assertThatThrownBy(() -> shared.get().block()).hasMessageContaining("unreachable");
        assertThat(shared.get().block()).isEqualTo("built");
        assertThat(attempts).hasValue(2);
    }
}
