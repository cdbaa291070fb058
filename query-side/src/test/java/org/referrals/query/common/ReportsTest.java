package org.referrals.query.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reports asked for at once are computed one after the other, each answered, errors as they were. */
class ReportsTest {

    @Test
    void reportsAskedAtOnceAreComputedOneAtATime() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> answers = Flux.range(0, 6)
                .flatMap(i -> Reports.inTurn(Mono.fromCallable(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(50);
                    running.decrementAndGet();
                    return i;
                }).subscribeOn(Schedulers.boundedElastic())))
                .collectList().block(Duration.ofSeconds(10));
        assertThat(answers).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void aReportsErrorReachesTheCallerUnchanged() {
        ErrorResponseException refused = ReadProblems.forbidden("no");
        assertThatThrownBy(() -> Reports.inTurn(Mono.error(refused)).block(Duration.ofSeconds(5))).isSameAs(refused);
        assertThat(Reports.inTurn(Mono.empty()).blockOptional(Duration.ofSeconds(5))).isEmpty();
    }
}
