package org.referrals.infra.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.bson.Document;
import org.referrals.infra.eventstore.EventStoreDataSources;
import org.referrals.infra.support.AppProcess;

/**
 * Measures the application started as in production (the packaged jar in a process of its own, real HTTP) beside
 * the storage underneath it, and prints one markdown table. Modes: {@code smoke} (seconds; the suite runs it),
 * {@code short} (under 3 minutes) and {@code full}. See BENCHMARKS.md for what is measured and what is not yet.
 */
public final class BenchmarkHarness {

    /** How long each phase runs, and how many events the generated network has. */
    record Mode(String name, Duration phase, long events) {
        static Mode of(String name) {
            long events = Long.getLong("benchmark.events", 0);
            return switch (name) {
                case "smoke" -> new Mode(name, Duration.ofSeconds(2), events > 0 ? events : 1_000);
                case "short" -> new Mode(name, Duration.ofSeconds(5), events > 0 ? events : 5_000);
                case "full" -> new Mode(name, Duration.ofSeconds(45), events > 0 ? events : 200_000);
                default -> throw new IllegalArgumentException("benchmark mode is smoke, short or full, not " + name);
            };
        }
    }

    private static final String ADMIN_KEY = "benchmark-admin-key";
    private static final List<String> PROJECTIONS = List.of("referrals", "partners", "cases", "timeline");
    private static final int[] CLIENTS = {1, 8, 32};
    /** The generated network's busiest kind of partner: its inbox, caseload and a timeline are queried. */
    private static final String QUERIED_PARTNER = "health-facility-01";

    private final Mode mode;
    private final Path workDir;
    private final Table table = new Table();

    BenchmarkHarness(Mode mode, Path workDir) {
        this.mode = mode;
        this.workDir = workDir;
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("referrals-benchmark-");
        System.out.println(new BenchmarkHarness(Mode.of(args.length > 0 ? args[0] : "short"), work).run());
    }

    /** Runs every phase and answers the markdown table. */
    String run() throws Exception {
        int mongoPort = AppProcess.freePort();
        String mongo = "--referrals.mongodb.embedded-port=" + mongoPort;
        long events;
        double tunedReplay;
        try (AppProcess app = start(mongo, "--referrals.generate.events=" + mode.events())) {
            // the history is written before the application reports ready
            String written = awaitLine(app, "history written", Duration.ofHours(2));
            app.awaitHealthy(Duration.ofSeconds(120));
            progress("generated: " + written);
            Api api = new Api(app.baseUrl());
            awaitProjectionsIdle(api);
            table.add("data generator, commands/s through the command bus (4 threads)",
                      written.replaceAll(".* (\\d+) commands/s.*", "$1"), "–", "–", "–", null);

            measureCommands(api, app);
            measureQueries(api, app);
            events = eventCount(api);
            double replay = replay(api, events, Duration.ofDays(1)).rate();
            double bulk = rawBulkWriteRate(mongoPort, Math.min(events, 50_000));
            table.add("replay of all projections, events/s", Table.f(replay),
                      Table.f(bulk) + " raw MongoDB bulk-written documents/s", Table.f(replay / bulk * 100) + " %",
                      "≥ 50 % of raw", replay >= bulk / 2);
            long heapAfterGc = heapAfterGcKib(app.pid());
            table.add("resident memory, peak / now", app.memoryKib("VmHWM") / 1024 + " / " + app.memoryKib("VmRSS") / 1024 + " MiB",
                      "–", "–", "≤ 1024 MiB", app.memoryKib("VmHWM") <= 1024 * 1024);
            table.add("heap after a full GC", heapAfterGc / 1024 + " MiB", "–", "–", "–", null);
            tunedReplay = replay;
        }
        long started = System.nanoTime();
        try (AppProcess restarted = start(mongo)) {
            restarted.awaitHealthy(Duration.ofSeconds(120));
            double startup = (System.nanoTime() - started) / 1e9;
            table.add("start-up to healthy, with the data set", Table.f(startup) + " s", "–", "–", "≤ 15 s", startup <= 15);
        }
        // Axon's tracking processors with their defaults (batch size 1, one event per unit of work, so no bulk
        // writes), but one thread per segment: the token store already has the tuned configuration's 4 segments,
        // and a tracking processor leaves segments beyond its thread count unprocessed
        List<String> stockArguments = new ArrayList<>(List.of(mongo, "--referrals.projections.pooled=false"));
        for (String processor : List.of("referrals", "partners", "cases", "timeline", "api-keys")) {
            stockArguments.add("--axon.eventhandling.processors." + processor + ".thread-count=4");
        }
        try (AppProcess stock = start(stockArguments.toArray(String[]::new))) {
            stock.awaitHealthy(Duration.ofSeconds(120));
            Api api = new Api(stock.baseUrl());
            // on the large data set the stock replay takes longer than the rest together: -Dbenchmark.stockReplayMinutes
            // bounds it, and the rate is then the events every projection got through in that time
            Duration bound = Duration.ofMinutes(Long.getLong("benchmark.stockReplayMinutes", 24 * 60));
            Replay stockRun = replay(api, events, bound);
            double stockReplay = stockRun.rate();
            table.add("replay, stock configuration (tracking processors, batch size 1), events/s",
                      Table.f(stockReplay) + (stockRun.bounded() ? " (its first " + bound.toMinutes() + " min)" : ""),
                      "–", "tuned: " + Table.f(tunedReplay / stockReplay) + "×", "≥ 5×", tunedReplay >= 5 * stockReplay);
        }
        table.add("data set", events + " events", "–", "–", "large: 1,000,000", null);
        return table.markdown("### Benchmark (" + mode.name() + " mode) on " + Machine.describe());
    }

    private AppProcess start(String... arguments) throws java.io.IOException {
        // the heap README.md recommends for a server
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        // e.g. -Dbenchmark.jvm=-XX:StartFlightRecording=filename=/tmp/app.jfr to profile the application under load
        String extra = System.getProperty("benchmark.jvm", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        List<String> all = new ArrayList<>(List.of("--referrals.bootstrap-admin-key=" + ADMIN_KEY));
        all.addAll(List.of(arguments));
        return AppProcess.start(workDir, jvm, all.toArray(String[]::new));
    }

    private void measureCommands(Api api, AppProcess app) throws Exception {
        Workload workload = Workload.prepare(api, ADMIN_KEY, 32);
        double[] throughput = new double[CLIENTS.length];
        for (int i = 0; i < CLIENTS.length; i++) {
            int clients = CLIENTS[i];
            Latencies latencies = new Latencies();
            long cpu = app.cpuMillis();
            throughput[i] = workload.commands(clients, mode.phase(), latencies);
            double cpuPerCommand = (app.cpuMillis() - cpu) / (throughput[i] * mode.phase().toSeconds());
            double raw = rawAppendRate(clients);
            progress(clients + " client(s): " + Table.f(throughput[i]) + " commands/s, raw " + Table.f(raw) + " appends/s");
            table.add("commands/s over HTTP, " + clients + " client(s)", Table.f(throughput[i]),
                      Table.f(raw) + " raw JDBC appends/s", Table.f(throughput[i] / raw * 100) + " %",
                      clients == 32 ? "≥ 50 % of raw" : "–", clients == 32 ? throughput[i] >= raw / 2 : null);
            table.add("application CPU per command, " + clients + " client(s)", Table.f(cpuPerCommand) + " ms", "–", "–", "–", null);
            table.add("command latency p50 / p99, " + clients + " client(s)",
                      Table.f(latencies.percentileMillis(50)) + " / " + Table.f(latencies.percentileMillis(99)) + " ms",
                      "–", "–", clients == 8 ? "p99 ≤ 50 ms" : "–", clients == 8 ? latencies.percentileMillis(99) <= 50 : null);
        }
        Latencies lag = new Latencies();
        double halfMax = Math.max(1, throughput[throughput.length - 1] / 2);
        workload.projectionLag(halfMax, mode.phase(), lag);
        table.add("projection lag p50 / p99 at " + Table.f(halfMax) + " commands/s",
                  Table.f(lag.percentileMillis(50)) + " / " + Table.f(lag.percentileMillis(99)) + " ms", "–", "–",
                  "p99 ≤ 1000 ms", lag.percentileMillis(99) <= 1000);
    }

    private void measureQueries(Api api, AppProcess app) throws Exception {
        String coordinator = api.ok("/api/admin/api-keys", ADMIN_KEY, "{\"role\":\"COORDINATOR\",\"label\":\"queries\"}").field("key");
        awaitProjectionsIdle(api);
        String inbox = "/api/referrals?partnerId=" + QUERIED_PARTNER + "&direction=inbound&page=0&size=20";
        String referral = api.get(inbox, coordinator).field("referralId");
        long cpu = app.cpuMillis();
        var measured = Workload.queries(api, coordinator, QUERIED_PARTNER, referral, 16, mode.phase());
        long answered = measured.values().stream().mapToLong(latency -> latency.count()).sum();
        table.add("queries/s at 16 clients; application CPU per query", Table.f(answered / (double) mode.phase().toSeconds())
                + "; " + Table.f((app.cpuMillis() - cpu) / (double) answered) + " ms", "–", "–", "–", null);
        for (Map.Entry<String, Latencies> query : measured.entrySet()) {
            double p99 = query.getValue().percentileMillis(99);
            table.add("query " + query.getKey() + " p50 / p99, 16 clients",
                      Table.f(query.getValue().percentileMillis(50)) + " / " + Table.f(p99) + " ms", "–", "–",
                      "p99 ≤ 50 ms", p99 <= 50);
        }
    }

    /** Events in the store, as the audit chain counts them. */
    private static long eventCount(Api api) {
        return Long.parseLong(api.get("/api/audit/checkpoint", ADMIN_KEY).field("count"));
    }

    /** Until every projection is caught up; fails when their status stops changing for 3 minutes (a stalled processor). */
    private static void awaitProjectionsIdle(Api api) throws InterruptedException {
        awaitProjectionsIdle(api, Duration.ofDays(1));
    }

    /** As above, but answers false when the bound passes first. */
    private static boolean awaitProjectionsIdle(Api api, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Thread.sleep(500);
        String last = "";
        long lastChange = System.nanoTime();
        while (true) {
            Api.Answer answer = api.get("/api/admin/projections", ADMIN_KEY);
            if (answer.status() != 200) {
                // an error page has no "lag" in it: without this check it read as "caught up"
                throw new AssertionError("the projections' status answered " + answer.status() + ": " + answer.body());
            }
            String status = answer.body();
            if (!status.contains("\"rebuilding\":true") && !status.matches("(?s).*\"lag\":[1-9].*")) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (!status.equals(last)) {
                last = status;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > 180_000_000_000L) {
                throw new AssertionError("projections stalled: " + status);
            }
            Thread.sleep(100);
        }
    }

    private static String awaitLine(AppProcess app, String marker, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        long lastProgress = 0;
        while (System.nanoTime() < deadline) {
            String output = app.output();
            for (String line : output.split("\n")) {
                if (line.contains(marker)) {
                    return line.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1");
                }
            }
            if (System.nanoTime() - lastProgress > 30_000_000_000L) {
                lastProgress = System.nanoTime();
                output.lines().filter(line -> line.contains("history:")).reduce((a, b) -> b)
                      .ifPresent(line -> progress(line.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1")));
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no '" + marker + "' in the application's output");
    }

    /** jcmd GC.run, then the heap in use as GC.heap_info reports it. */
    private static long heapAfterGcKib(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(info.getInputStream().readAllBytes());
        info.waitFor();
        var used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in: " + out);
        }
        return Long.parseLong(used.group(1));
    }

    /** To the console and to target/benchmark-progress.log, which can be followed while the harness runs. */
    private static void progress(String message) {
        System.out.println("[benchmark] " + message);
        try {
            Files.writeString(Path.of("target", "benchmark-progress.log"), java.time.Instant.now() + " " + message + "\n",
                              java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            System.out.println("[benchmark] cannot write the progress file: " + e);
        }
    }

    Table table() {
        return table;
    }

    /** Single-row inserts, each committed and made durable as the event store does it, by that many threads. */
    private double rawAppendRate(int threads) throws Exception {
        try (HikariDataSource raw = EventStoreDataSources.embeddedH2(workDir.resolve("raw-append-" + threads))) {
            try (Connection c = raw.getConnection()) {
                c.createStatement().execute("CREATE TABLE IF NOT EXISTS raw_event (id BIGINT GENERATED BY DEFAULT AS IDENTITY "
                                                    + "PRIMARY KEY, payload CHARACTER VARYING)");
            }
            raw.setMaximumPoolSize(Math.max(threads, 2));
            String payload = "{\"referralId\":\"" + "x".repeat(36) + "\",\"status\":\"ACCEPTED\",\"note\":\"" + "y".repeat(300) + "\"}";
            AtomicLong appended = new AtomicLong();
            long deadline = System.nanoTime() + mode.phase().toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    try (Connection c = raw.getConnection();
                         PreparedStatement insert = c.prepareStatement("INSERT INTO raw_event (payload) VALUES (?)")) {
                        c.setAutoCommit(false);
                        while (System.nanoTime() < deadline) {
                            insert.setString(1, payload);
                            insert.executeUpdate();
                            c.commit();
                            appended.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(mode.phase().toSeconds() + 60, TimeUnit.SECONDS);
            return appended.get() / (double) mode.phase().toSeconds();
        }
    }

    /**
     * Rebuilds every projection at once from the event store; events replayed per second. When the bound passes
     * first, the events replayed are the lowest position any projection reached (the slowest one sets the pace, as
     * it does for a whole replay).
     */
    private static Replay replay(Api api, long events, Duration bound) throws InterruptedException {
        long started = System.nanoTime();
        for (String projection : PROJECTIONS) {
            api.post("/api/admin/projections/" + projection + "/rebuild", ADMIN_KEY, "");
        }
        long replayed = awaitProjectionsIdle(api, bound) ? events : slowestPosition(api);
        double rate = replayed / ((System.nanoTime() - started) / 1e9);
        progress("replayed " + replayed + " of " + events + " events at " + Table.f(rate) + " events/s");
        return new Replay(rate, replayed < events);
    }

    /** Events replayed per second; bounded when the replay was stopped before the end of the store. */
    private record Replay(double rate, boolean bounded) {
    }

    /** The lowest position any rebuilt projection has reached. */
    private static long slowestPosition(Api api) {
        String status = api.get("/api/admin/projections", ADMIN_KEY).body();
        return Pattern.compile("\\{[^}]*\"name\":\"([^\"]*)\"[^}]*\"position\":(\\d+|null)").matcher(status).results()
                      .filter(m -> PROJECTIONS.contains(m.group(1)))
                      .mapToLong(m -> m.group(2).equals("null") ? 0 : Long.parseLong(m.group(2)))
                      .min().orElse(0);
    }

    /** Inserts as many referral-like documents as there are events, in ordered bulks of 100, as the projections do. */
    private static double rawBulkWriteRate(int mongoPort, long documents) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            MongoCollection<Document> scratch = client.getDatabase("benchmark").getCollection("raw_bulk");
            long started = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (long i = 0; i < documents; i++) {
                batch.add(new Document("_id", "r-" + i).append("status", "ACCEPTED").append("fromPartnerId", "bench-ngo")
                        .append("toPartnerId", "bench-clinic").append("version", i).append("updatedAt", new java.util.Date()));
                if (batch.size() == 100) {
                    scratch.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                scratch.insertMany(batch);
            }
            double rate = documents / ((System.nanoTime() - started) / 1e9);
            scratch.drop();
            return rate;
        }
    }
}
