package org.referrals.infra.reliability;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.referrals.infra.benchmark.Api;
import org.referrals.infra.benchmark.Workload;
import org.referrals.infra.support.AppProcess;

/**
 * Soak (issue 9, item 7): the packaged application under a steady mixed load for a while (6 clients drive referrals
 * through their lives, 2 ask the queries a partner and a coordinator ask), sampled at equal intervals: commands and
 * queries answered, error answers, heap after a full GC and resident memory. The heap is stable when the lowest
 * sample of the second half is within a quarter (and at least 32 MiB) of the lowest of the first half after the
 * first interval's warm-up: a single sample holds whatever work was in flight when the GC ran (a batch, a round of
 * the derived figures, the shared network map), 47 to 152 MiB within one 30-second run, while a leak raises the
 * lowest ones.
 */
final class SoakHarness {

    static final String ADMIN_KEY = "soak-harness-admin-key-Zq7Vw2Lx9Tb4Nc8Rk3Hm6Jp";
    private static final int COMMAND_CLIENTS = 6;
    private static final int QUERY_CLIENTS = 2;
    private static final int SAMPLES = 10;

    record Sample(int index, long commands, long queries, long errors, long heapAfterGcMib, long residentMib) {
    }

    record Result(Duration length, List<Sample> samples, Map<String, Long> errorsByKind) {

        long errors() {
            return samples.stream().mapToLong(Sample::errors).sum();
        }

        /** The lowest heap after GC of the second half against the lowest of the first half after warm-up. */
        boolean heapStable() {
            int half = Math.max(2, samples.size() / 2);
            long early = lowestHeap(samples.subList(Math.min(1, samples.size() - 1), Math.min(half, samples.size())));
            return lowestLateHeapMib() <= early + Math.max(32, early / 4);
        }

        /** The lowest heap after GC of the second half. */
        long lowestLateHeapMib() {
            return lowestHeap(samples.subList(Math.min(Math.max(2, samples.size() / 2), samples.size() - 1), samples.size()));
        }

        private static long lowestHeap(List<Sample> some) {
            return some.stream().mapToLong(Sample::heapAfterGcMib).min().orElseThrow();
        }
    }

    private final Path workDir;
    private final Duration length;
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, Long> errorsByKind = new ConcurrentHashMap<>();

    SoakHarness(Path workDir, Duration length) {
        this.workDir = workDir;
        this.length = length;
    }

    Result run() throws Exception {
        try (AppProcess app = AppProcess.startServer(workDir, List.of("-Xmx512m"), "--referrals.bootstrap-admin-key=" + ADMIN_KEY)) {
            app.awaitHealthy(Duration.ofSeconds(120));
            Api api = new Api(app.baseUrl());
            Workload workload = Workload.prepare(api, ADMIN_KEY, COMMAND_CLIENTS);
            String coordinator = api.ok("/api/admin/api-keys", ADMIN_KEY, "{\"role\":\"COORDINATOR\",\"label\":\"soak\"}").field("key");
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            for (int client = 0; client < COMMAND_CLIENTS; client++) {
                int id = client;
                clients.add(client("soak-commands-" + client, running, () -> workload.lifecycle(id, (referral, event) -> commands.incrementAndGet())));
            }
            for (int client = 0; client < QUERY_CLIENTS; client++) {
                clients.add(client("soak-queries-" + client, running, () -> ask(api, coordinator)));
            }
            List<Sample> samples = new ArrayList<>();
            long interval = length.toMillis() / SAMPLES;
            for (int sample = 1; sample <= SAMPLES; sample++) {
                Thread.sleep(interval);
                samples.add(new Sample(sample, commands.get(), queries.get(), errors.getAndSet(0), app.heapAfterGcKib() / 1024,
                                       app.memoryKib("VmRSS") / 1024));
                System.out.printf("soak %d/%d: %s%n", sample, SAMPLES, samples.get(samples.size() - 1));
            }
            running.set(false);
            for (Thread client : clients) {
                client.join(60_000);
            }
            return new Result(length, samples, Map.copyOf(errorsByKind));
        }
    }

    /** A client repeating that work until the end; an error answer or a failed call is counted, and it goes on. */
    private Thread client(String name, AtomicBoolean running, Runnable work) {
        Thread thread = new Thread(() -> {
            while (running.get()) {
                try {
                    work.run();
                } catch (IllegalStateException | UncheckedIOException e) {
                    if (running.get()) {
                        errors.incrementAndGet();
                        String kind = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("[0-9a-f-]{36}", "<id>");
                        errorsByKind.merge(kind.length() > 160 ? kind.substring(0, 160) : kind, 1L, Long::sum);
                    }
                }
            }
        }, name);
        thread.start();
        return thread;
    }

    /** The five measured queries about the first clinic of the workload, each must answer 200. */
    private void ask(Api api, String coordinator) {
        Api.Answer inbox = api.get("/api/referrals?partnerId=bench-clinic-0&direction=inbound&page=0&size=20", coordinator);
        String referral = inbox.status() == 200 && inbox.body().contains("referralId") ? inbox.field("referralId") : null;
        for (String path : referral == null ? List.of("/api/network") : Workload.queriesAbout("bench-clinic-0", referral).values()) {
            Api.Answer answer = api.get(path, coordinator);
            if (answer.status() != 200) {
                throw new IllegalStateException("GET " + path.replaceAll("\\?.*", "") + " answered " + answer.status());
            }
            queries.incrementAndGet();
        }
    }

    static String markdown(Result result) {
        StringBuilder out = new StringBuilder(String.format(
                "%d minutes, %d command clients and %d query clients, -Xmx512m; heap after GC %s, %d error answers%n%n",
                result.length().toMinutes(), COMMAND_CLIENTS, QUERY_CLIENTS, result.heapStable() ? "stable" : "NOT stable", result.errors()));
        out.append("| sample | commands answered (total) | queries answered (total) | errors in the interval | heap after a full GC | resident |\n")
           .append("| --- | --- | --- | --- | --- | --- |\n");
        for (Sample s : result.samples()) {
            out.append(String.format("| %d | %d | %d | %d | %d MiB | %d MiB |%n", s.index(), s.commands(), s.queries(), s.errors(),
                                     s.heapAfterGcMib(), s.residentMib()));
        }
        result.errorsByKind().forEach((kind, count) -> out.append("\n- ").append(count).append(" × ").append(kind));
        return out.toString();
    }
}
