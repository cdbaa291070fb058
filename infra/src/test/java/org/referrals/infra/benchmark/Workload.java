package org.referrals.infra.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's clients: pairs of partners (a referring NGO and a clinic) with an agent key each and a case, one
 * pair per client so that clients never wait on each other's aggregates. A referral's whole life is the mixed
 * command workload: make, accept, start, deliver, close; in the benchmark's phases, a new case is registered for every
 * five lives (since 2026-12-05; before, each client's phase referred one person thousands of times).
 */
public final class Workload {

    private record Pair(String ngo, String clinic, String ngoKey, String clinicKey, String caseId) {
    }

    /** A person's referrals, in the command phases and in a partner's history. */
    private static final int REFERRALS_PER_CASE = 5;
    /** Numbers the people registered (a name each: letters only). */
    private static final AtomicLong PEOPLE = new AtomicLong();

    private final Api api;
    private final List<Pair> pairs;

    private Workload(Api api, List<Pair> pairs) {
        this.api = api;
        this.pairs = pairs;
    }

    public static Workload prepare(Api api, String adminKey, int pairCount) {
        String coordinator = api.ok("/api/admin/api-keys", adminKey, "{\"role\":\"COORDINATOR\",\"label\":\"benchmark\"}").field("key");
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < pairCount; i++) {
            String ngo = "bench-ngo-" + i;
            String clinic = "bench-clinic-" + i;
            api.ok("/api/partners", coordinator, partner(ngo, "NGO", ""));
            api.ok("/api/partners", coordinator, partner(clinic, "HEALTH_FACILITY", "{\"category\":\"HEALTH_CARE\",\"capacity\":100000}"));
            String ngoKey = api.ok("/api/admin/api-keys", adminKey, agent(ngo)).field("key");
            String clinicKey = api.ok("/api/admin/api-keys", adminKey, agent(clinic)).field("key");
            String caseId = registerCase(api, ngoKey);
            pairs.add(new Pair(ngo, clinic, ngoKey, clinicKey, caseId));
        }
        return new Workload(api, pairs);
    }

    /**
     * A case of a person of their own: the same person registered again is a possible duplicate of every earlier
     * registration, and the answer lists them all (thousands, in a phase).
     */
    private static String registerCase(Api api, String ngoKey) {
        String familyName = "Bench" + Long.toString(PEOPLE.incrementAndGet(), 26).chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'a' + c - '0' : c + 10)))
                .collect(java.util.stream.Collectors.joining());
        return api.ok("/api/cases", ngoKey, "{\"person\":{\"givenName\":\"Awa\",\"familyName\":\"" + familyName + "\",\"dateOfBirth\":"
                + "\"1990-01-01\",\"sex\":\"FEMALE\",\"nationality\":\"SN\",\"languages\":[\"fr\"]},\"vulnerabilities\":[],"
                + "\"countryOfReturn\":\"SN\",\"consent\":{\"legalBasis\":\"CONSENT\"}}").field("caseId");
    }

    private static String partner(String id, String kind, String service) {
        return "{\"partnerId\":\"" + id + "\",\"name\":\"Benchmark " + id + "\",\"kind\":\"" + kind + "\",\"country\":\"MA\","
                + "\"regions\":[\"Oriental\"],\"languages\":[\"fr\"],\"contactEmail\":\"" + id + "@example.org\",\"services\":["
                + service + "]}";
    }

    private static String agent(String partnerId) {
        return "{\"role\":\"PARTNER_AGENT\",\"partnerId\":\"" + partnerId + "\",\"label\":\"benchmark\"}";
    }

    /** The same partners, keys and cases, through another connection (the application restarted on another port). */
    public Workload through(Api other) {
        return new Workload(other, pairs);
    }

    /**
     * One referral's whole life by that client's pair (make, accept, start, deliver, close); each step the
     * application acknowledged (a 2xx answer) is passed on as (referral id, event it records) before the next is
     * sent. Stops at the first call without such an answer, with its exception.
     */
    public void lifecycle(int client, java.util.function.BiConsumer<String, String> acknowledged) {
        lifecycle(client, pairs.get(client).caseId(), acknowledged);
    }

    private void lifecycle(int client, String caseId, java.util.function.BiConsumer<String, String> acknowledged) {
        Pair pair = pairs.get(client);
        String id = api.ok("/api/referrals", pair.ngoKey(), referralBody(caseId, pair.clinic())).field("referralId");
        acknowledged.accept(id, "ReferralRequested");
        api.ok("/api/referrals/" + id + "/accept", pair.clinicKey(), "{}");
        acknowledged.accept(id, "ReferralAccepted");
        api.ok("/api/referrals/" + id + "/start", pair.clinicKey(), "{}");
        acknowledged.accept(id, "ServiceStarted");
        api.ok("/api/referrals/" + id + "/deliver", pair.clinicKey(), "{\"outcome\":\"SERVICE_PROVIDED\"}");
        acknowledged.accept(id, "ServiceDelivered");
        api.ok("/api/referrals/" + id + "/close", pair.ngoKey(), "{\"closureReason\":\"NEED_MET\"}");
        acknowledged.accept(id, "ReferralClosed");
    }

    /** One new referral by that client's NGO, answered as it is (the reliability tests count every kind of answer). */
    public Api.Answer refer(int client) {
        return api.post("/api/referrals", pairs.get(client).ngoKey(), referralBody(pairs.get(client)));
    }

    /** The mixed workload by that many clients for that long; answers commands per second, latencies into the sink. */
    double commands(int clients, Duration phase, Latencies latencies) throws Exception {
        return commands(0, clients, phase, latencies);
    }

    /** The same by the clients of the pairs from {@code firstPair} on. */
    double commands(int firstPair, int clients, Duration phase, Latencies latencies) throws Exception {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + phase.toNanos();
        run(clients, client -> {
            String caseId = null;
            for (int lives = 0; System.nanoTime() < deadline; lives++) {
                // each step's latency: from the previous answer (or the start) to its own
                long[] sent = {System.nanoTime()};
                Runnable answered = () -> {
                    long now = System.nanoTime();
                    latencies.add(now - sent[0]);
                    done.incrementAndGet();
                    sent[0] = now;
                };
                if (lives % REFERRALS_PER_CASE == 0) {
                    // a new person every few referrals: a case's documents grow with its own referrals (bounded by one
                    // person's), which a phase's thousands of referrals for one case would measure instead
                    caseId = registerCase(api, pairs.get(firstPair + client).ngoKey());
                    answered.run();
                }
                lifecycle(firstPair + client, caseId, (referral, event) -> answered.run());
            }
        });
        return done.get() / (double) phase.toSeconds();
    }

    /**
     * Gives the clinics of the pairs from {@code firstPair} on that many referrals each (new ones, left unanswered:
     * the most open work a partner can have), for a new case every {@value #REFERRALS_PER_CASE} referrals (a partner's
     * history is many people's, not one person's), one client per pair; logs its progress every 10 %.
     */
    void history(int firstPair, int pairCount, int referralsEach, java.util.function.Consumer<String> progress) throws Exception {
        AtomicLong made = new AtomicLong();
        long total = (long) pairCount * referralsEach;
        run(pairCount, client -> {
            Pair pair = pairs.get(firstPair + client);
            String caseId = null;
            for (int i = 0; i < referralsEach; i++) {
                caseId = i % REFERRALS_PER_CASE == 0 ? registerCase(api, pair.ngoKey()) : caseId;
                api.ok("/api/referrals", pair.ngoKey(), referralBody(caseId, pair.clinic()));
                long now = made.incrementAndGet();
                if (now % Math.max(1, total / 10) == 0) {
                    progress.accept("history: " + now + " of " + total + " referrals made");
                }
            }
        });
    }

    /** New referrals at a steady rate by 4 clients; for each, the time from the answer until the query API shows it. */
    void projectionLag(double commandsPerSecond, Duration phase, Latencies lag) throws Exception {
        long deadline = System.nanoTime() + phase.toNanos();
        long intervalNanos = (long) (4 * 1e9 / commandsPerSecond);
        run(4, client -> {
            Pair pair = pairs.get(client);
            long next = System.nanoTime();
            while (System.nanoTime() < deadline) {
                String id = api.ok("/api/referrals", pair.ngoKey(), referralBody(pair)).field("referralId");
                long answered = System.nanoTime();
                while (api.get("/api/referrals/" + id, pair.ngoKey()).status() != 200) {
                    Thread.onSpinWait();
                }
                lag.add(System.nanoTime() - answered);
                next += intervalNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        });
    }

    /** The five measured queries about one partner and one of its referrals, by name. */
    public static Map<String, String> queriesAbout(String partnerId, String referralId) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("inbox page", "/api/referrals?partnerId=" + partnerId + "&direction=inbound&page=0&size=20");
        queries.put("caseload", "/api/partners/" + partnerId + "/caseload");
        queries.put("network map", "/api/network");
        queries.put("timeline", "/api/referrals/" + referralId + "/timeline");
        queries.put("statistics", "/api/stats?groupBy=category");
        return queries;
    }

    /** That many clients asking those queries (name to path) in turn for that long; latencies by query. */
    static Map<String, Latencies> queries(Api api, String key, Map<String, String> queries, int clients,
                                          Duration phase) throws Exception {
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        queries.keySet().forEach(name -> latencies.put(name, new Latencies()));
        List<String> names = new ArrayList<>(queries.keySet());
        long deadline = System.nanoTime() + phase.toNanos();
        run(clients, client -> {
            for (int i = client; System.nanoTime() < deadline; i++) {
                String name = names.get(i % names.size());
                long started = System.nanoTime();
                api.fetch(queries.get(name), key);
                latencies.get(name).add(System.nanoTime() - started);
            }
        });
        return latencies;
    }

    private static String referralBody(Pair pair) {
        return referralBody(pair.caseId(), pair.clinic());
    }

    private static String referralBody(String caseId, String clinic) {
        return "{\"caseId\":\"" + caseId + "\",\"toPartnerId\":\"" + clinic + "\",\"serviceCategory\":\"HEALTH_CARE\","
                + "\"urgency\":\"ROUTINE\",\"reason\":\"benchmark\"}";
    }

    private interface Body {
        void run(int client) throws Exception;
    }

    private static void run(int clients, Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int id = client;
            running.add(pool.submit(() -> {
                body.run(id);
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> future : running) {
            future.get();
        }
    }
}
