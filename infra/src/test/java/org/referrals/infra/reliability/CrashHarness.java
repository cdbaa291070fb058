package org.referrals.infra.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.referrals.infra.benchmark.Api;
import org.referrals.infra.benchmark.Workload;
import org.referrals.infra.support.AppProcess;
import org.referrals.infra.support.PostgresSchema;

/**
 * Crash consistency (issue 9, item 1): the packaged application, a process of its own on the embedded MongoDB-wire
 * server and an event store on SQLite or PostgreSQL, is killed with {@code kill -9} at a random moment while clients
 * drive referrals through their lives, then restarted, round after round. Every command the application
 * acknowledged is recorded. After each restart, once the projections have caught up, the read models are verified
 * against the events ({@code POST /api/admin/projections/verify}); at the end, the stored events are read directly:
 * every acknowledged command's event is there, none twice, and each referral's events are a valid life in order.
 */
final class CrashHarness {

    static final String ADMIN_KEY = "crash-harness-admin-key-Zq7Vw2Lx9Tb4Nc8Rk3Hm6Jp";
    private static final int CLIENTS = 4;
    /** The events of a referral's life as the workload drives it, in the only order the rules allow. */
    private static final List<String> LIFE = List.of("ReferralRequested", "ReferralAccepted", "ServiceStarted", "ServiceDelivered",
                                                     "ReferralClosed");

    enum Store { SQLITE, POSTGRESQL }

    /**
     * What the rounds showed.
     *
     * @param consistentVerifications verifications that found every read model equal to its events
     */
    record Result(Store store, int rounds, long acknowledged, long lost, long duplicated, long impossible, int verifications,
                  int consistentVerifications, List<String> problems, Duration took) {

        /** No event lost, duplicated or out of order, and every read model equal to its events after every restart. */
        boolean keptEveryPromise() {
            return lost == 0 && duplicated == 0 && impossible == 0 && consistentVerifications == verifications;
        }
    }

    /** The collections named in a verification report with differences. */
    private static List<String> differing(String report) {
        List<String> names = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\\{\"name\":\"([a-z_]+)\",\"compared\":\\d+,\"movedOn\":\\d+,"
                                                      + "\"notCompared\":[^,]*,\"differences\":([1-9]\\d*)").matcher(report);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private final Path workDir;
    private final Store store;
    private final int rounds;
    private final Random random;
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    private final List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();

    CrashHarness(Path workDir, Store store, int rounds, long seed) {
        this.workDir = workDir;
        this.store = store;
        this.rounds = rounds;
        this.random = new Random(seed);
    }

    Result run() throws Exception {
        Instant started = Instant.now();
        try (PostgresSchema schema = store == Store.POSTGRESQL ? PostgresSchema.create("crash") : null) {
            List<String> arguments = new ArrayList<>(List.of("--referrals.bootstrap-admin-key=" + ADMIN_KEY));
            if (schema != null) {
                for (String property : schema.applicationProperties()) {
                    arguments.add("--" + property);
                }
            }
            Workload workload = null;
            int verifications = 0;
            int consistent = 0;
            for (int round = 1; round <= rounds + 1; round++) {
                AppProcess app = start(arguments);
                app.awaitHealthy(Duration.ofSeconds(120));
                Api api = new Api(app.baseUrl());
                workload = workload == null ? Workload.prepare(api, ADMIN_KEY, CLIENTS) : workload.through(api);
                if (round > 1) {
                    verifications++;
                    List<String> differing = verified(api, round);
                    consistent += differing.isEmpty() ? 1 : 0;
                }
                if (round == rounds + 1) {
                    app.terminate(Duration.ofSeconds(60)); // the last start only verifies, then stops cleanly
                    break;
                }
                driveThenKill(workload, app, round);
            }
            long[] found = checkStore(schema);
            return new Result(store, rounds, acknowledged.values().stream().mapToLong(Set::size).sum(), found[0], found[1], found[2],
                              verifications, consistent, List.copyOf(problems),
                              Duration.between(started, Instant.now()));
        }
    }

    /**
     * As README.md starts a server (ready in about 5 s on 2 cores), or by plain java -jar with
     * {@code -Dcrash.serverStart=false} (about 12 s). The faster start found that the projections' status counted
     * only the segments this node had claimed while the killed process's claims had 10 s to run (RELIABILITY.md).
     */
    private AppProcess start(List<String> arguments) throws java.io.IOException, InterruptedException {
        String[] all = arguments.toArray(String[]::new);
        List<String> jvm = List.of("-Xmx512m");
        return Boolean.parseBoolean(System.getProperty("crash.serverStart", "true")) ? AppProcess.startServer(workDir, jvm, all)
                                                                                    : AppProcess.start(workDir, jvm, all);
    }

    /** Clients run referrals' lives until the kill, at a random moment 1.5 to 6 seconds in. */
    private void driveThenKill(Workload workload, AppProcess app, int round) throws InterruptedException {
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            Thread thread = new Thread(() -> {
                try {
                    while (!killed.get()) {
                        workload.lifecycle(id, (referral, event) -> acknowledged.computeIfAbsent(referral, r -> ConcurrentHashMap.newKeySet())
                                                                                .add(event));
                    }
                } catch (RuntimeException refusedOrCut) {
                    if (!killed.get()) {
                        problems.add("round " + round + ": a command failed before the kill: " + refusedOrCut.getMessage());
                    }
                }
            }, "crash-client-" + client);
            thread.start();
            clients.add(thread);
        }
        Thread.sleep(1500 + random.nextInt(4500));
        killed.set(true);
        app.kill();
        for (Thread client : clients) {
            client.join(60_000);
        }
        System.out.printf("%s round %d: killed; %d commands acknowledged so far%n", store, round,
                          acknowledged.values().stream().mapToLong(Set::size).sum());
    }

    /**
     * After the projections caught up with the recovered store: the read models that differ from their events (all
     * of them, as "all", when the verification could not be made).
     */
    private List<String> verified(Api api, int round) throws InterruptedException {
        if (!api.awaitProjectionsIdle(ADMIN_KEY, Duration.ofMinutes(3))) {
            problems.add("round " + round + ": the projections did not catch up within 3 minutes");
            return List.of("all");
        }
        Api.Answer started = api.post("/api/admin/projections/verify", ADMIN_KEY, "");
        if (started.status() != 202) {
            problems.add("round " + round + ": verify answered " + started.status());
            return List.of("all");
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Api.Answer report = api.get("/api/admin/projections/verify", ADMIN_KEY);
            if (!report.body().contains("\"state\":\"RUNNING\"")) {
                if (!report.body().contains("\"state\":\"DONE\"")) {
                    problems.add("round " + round + ": " + report.body());
                    return List.of("all");
                }
                List<String> differing = differing(report.body());
                if (!differing.isEmpty()) {
                    problems.add("round " + round + ": " + report.body());
                }
                return differing;
            }
            Thread.sleep(200);
        }
        problems.add("round " + round + ": the verification did not end within 5 minutes");
        return List.of("all");
    }

    /** Lost, duplicated and impossible, from the stored events of the referrals the clients made. */
    private long[] checkStore(PostgresSchema schema) throws Exception {
        Map<String, Map<Long, String>> stored = new HashMap<>();
        String query = "SELECT aggregateIdentifier, sequenceNumber, payloadType FROM "
                       + (schema == null ? "" : schema.name() + ".") + "DomainEventEntry WHERE aggregateIdentifier IN (SELECT aggregateIdentifier FROM "
                       + (schema == null ? "" : schema.name() + ".") + "DomainEventEntry WHERE payloadType LIKE '%.ReferralRequested')";
        long duplicated = 0;
        try (Connection connection = schema == null
                ? DriverManager.getConnection("jdbc:sqlite:" + workDir.resolve("data").resolve(org.referrals.infra.eventstore.EmbeddedEventStoreFiles.SQLITE))
                : schema.connect();
             ResultSet rows = connection.createStatement().executeQuery(query)) {
            while (rows.next()) {
                String type = rows.getString(3);
                String previous = stored.computeIfAbsent(rows.getString(1), id -> new TreeMap<>())
                                        .put(rows.getLong(2), type.substring(type.lastIndexOf('.') + 1));
                duplicated += previous == null ? 0 : 1;
            }
        }
        long lost = 0;
        for (Map.Entry<String, Set<String>> referral : acknowledged.entrySet()) {
            var events = stored.getOrDefault(referral.getKey(), Map.of()).values();
            for (String event : referral.getValue()) {
                if (!events.contains(event)) {
                    lost++;
                    problems.add("lost: " + event + " of " + referral.getKey());
                }
            }
        }
        long impossible = 0;
        for (Map.Entry<String, Map<Long, String>> referral : stored.entrySet()) {
            List<String> events = new ArrayList<>(referral.getValue().values());
            boolean inOrder = referral.getValue().keySet().equals(sequence(events.size())) && events.equals(LIFE.subList(0, Math.min(events.size(), LIFE.size())));
            duplicated += events.size() - events.stream().distinct().count();
            if (!inOrder) {
                impossible++;
                problems.add("impossible history of " + referral.getKey() + ": " + referral.getValue());
            }
        }
        return new long[] {lost, duplicated, impossible};
    }

    private static Set<Long> sequence(int length) {
        Set<Long> numbers = new java.util.TreeSet<>();
        for (long n = 0; n < length; n++) {
            numbers.add(n);
        }
        return numbers;
    }

    /** The result as a markdown table row and the problems (no personal data: ids and event names only). */
    static String markdown(List<Result> results) {
        StringBuilder out = new StringBuilder("| event store | kill -9 rounds | commands acknowledged | events lost | duplicated | impossible histories | "
                                              + "verifications consistent | took |\n"
                                              + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results) {
            out.append(String.format("| %s | %d | %d | %d | %d | %d | %d of %d | %d s |%n", r.store(), r.rounds(),
                                     r.acknowledged(), r.lost(), r.duplicated(), r.impossible(), r.consistentVerifications(),
                                     r.verifications(), r.took().toSeconds()));
        }
        for (Result r : results) {
            r.problems().forEach(problem -> out.append("\n- ").append(r.store()).append(": ").append(problem));
        }
        return out.toString();
    }
}
