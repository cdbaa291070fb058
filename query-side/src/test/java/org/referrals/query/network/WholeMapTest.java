package org.referrals.query.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.referrals.api.partner.NetworkMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** When the whole map is built again: on a moved version (not sooner than half a second after the last), or after a failure. */
class WholeMapTest {

    private final AtomicLong version = new AtomicLong();
    private final AtomicInteger builds = new AtomicInteger();

    private WholeMap map(Mono<WholeMap.Built> build) {
        return new WholeMap(Mono.fromCallable(version::get), () -> {
            builds.incrementAndGet();
            return build;
        });
    }

    private static Mono<WholeMap.Built> slowBuild() {
        return Mono.fromCallable(() -> new WholeMap.Built(new NetworkMap(List.of(), List.of()), new byte[] {'{', '}'}))
                   .delayElement(Duration.ofMillis(100));
    }

    @Test
    void concurrentRequestsShareOneBuildAndItIsKeptWhileTheVersionStays() throws InterruptedException {
        WholeMap whole = map(slowBuild());
        List<WholeMap.Built> answers = Flux.range(0, 16).flatMap(i -> whole.get().subscribeOn(Schedulers.parallel()))
                                           .collectList().block();

        assertThat(answers).hasSize(16).allSatisfy(answer -> assertThat(answer).isSameAs(answers.get(0)));
        Thread.sleep(600);
        assertThat(whole.get().block()).isSameAs(answers.get(0));
        assertThat(builds).hasValue(1);
    }

    @Test
    void aMovedVersionBuildsAgainButNotWithinHalfASecondOfTheLastBuild() throws InterruptedException {
        WholeMap whole = map(slowBuild());
        WholeMap.Built first = whole.get().block();

        version.incrementAndGet();
        assertThat(whole.get().block()).as("within half a second").isSameAs(first);
        Thread.sleep(600);
        WholeMap.Built second = whole.get().block();
        assertThat(second).isNotSameAs(first);
        assertThat(builds).hasValue(2);
    }

    @Test
    void aFailedBuildIsNotKept() {
        AtomicInteger attempts = new AtomicInteger();
        WholeMap whole = map(Mono.defer(() -> attempts.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("MongoDB unreachable"))
                : slowBuild()));

        assertThatThrownBy(() -> whole.get().block()).hasMessageContaining("unreachable");
        assertThat(whole.get().block()).isNotNull();
        assertThat(attempts).hasValue(2);
    }
}
