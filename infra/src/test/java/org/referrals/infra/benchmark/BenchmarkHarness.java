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
import org.bson.Document;
import org.referrals.infra.eventstore.EventStoreDataSources;
import org.referrals.infra.support.AppProcess;

/**
 * Measures the application started as in production (the packaged jar in a process of its own, real HTTP) beside
 * the storage underneath it, and prints one markdown table. Modes: {@code smoke} (seconds; the suite runs it),
 * {@code short} (under 3 minutes) and {@code full}. See BENCHMARKS.md for what is measured and what is not yet.
 */
public final class BenchmarkHarness {

    /** How long each phase runs, and how many client pairs the workload has. */
    record Mode(String name, Duration phase, int[] clients) {
        static Mode of(String name) {
            return switch (name) {
                case "smoke" -> new Mode(name, Duration.ofSeconds(2), new int[] {1, 8, 32});
                case "short" -> new Mode(name, Duration.ofSeconds(15), new int[] {1, 8, 32});
                case "full" -> new Mode(name, Duration.ofSeconds(60), new int[] {1, 8, 32});
                default -> throw new IllegalArgumentException("benchmark mode is smoke, short or full, not " + name);
            };
        }
    }

    private static final String ADMIN_KEY = "benchmark-admin-key";
    private static final List<String> PROJECTIONS = List.of("referrals", "partners", "cases", "timeline");

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
        long started = System.nanoTime();
        List<String> jvm = new ArrayList<>(List.of("-Xmx768m"));
        // e.g. -Dbenchmark.jvm=-XX:StartFlightRecording=filename=/tmp/app.jfr to profile the application under load
        String extra = System.getProperty("benchmark.jvm", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        try (AppProcess app = AppProcess.start(workDir, jvm, "--referrals.bootstrap-admin-key=" + ADMIN_KEY,
                                               "--referrals.mongodb.embedded-port=" + mongoPort)) {
            app.awaitHealthy(Duration.ofSeconds(120));
            double startup = (System.nanoTime() - started) / 1e9;
            Api api = new Api(app.baseUrl());
            Workload workload = Workload.prepare(api, ADMIN_KEY, 32);

            double[] throughput = new double[mode.clients().length];
            for (int i = 0; i < mode.clients().length; i++) {
                int clients = mode.clients()[i];
                Latencies latencies = new Latencies();
                throughput[i] = workload.commands(clients, mode.phase(), latencies);
                double raw = rawAppendRate(clients);
                table.add("commands/s over HTTP, " + clients + " client(s)", Table.f(throughput[i]),
                          Table.f(raw) + " raw JDBC appends/s", Table.f(throughput[i] / raw * 100) + " %",
                          clients == 32 ? "≥ 50 % of raw" : "–", clients == 32 ? throughput[i] >= raw / 2 : null);
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

            for (Map.Entry<String, Latencies> query : workload.queries(16, mode.phase()).entrySet()) {
                double p99 = query.getValue().percentileMillis(99);
                table.add("query " + query.getKey() + " p50 / p99, 16 clients",
                          Table.f(query.getValue().percentileMillis(50)) + " / " + Table.f(p99) + " ms", "–", "–",
                          "p99 ≤ 50 ms", p99 <= 50);
            }

            long events = workload.eventCount();
            double replay = replayRate(api, events);
            double bulk = rawBulkWriteRate(mongoPort, events);
            table.add("replay of all projections, events/s (" + events + " events)", Table.f(replay),
                      Table.f(bulk) + " raw MongoDB bulk-written documents/s", Table.f(replay / bulk * 100) + " %",
                      "≥ 50 % of raw", replay >= bulk / 2);
            table.add("replay compared with a stock configuration", "not measured yet", "–", "–", "≥ 5×", null);

            table.add("resident memory, peak / now", app.memoryKib("VmHWM") / 1024 + " / " + app.memoryKib("VmRSS") / 1024 + " MiB",
                      "–", "–", "≤ 1024 MiB", app.memoryKib("VmHWM") <= 1024 * 1024);
            table.add("start-up to healthy", Table.f(startup) + " s", "–", "–", "≤ 15 s", startup <= 15);
            table.add("data set", events + " events", "–", "–", "large: 1,000,000", null);
        }
        return table.markdown("### Benchmark (" + mode.name() + " mode) on " + Machine.describe());
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

    /** Rebuilds every projection at once from the event store; events replayed per second. */
    private double replayRate(Api api, long events) throws InterruptedException {
        long started = System.nanoTime();
        for (String projection : PROJECTIONS) {
            api.post("/api/admin/projections/" + projection + "/rebuild", ADMIN_KEY, "");
        }
        Thread.sleep(200);
        while (true) {
            String status = api.get("/api/admin/projections", ADMIN_KEY).body();
            if (!status.contains("\"rebuilding\":true") && !status.matches("(?s).*\"lag\":[1-9].*")) {
                break;
            }
            Thread.sleep(50);
        }
        return events / ((System.nanoTime() - started) / 1e9);
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
