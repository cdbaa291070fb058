package org.referrals.query.common;

import java.util.concurrent.RejectedExecutionException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The whole-network reports (statistics, the network map) read every cell or flow document of the network and hold
 * them until the answer is built: on a 1,000,000-event network a hundred thousand documents, over 100 MB per
 * request. Sixteen analysts at once would need gigabytes, so these reports are computed one at a time and wait in
 * turn; the other queries are not held up.
 */
public final class Reports {

    /** Requests waiting beyond this many are refused (503) rather than kept. */
    static final int MAX_WAITING = 256;
    private static final Scheduler ONE_AT_A_TIME = Schedulers.newBoundedElastic(1, MAX_WAITING, "reports", 60, true);

    private Reports() {
    }

    /** The report, computed when its turn comes. */
    public static <T> Mono<T> inTurn(Mono<T> report) {
        return Mono.fromCallable(report::block).subscribeOn(ONE_AT_A_TIME)
                   .onErrorMap(RejectedExecutionException.class, full -> ReadProblems.busy("too many reports waiting; try again shortly"));
    }
}
