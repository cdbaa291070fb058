package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.springframework.http.HttpMethod;

/**
 * Every referral, case and partner endpoint, called by every kind of caller on a resource of partner A: A's own
 * agent, the agent of R (the partner A refers to), the agent of an unrelated partner B, a coordinator, an
 * analyst and an admin. The expected answers are the table below; each cell gets a fresh resource in the state
 * its action needs, so only permission decides the answer. A refused call must also write nothing.
 */
class AuthorizationMatrixTest extends ApiTest {

    private static final ServiceCategory CARE = ServiceCategory.HEALTH_CARE;
    private static final List<String> CALLERS = List.of("A", "R", "B", "COORDINATOR", "ANALYST", "ADMIN");

    /** endpoint: expected status for A, R, B, COORDINATOR, ANALYST, ADMIN. */
    private static final Map<String, List<Integer>> EXPECTED = table(
            "refer                | 201 404 404 201 403 403",
            "get referral         | 200 200 404 200 404 404",
            "accept               | 403 200 404 403 404 404",
            "decline              | 403 200 404 403 404 404",
            "hold                 | 403 200 404 403 404 404",
            "resume               | 403 200 404 403 404 404",
            "start                | 403 200 404 403 404 404",
            "deliver              | 403 200 404 403 404 404",
            "fail                 | 403 200 404 403 404 404",
            "cancel               | 200 200 404 200 404 404",
            "close referral       | 200 403 404 200 404 404",
            "notes                | 200 200 404 200 404 404",
            "redirect             | 201 403 404 201 404 404",
            "register case        | 201 201 201 403 403 403",
            "record consent       | 201 404 404 201 404 404",
            "withdraw consent     | 200 404 404 200 404 404",
            "close case           | 200 404 404 200 404 404",
            "erase case           | 403 404 404 403 404 200",
            "update services of A | 200 403 403 200 403 200",
            "suspend A            | 403 403 403 200 403 200",
            "reactivate A         | 403 403 403 200 403 200",
            "get partner A        | 200 200 200 200 200 200",
            "issue api key        | 403 403 403 403 403 201",
            "list referrals of A  | 200 404 404 200 403 403",
            "get case             | 200 200 404 200 404 404",
            "referral timeline    | 200 200 404 200 404 404",
            "case timeline        | 200 200 404 200 404 404",
            "caseload of A        | 200 404 404 200 200 403",
            "network              | 403 403 403 200 200 403",
            "statistics           | 403 403 403 200 200 403",
            "directory            | 200 200 200 200 200 200",
            "projection status    | 403 403 403 403 403 200",
            "audit verify         | 403 403 403 200 403 200",
            "audit checkpoint     | 403 403 403 200 403 200",
            "escalations          | 403 403 403 200 403 403",
            "suggestions          | 200 404 404 200 404 404",
            "record assessment    | 201 404 404 201 404 404",
            "case assessments     | 200 404 404 200 404 404",
            "referral notes       | 200 200 404 200 404 404",
            "instruments          | 200 200 200 200 200 200",
            "agree plan           | 201 404 404 201 404 404",
            "add goal             | 201 404 404 201 404 404",
            "revise goal          | 200 404 404 200 404 404",
            "achieve goal         | 200 404 404 200 404 404",
            "drop goal            | 200 404 404 200 404 404",
            "case plan            | 200 200 404 200 404 404",
            "overdue plans        | 403 403 403 200 403 403",
            "feedback             | 200 200 404 200 404 404",
            "quality statistics   | 403 403 403 200 200 403",
            "form household       | 201 404 404 201 404 404",
            "add household member | 200 404 404 200 404 404",
            "remove household member | 200 404 404 200 404 404",
            "get household        | 200 200 404 200 404 404",
            "search cases by name | 200 200 200 200 403 403");

    private record World(String a, String r, String b, String other, Map<String, String> keys) {
    }

    private record Referral(String id, String caseId) {
    }

    @Test
    void everyCallerGetsTheExpectedAnswerFromEveryEndpoint() {
        Map<String, Function<World, Function<String, Integer>>> endpoints = endpoints();
        assertThat(endpoints.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        List<String> mismatches = new ArrayList<>();
        for (var row : EXPECTED.entrySet()) {
            boolean changesPartnerA = row.getKey().endsWith(" A");
            World rowWorld = world();
            for (int column = 0; column < CALLERS.size(); column++) {
                World world = changesPartnerA ? world() : rowWorld;
                String caller = CALLERS.get(column);
                Function<String, Integer> call = endpoints.get(row.getKey()).apply(world); // sets up a fresh resource
                long before = eventCount();
                int status = call.apply(world.keys().get(caller));
                int expected = row.getValue().get(column);
                if (status != expected) {
                    mismatches.add("%s by %s: %d, expected %d".formatted(row.getKey(), caller, status, expected));
                }
                if (status >= 400 && eventCount() != before) {
                    mismatches.add("%s by %s: refused (%d) but wrote events".formatted(row.getKey(), caller, status));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** Partners A (refers), R (receives), B (unrelated), another receiver for redirects, and a key per caller. */
    private World world() {
        String a = api.partner("a", ServiceCategory.LEGAL_AID);
        String r = api.partner("r", CARE);
        String b = api.partner("b", CARE);
        String other = api.partner("o", CARE);
        Map<String, String> keys = Map.of(
                "A", api.key(Role.PARTNER_AGENT, a), "R", api.key(Role.PARTNER_AGENT, r),
                "B", api.key(Role.PARTNER_AGENT, b), "COORDINATOR", api.coordinatorKey(),
                "ANALYST", api.key(Role.ANALYST, null), "ADMIN", ApiClient.ADMIN_KEY);
        return new World(a, r, b, other, keys);
    }

    /** A referral from A to R, brought into a state by R's agent through these actions. */
    private Referral referral(World world, String... actions) {
        String agentOfA = world.keys().get("A");
        String caseId = api.caseOf(agentOfA);
        String id = api.refer(agentOfA, caseId, world.r(), CARE).referralId();
        for (String action : actions) {
            Map<String, String> body = switch (action) {
                case "decline" -> Map.of("reasonCode", "NO_CAPACITY");
                case "deliver" -> Map.of("outcome", "SERVICE_PROVIDED");
                default -> Map.of();
            };
            api.act(world.keys().get("R"), id, action, body);
        }
        return new Referral(id, caseId);
    }

    private int status(HttpMethod method, String path, String key, Object body) {
        return api.call(method, path, key, body).returnResult(String.class).getStatus().value();
    }

    private Map<String, Function<World, Function<String, Integer>>> endpoints() {
        Map<String, Function<World, Function<String, Integer>>> endpoints = new LinkedHashMap<>();
        endpoints.put("refer", w -> {
            var body = ApiClient.referralBody(api.caseOf(w.keys().get("A")), w.r(), CARE);
            return key -> status(HttpMethod.POST, "/api/referrals", key, body);
        });
        endpoints.put("get referral", w -> {
            String id = referral(w).id();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(1)).until(
                    () -> status(HttpMethod.GET, "/api/referrals/" + id, w.keys().get("COORDINATOR"), null) == 200);
            return key -> status(HttpMethod.GET, "/api/referrals/" + id, key, null);
        });
        action(endpoints, "accept", Map.of());
        action(endpoints, "decline", Map.of("reasonCode", "NOT_ELIGIBLE"));
        action(endpoints, "hold", Map.of(), "accept");
        action(endpoints, "resume", Map.of(), "accept", "hold");
        action(endpoints, "start", Map.of(), "accept");
        action(endpoints, "deliver", Map.of("outcome", "PARTIALLY_PROVIDED"), "accept", "start");
        action(endpoints, "fail", Map.of("reasonCode", "CLIENT_UNREACHABLE"), "accept");
        action(endpoints, "cancel", Map.of("note", "no longer needed"));
        endpoints.put("close referral", w -> {
            String id = referral(w, "accept", "start", "deliver").id();
            return key -> status(HttpMethod.POST, "/api/referrals/" + id + "/close", key, Map.of("closureReason", "NEED_MET"));
        });
        action(endpoints, "notes", Map.of("note", "called the client"));
        endpoints.put("redirect", w -> {
            String id = referral(w, "decline").id();
            return key -> status(HttpMethod.POST, "/api/referrals/" + id + "/redirect", key, Map.of("toPartnerId", w.other()));
        });
        Function<World, String> caseOfA = w -> api.caseOf(w.keys().get("A"));
        endpoints.put("register case", w -> key -> status(HttpMethod.POST, "/api/cases", key, Map.of(
                "person", org.referrals.infra.support.Samples.person(), "vulnerabilities", List.of(),
                "countryOfReturn", "MA", "consent", Map.of("legalBasis", "CONSENT"))));
        ConsentTerms terms = new ConsentTerms(LegalBasis.PUBLIC_INTEREST, List.of(CARE), List.of(), null);
        endpoints.put("record consent", w -> {
            String caseId = caseOfA.apply(w);
            return key -> status(HttpMethod.POST, "/api/cases/" + caseId + "/consents", key, terms);
        });
        endpoints.put("withdraw consent", w -> {
            String caseId = caseOfA.apply(w);
            String consentId = api.post("/api/cases/" + caseId + "/consents", w.keys().get("A"), terms)
                                  .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                                  .get("consentId").toString();
            return key -> status(HttpMethod.POST, "/api/cases/" + caseId + "/consents/" + consentId + "/withdraw", key,
                                 Map.of("note", "client asked"));
        });
        endpoints.put("close case", w -> {
            String caseId = caseOfA.apply(w);
            return key -> status(HttpMethod.POST, "/api/cases/" + caseId + "/close", key, Map.of("reason", "MOVED_AWAY"));
        });
        endpoints.put("erase case", w -> {
            String caseId = caseOfA.apply(w);
            return key -> status(HttpMethod.POST, "/api/cases/" + caseId + "/erasure", key, Map.of("justification", "asked"));
        });
        endpoints.put("update services of A", w -> key -> status(HttpMethod.PUT, "/api/partners/" + w.a() + "/services", key,
                Map.of("services", List.of(Map.of("category", "LEGAL_AID", "capacity", 3)))));
        endpoints.put("suspend A", w -> key -> status(HttpMethod.POST, "/api/partners/" + w.a() + "/suspend", key,
                                                      Map.of("reason", "audit")));
        endpoints.put("reactivate A", w -> {
            api.post("/api/partners/" + w.a() + "/suspend", w.keys().get("COORDINATOR"), Map.of("reason", "audit"))
               .expectStatus().isOk();
            return key -> status(HttpMethod.POST, "/api/partners/" + w.a() + "/reactivate", key, Map.of("reason", "done"));
        });
        endpoints.put("get partner A", w -> {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(1)).until(
                    () -> status(HttpMethod.GET, "/api/partners/" + w.a(), ApiClient.ADMIN_KEY, null) == 200);
            return key -> status(HttpMethod.GET, "/api/partners/" + w.a(), key, null);
        });
        endpoints.put("list referrals of A", w -> {
            seen(w, referral(w).id());
            return key -> status(HttpMethod.GET, "/api/referrals?partnerId=" + w.a(), key, null);
        });
        endpoints.put("get case", w -> {
            Referral referral = referral(w);
            seen(w, referral.id());
            awaitStatus(w, "/api/cases/" + referral.caseId());
            return key -> status(HttpMethod.GET, "/api/cases/" + referral.caseId(), key, null);
        });
        endpoints.put("record assessment", w -> {
            String caseId = caseOfA.apply(w);
            return key -> status(HttpMethod.POST, "/api/cases/" + caseId + "/assessments", key,
                                 Map.of("instrument", "rss", "answers", Map.of("housing", "FAIR")));
        });
        endpoints.put("case assessments", w -> {
            Referral referral = referral(w);
            seen(w, referral.id());
            awaitStatus(w, "/api/cases/" + referral.caseId());
            return key -> status(HttpMethod.GET, "/api/cases/" + referral.caseId() + "/assessments", key, null);
        });
        endpoints.put("referral notes", w -> {
            String id = referral(w).id();
            seen(w, id);
            return key -> status(HttpMethod.GET, "/api/referrals/" + id + "/notes", key, null);
        });
        endpoints.put("instruments", w -> key -> status(HttpMethod.GET, "/api/instruments", key, null));
        endpoints.put("agree plan", w -> {
            String caseId = caseOfA.apply(w);
            return key -> status(HttpMethod.POST, "/api/cases/" + caseId + "/plan", key, Map.of("goals", List.of(GOAL)));
        });
        endpoints.put("add goal", w -> {
            String caseId = planned(w)[0];
            return key -> status(HttpMethod.POST, "/api/cases/" + caseId + "/plan/goals", key, GOAL);
        });
        endpoints.put("revise goal", w -> {
            String[] plan = planned(w);
            return key -> status(HttpMethod.POST, "/api/cases/" + plan[0] + "/plan/goals/" + plan[1] + "/revise", key,
                                 Map.of("goal", GOAL, "reason", "later"));
        });
        endpoints.put("achieve goal", w -> {
            String[] plan = planned(w);
            return key -> status(HttpMethod.POST, "/api/cases/" + plan[0] + "/plan/goals/" + plan[1] + "/achieve", key, Map.of());
        });
        endpoints.put("drop goal", w -> {
            String[] plan = planned(w);
            return key -> status(HttpMethod.POST, "/api/cases/" + plan[0] + "/plan/goals/" + plan[1] + "/drop", key,
                                 Map.of("reason", "moved on"));
        });
        endpoints.put("case plan", w -> {
            Referral referral = referral(w);
            seen(w, referral.id());
            awaitStatus(w, "/api/cases/" + referral.caseId());
            return key -> status(HttpMethod.GET, "/api/cases/" + referral.caseId() + "/plan", key, null);
        });
        endpoints.put("overdue plans", w -> key -> status(HttpMethod.GET, "/api/escalations/plans", key, null));
        endpoints.put("feedback", w -> {
            String id = referral(w, "accept").id();
            return key -> status(HttpMethod.POST, "/api/referrals/" + id + "/feedback", key, Map.of("satisfaction", 4));
        });
        endpoints.put("quality statistics", w -> key -> status(HttpMethod.GET, "/api/stats/quality", key, null));
        endpoints.put("form household", w -> {
            String caseId = caseOfA.apply(w);
            return key -> status(HttpMethod.POST, "/api/households", key, Map.of("headCaseId", caseId));
        });
        endpoints.put("add household member", w -> {
            String household = household(w, caseOfA.apply(w));
            String member = caseOfA.apply(w);
            return key -> status(HttpMethod.POST, "/api/households/" + household + "/members", key,
                                 Map.of("caseId", member, "role", "CHILD"));
        });
        endpoints.put("remove household member", w -> {
            String household = household(w, caseOfA.apply(w));
            String member = caseOfA.apply(w);
            api.post("/api/households/" + household + "/members", w.keys().get("A"), Map.of("caseId", member, "role", "CHILD"))
               .expectStatus().isOk();
            return key -> status(HttpMethod.POST, "/api/households/" + household + "/members/" + member + "/remove", key, Map.of());
        });
        endpoints.put("search cases by name", w -> key -> status(HttpMethod.POST, "/api/cases/search", key,
                Map.of("givenName", "Zainabou", "familyName", "Ndiayekoumba", "dateOfBirth", "1991-07-23")));
        endpoints.put("get household", w -> {
            Referral referral = referral(w); // R receives a referral of the head's case: R sees it
            String household = household(w, referral.caseId());
            seen(w, referral.id());
            awaitStatus(w, "/api/households/" + household);
            return key -> status(HttpMethod.GET, "/api/households/" + household, key, null);
        });
        endpoints.put("referral timeline", w -> {
            String id = referral(w).id();
            seen(w, id);
            return key -> status(HttpMethod.GET, "/api/referrals/" + id + "/timeline", key, null);
        });
        endpoints.put("case timeline", w -> {
            Referral referral = referral(w);
            seen(w, referral.id());
            awaitStatus(w, "/api/cases/" + referral.caseId());
            return key -> status(HttpMethod.GET, "/api/cases/" + referral.caseId() + "/timeline", key, null);
        });
        endpoints.put("caseload of A", w -> {
            awaitStatus(w, "/api/partners/" + w.a());
            return key -> status(HttpMethod.GET, "/api/partners/" + w.a() + "/caseload", key, null);
        });
        endpoints.put("network", w -> key -> status(HttpMethod.GET, "/api/network", key, null));
        endpoints.put("statistics", w -> key -> status(HttpMethod.GET, "/api/stats?groupBy=category", key, null));
        endpoints.put("directory", w -> key -> status(HttpMethod.GET, "/api/partners?kind=NGO", key, null));
        endpoints.put("projection status", w -> key -> status(HttpMethod.GET, "/api/admin/projections", key, null));
        endpoints.put("audit verify", w -> key -> status(HttpMethod.GET, "/api/audit/verify", key, null));
        endpoints.put("suggestions", w -> {
            Referral referral = referral(w);
            awaitStatus(w, "/api/cases/" + referral.caseId());
            return key -> status(HttpMethod.GET, "/api/referrals/suggestions?caseId=" + referral.caseId() + "&category=" + CARE.name(),
                                 key, null);
        });
        endpoints.put("escalations", w -> key -> status(HttpMethod.GET, "/api/escalations", key, null));
        endpoints.put("audit checkpoint", w -> key -> status(HttpMethod.GET, "/api/audit/checkpoint", key, null));
        endpoints.put("issue api key", w -> key -> status(HttpMethod.POST, "/api/admin/api-keys", key,
                                                          Map.of("role", "ANALYST", "label", "matrix")));
        return endpoints;
    }

    private static final Map<String, Object> GOAL = Map.of("dimension", "SOCIAL", "description", "a room of their own",
            "targetDate", java.time.LocalDate.now().plusMonths(2).toString(), "serviceCategories", List.of("SHELTER_HOUSING"));

    /** A household formed by A around that case; its id. */
    private String household(World w, String headCaseId) {
        return api.post("/api/households", w.keys().get("A"), Map.of("headCaseId", headCaseId)).expectStatus().isCreated()
                  .expectBody(Map.class).returnResult().getResponseBody().get("householdId").toString();
    }

    /** A case of A with an agreed plan: its id and its goal's. */
    private String[] planned(World w) {
        String caseId = api.caseOf(w.keys().get("A"));
        var agreed = api.post("/api/cases/" + caseId + "/plan", w.keys().get("A"), Map.of("goals", List.of(GOAL)))
                        .expectStatus().isCreated().expectBody(org.referrals.api.plan.PlanChange.class).returnResult().getResponseBody();
        return new String[] {caseId, agreed.goalIds().get(0)};
    }

    /** Waits until the read models show this referral, so only permission decides the answer. */
    private void seen(World w, String referralId) {
        awaitStatus(w, "/api/referrals/" + referralId);
    }

    private void awaitStatus(World w, String path) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2))
                                 .until(() -> status(HttpMethod.GET, path, w.keys().get("COORDINATOR"), null) == 200);
    }

    private void action(Map<String, Function<World, Function<String, Integer>>> endpoints, String action, Map<String, String> body,
                        String... before) {
        endpoints.put(action, w -> {
            String id = referral(w, before).id();
            return key -> status(HttpMethod.POST, "/api/referrals/" + id + "/" + action, key, body);
        });
    }

    private static Map<String, List<Integer>> table(String... rows) {
        Map<String, List<Integer>> table = new LinkedHashMap<>();
        for (String row : rows) {
            String[] parts = row.split("\\|");
            table.put(parts[0].trim(), java.util.Arrays.stream(parts[1].trim().split("\\s+")).map(Integer::valueOf).toList());
        }
        return table;
    }
}
