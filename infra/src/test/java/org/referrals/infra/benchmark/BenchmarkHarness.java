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
import org.referrals.infra.support.ServerLayout;

/**
 * Measures the application started as in production (the packaged jar in a process of its own, real HTTP) beside
 * the storage underneath it, and prints one markdown table. Modes: {@code smoke} (seconds; the suite runs it),
 * {@code short} (under 3 minutes) and {@code full}. See BENCHMARKS.md for what is measured and what is not yet.
 */
public final class BenchmarkHarness {

    /**
     * How long each phase runs and how many events the generated network has; how long the application may take to
     * settle before a phase (it is measured anyway after that), how long the stock replay runs at most
     * ({@code -Dbenchmark.stockReplayMinutes} overrides it), and whether the start-up is compared with plain java -jar.
     * The smoke and short modes bound what grows with the machine's noise, so that they stay short; their bounded stock
     * replay includes the tracking processors' start (segments claimed every 5 s), which the whole replay of the full
     * mode spreads thin, so their tuned/stock ratio is only indicative.
     */
    record Mode(String name, Duration phase, long events, Duration settleLimit, Duration stockReplayBound,
                boolean comparesPlainStart, int partnerHistory) {
        static Mode of(String name) {
            long events = Long.getLong("benchmark.events", 0);
            Long stockMinutes = Long.getLong("benchmark.stockReplayMinutes");
            return switch (name) {
                case "smoke" -> new Mode(name, Duration.ofSeconds(2), events > 0 ? events : 1_000, Duration.ofSeconds(10),
                                         stock(stockMinutes, Duration.ofSeconds(5)), false, 20);
                case "short" -> new Mode(name, Duration.ofSeconds(5), events > 0 ? events : 5_000, Duration.ofSeconds(10),
                                         stock(stockMinutes, Duration.ofSeconds(20)), false, 400);
                case "full" -> new Mode(name, Duration.ofSeconds(45), events > 0 ? events : 200_000, Duration.ofMinutes(10),
                                        stock(stockMinutes, Duration.ofDays(1)), true, 4_000);
                default -> throw new IllegalArgumentException("benchmark mode is smoke, short or full, not " + name);
            };
        }

        private static Duration stock(Long minutes, Duration otherwise) {
            return minutes == null ? otherwise : Duration.ofMinutes(minutes);
        }
    }

    private static final String ADMIN_KEY = "benchmark-admin-key-Zq7Vw2Lx9Tb4Nc8Rk3Hm6Jp";
    private static final List<String> PROJECTIONS = List.of("referrals", "partners", "cases");
    private static final int[] CLIENTS = {1, 8, 32};
    /** Clients of the partner-history comparison, as the CPU target's. */
    private static final int HISTORY_CLIENTS = 8;
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
        progress("server prepared as README.md says (infra/bin/prepare-server.sh): " + ServerLayout.shared().jar().getParent());
        DataSet dataSet = DataSet.fromProperty(mode.events());
        boolean reused = dataSet != null && dataSet.copyInto(workDir.resolve("data"));
        AppProcess app = start(mongo, "--referrals.generate.events=" + mode.events());
        try {
            // the history is written before the application reports ready
            String written = awaitLine(app, reused ? "history: already there" : "history written", Duration.ofHours(2));
            app.awaitHealthy(Duration.ofMinutes(10)); // measured anyway: a start on a large set rebuilds for minutes
            progress((reused ? "data set reused from " + dataSet.dir() + ": " : "generated: ") + written);
            Api api = new Api(app.baseUrl());
            api.awaitProjectionsIdle(ADMIN_KEY, Duration.ofDays(1));
            table.add("data generator, commands/s through the command bus (one at a time)",
                      reused ? "not measured: data set generated by an earlier run (" + dataSet.dir().getFileName() + ")"
                             : written.replaceAll(".* (\\d+) commands/s.*", "$1"), "–", "–", "–", null);
            if (dataSet != null && !reused) {
                app.close();
                dataSet.keep(workDir.resolve("data"));
                app = start(mongo);
                app.awaitHealthy(Duration.ofMinutes(10)); // measured anyway: a start on a large set rebuilds for minutes
                api = new Api(app.baseUrl());
            }
            awaitQuiet(app);

            measureCommands(api, app);
            measureQueries(api, app);
            events = eventCount(api);
            // a restart on the loaded data set, caught up (after the replay below it would resume the replay): plain
            // java -jar first, for comparison (full mode only: the smoke and short modes stay short), then as
            // README.md starts a server
            app.close();
            double plainStartup = Double.NaN;
            if (mode.comparesPlainStart()) {
                long started = System.nanoTime();
                app = start(false, mongo);
                app.awaitHealthy(Duration.ofMinutes(10)); // measured anyway: a start on a large set rebuilds for minutes
                plainStartup = (System.nanoTime() - started) / 1e9;
                app.close();
            }
            long started = System.nanoTime();
            app = start(mongo);
            app.awaitHealthy(Duration.ofMinutes(10)); // measured anyway: a start on a large set rebuilds for minutes
            double startup = (System.nanoTime() - started) / 1e9;
            progress("start-up " + Table.f(startup) + " s (java -jar: " + Table.f(plainStartup) + " s)");
            boolean compared = !Double.isNaN(plainStartup);
            table.add("start-up to healthy, with the data set (unpacked jar and class-data archive, as README.md starts a server)",
                      Table.f(startup) + " s", compared ? "java -jar " + Table.f(plainStartup) + " s" : "–",
                      compared ? Table.f(startup / plainStartup * 100) + " %" : "–", "≤ 40 s", startup <= 40);
            api = new Api(app.baseUrl());
            awaitQuiet(app);
            // -Dbenchmark.replayMinutes bounds it as the stock one below (on 1,000,000 events it takes about 30 min)
            Duration replayBound = Duration.ofMinutes(Long.getLong("benchmark.replayMinutes", 24 * 60));
            // the baseline first, while the application is idle: a bounded replay goes on after it is measured
            double bulk = rawBulkWriteRate(mongoPort, Math.min(events, 50_000));
            Replay tuned = replay(api, events, replayBound);
            double replay = tuned.rate();
            table.add("replay of all projections, events/s",
                      Table.f(replay) + (tuned.bounded() ? " (its first " + Table.f(replayBound) + ")" : ""),
                      Table.f(bulk) + " raw MongoDB bulk-written documents/s", Table.f(replay / bulk * 100) + " %",
                      "≥ 10,000/s and ≥ 40 % of raw", replay >= 10_000 && replay >= bulk * 0.4);
            long heapAfterGc = app.heapAfterGcKib();
            table.add("resident memory, peak / now", app.memoryKib("VmHWM") / 1024 + " / " + app.memoryKib("VmRSS") / 1024 + " MiB",
                      "–", "–", "≤ 1024 MiB", app.memoryKib("VmHWM") <= 1024 * 1024);
            table.add("heap after a full GC", heapAfterGc / 1024 + " MiB", "–", "–", "–", null);
            tunedReplay = replay;
        } finally {
            app.close();
        }
        // Axon's tracking processors with their defaults (batch size 1, one event per unit of work, so no bulk
        // writes), but one thread per segment: the token store already has the tuned configuration's 4 segments,
        // and a tracking processor leaves segments beyond its thread count unprocessed
        List<String> stockArguments = new ArrayList<>(List.of(mongo, "--referrals.projections.pooled=false"));
        for (String processor : List.of("referrals", "partners", "cases", "api-keys")) {
            stockArguments.add("--axon.eventhandling.processors." + processor + ".thread-count=4");
        }
        try (AppProcess stock = start(stockArguments.toArray(String[]::new))) {
            // on the embedded default its start already rebuilds with the stock processors: the replay below starts
            // that again from the first event, so only the web server is awaited
            stock.awaitLive(Duration.ofSeconds(120));
            Api api = new Api(stock.baseUrl());
            // on the large data set the stock replay takes longer than the rest together: bounded (Mode), its rate is
            // then the events every projection got through in that time
            Duration bound = mode.stockReplayBound();
            Replay stockRun = replay(api, events, bound);
            double stockReplay = stockRun.rate();
            table.add("replay, stock configuration (tracking processors, batch size 1), events/s",
                      Table.f(stockReplay) + (stockRun.bounded() ? " (its first " + Table.f(bound) + ")" : ""),
                      "–", "tuned: " + Table.f(tunedReplay / stockReplay) + "×", "≥ 5×", tunedReplay >= 5 * stockReplay);
        }
        table.add("data set", events + " events", "–", "–", "large: 1,000,000", null);
        return table.markdown("### Benchmark (" + mode.name() + " mode) on " + Machine.describe());
    }

    private AppProcess start(String... arguments) throws java.io.IOException, InterruptedException {
        return start(true, arguments);
    }

    /** The application with those arguments, as a server is started ({@link ServerLayout}) or by plain java -jar. */
    private AppProcess start(boolean asServer, String... arguments) throws java.io.IOException, InterruptedException {
        // the heap README.md recommends for a server
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError"));
        // e.g. -Dbenchmark.jvm=-XX:StartFlightRecording=filename=/tmp/app.jfr to profile the application under load
        String extra = System.getProperty("benchmark.jvm", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        List<String> all = new ArrayList<>(List.of("--referrals.bootstrap-admin-key=" + ADMIN_KEY));
        all.addAll(List.of(arguments));
        return asServer ? AppProcess.startServer(workDir, jvm, all.toArray(String[]::new))
                        : AppProcess.start(workDir, jvm, all.toArray(String[]::new));
    }

    private void measureCommands(Api api, AppProcess app) throws Exception {
        // 32 pairs for the phases below, then 8 new ones and 8 given a history (measurePartnerHistory)
        Workload workload = Workload.prepare(api, ADMIN_KEY, 32 + 2 * HISTORY_CLIENTS);
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
            table.add("application CPU per command, " + clients + " client(s)", Table.f(cpuPerCommand) + " ms", "–", "–",
                      clients == 8 ? "≤ 2.5 ms" : "–", clients == 8 ? cpuPerCommand <= 2.5 : null);
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
        measurePartnerHistory(api, app, workload);
    }

    /**
     * The CPU per command at 8 clients on new partners, then on partners that each received the mode's history of
     * referrals (full mode: 4,000, all left open), one phase after the other: nothing in a command's path should grow
     * with a partner's history.
     */
    private void measurePartnerHistory(Api api, AppProcess app, Workload workload) throws Exception {
        int fresh = 32;
        int seasoned = 32 + HISTORY_CLIENTS;
        workload.history(seasoned, HISTORY_CLIENTS, mode.partnerHistory(), BenchmarkHarness::progress);
        api.awaitProjectionsIdle(ADMIN_KEY, Duration.ofDays(1));
        awaitQuiet(app);
        double[] cpu = new double[2];
        for (int i = 0; i < 2; i++) {
            long before = app.cpuMillis();
            double rate = workload.commands(i == 0 ? fresh : seasoned, HISTORY_CLIENTS, mode.phase(), new Latencies());
            cpu[i] = (app.cpuMillis() - before) / (rate * mode.phase().toSeconds());
        }
        progress("CPU per command: new partners " + Table.f(cpu[0]) + " ms, with " + mode.partnerHistory() + " referrals " + Table.f(cpu[1]) + " ms");
        table.add("application CPU per command, " + HISTORY_CLIENTS + " clients, each clinic already with " + mode.partnerHistory()
                          + " open referrals", Table.f(cpu[1]) + " ms", "new partners " + Table.f(cpu[0]) + " ms",
                  Table.f(cpu[1] / cpu[0] * 100) + " %", "within 10 %", cpu[1] <= cpu[0] * 1.1);
    }

    private void measureQueries(Api api, AppProcess app) throws Exception {
        String coordinator = api.ok("/api/admin/api-keys", ADMIN_KEY, "{\"role\":\"COORDINATOR\",\"label\":\"queries\"}").field("key");
        api.awaitProjectionsIdle(ADMIN_KEY, Duration.ofDays(1));
        String inbox = "/api/referrals?partnerId=" + QUERIED_PARTNER + "&direction=inbound&page=0&size=20";
        String referral = api.get(inbox, coordinator).field("referralId");
        // the floor: the cheapest authenticated read (one document by _id) through the same HTTP, security and
        // storage; the five queries' p99 are shown beside its p99
        var floor = measuredQueries(api, app, coordinator, Map.of("referral by id (the floor)", "/api/referrals/" + referral));
        double floorP99 = floor.values().iterator().next().percentileMillis(99);
        Map<String, String> queries = Workload.queriesAbout(QUERIED_PARTNER, referral);
        var measured = measuredQueries(api, app, coordinator, queries);
        for (Map.Entry<String, Latencies> query : measured.entrySet()) {
            double p99 = query.getValue().percentileMillis(99);
            // the answer's size too, as sent (gzipped where the application gzips it) and as JSON: a large answer costs
            // its writing on every request
            double sent = api.fetch(queries.get(query.getKey()), coordinator) / 1024.0;
            double plain = api.fetch(queries.get(query.getKey()), coordinator, false) / 1024.0;
            String answer = sent < plain ? Table.f(sent) + " KiB gzipped, " + Table.f(plain) + " KiB JSON" : Table.f(plain) + " KiB";
            table.add("query " + query.getKey() + " p50 / p99, 16 clients",
                      Table.f(query.getValue().percentileMillis(50)) + " / " + Table.f(p99) + " ms (answer " + answer + ")",
                      "floor p99 " + Table.f(floorP99) + " ms", Table.f(p99 / floorP99) + "×", "p99 ≤ 50 ms and ≤ 2× floor",
                      p99 <= 50 && p99 <= 2 * floorP99);
        }
        measureEachAlone(api, app, coordinator, queries);
    }

    /**
     * 16 clients asking each query alone for a fifth of a phase: the CPU each costs (the mixed phase gives only their
     * mean). As many clients as in the mixed phase, so that the application's background work (processors polling,
     * the derived figures' rounds) is spread over as many answers: with one client it was most of each figure.
     */
    private void measureEachAlone(Api api, AppProcess app, String key, Map<String, String> queries) throws Exception {
        Duration alone = mode.phase().dividedBy(5);
        List<String> each = new ArrayList<>();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            long cpu = app.cpuMillis();
            long answered = Workload.queries(api, key, Map.of(query.getKey(), query.getValue()), 16, alone)
                                    .get(query.getKey()).count();
            each.add(query.getKey() + " " + Table.f((app.cpuMillis() - cpu) / (double) answered) + " ms");
        }
        table.add("application CPU per query, each alone (16 clients)", String.join("; ", each), "–", "–", "–", null);
    }

    /** 16 clients asking those queries in turn for a phase; adds their rate and the CPU each took, and the floor's latencies. */
    private Map<String, Latencies> measuredQueries(Api api, AppProcess app, String key, Map<String, String> queries) throws Exception {
        long cpu = app.cpuMillis();
        var measured = Workload.queries(api, key, queries, 16, mode.phase());
        long answered = measured.values().stream().mapToLong(latency -> latency.count()).sum();
        String what = queries.size() == 1 ? queries.keySet().iterator().next() : "the five queries";
        table.add("queries/s at 16 clients, " + what + "; application CPU per query",
                  Table.f(answered / (double) mode.phase().toSeconds()) + "; " + Table.f((app.cpuMillis() - cpu) / (double) answered) + " ms",
                  "–", "–", "–", null);
        if (queries.size() == 1) {
            Latencies only = measured.values().iterator().next();
            table.add("query " + what + " p50 / p99, 16 clients",
                      Table.f(only.percentileMillis(50)) + " / " + Table.f(only.percentileMillis(99)) + " ms", "–", "–", "–", null);
        }
        return measured;
    }

    /** Events in the store, as the audit chain counts them. */
    private static long eventCount(Api api) {
        return Long.parseLong(api.get("/api/audit/checkpoint", ADMIN_KEY).field("count"));
    }

    /**
     * Until the application uses less than a tenth of a core over a window of 5 s (a phase's length in smoke mode), at
     * most the mode's settle limit: after a start on a kept data set, the derived figures are recomputed once in the
     * background, which would weigh on the first phase.
     */
    private void awaitQuiet(AppProcess app) throws InterruptedException {
        long window = Math.min(mode.phase().toMillis(), 5_000);
        long deadline = System.nanoTime() + mode.settleLimit().toNanos();
        while (System.nanoTime() < deadline) {
            long cpu = app.cpuMillis();
            Thread.sleep(window);
            long used = app.cpuMillis() - cpu;
            if (cpu < 0 || used < window / 10) {
                return;
            }
            progress("waiting for the application to settle: " + used * 100 / window + " % of a core over " + window / 1000 + " s");
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
        try (HikariDataSource raw = EventStoreDataSources.embedded(workDir.resolve("raw-append-" + threads + ".db"))) {
            try (Connection c = raw.getConnection()) {
                c.createStatement().execute("CREATE TABLE IF NOT EXISTS raw_event (id INTEGER PRIMARY KEY, payload TEXT)");
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
        long replayed = api.awaitProjectionsIdle(ADMIN_KEY, bound) ? events : slowestPosition(api);
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
