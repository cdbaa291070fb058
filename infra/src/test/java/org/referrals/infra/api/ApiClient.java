package org.referrals.infra.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralResult;
import org.referrals.infra.support.Samples;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The HTTP API as an integrator uses it, for tests: keys, partners, cases and referrals in a few calls. */
public class ApiClient {

    public static final String ADMIN_KEY = "test-bootstrap-admin-key-Zq7Vw2Lx9Tb4Nc8Rk3Hm6Jp";

    private final WebTestClient web;

    public ApiClient(WebTestClient web) {
        this.web = web;
    }

    public WebTestClient web() {
        return web;
    }

    public WebTestClient.ResponseSpec call(HttpMethod method, String path, String key, Object body, String... headers) {
        var request = web.method(method).uri(path);
        if (key != null) {
            request = request.header("X-API-Key", key);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        }
        return request.exchange();
    }

    public WebTestClient.ResponseSpec post(String path, String key, Object body, String... headers) {
        return call(HttpMethod.POST, path, key, body, headers);
    }

    /** A fresh key of that role (and partner, for agents), issued by the bootstrap admin. */
    public String key(Role role, String partnerId) {
        Map<String, Object> body = partnerId == null ? Map.of("role", role.name(), "label", "test " + role)
                : Map.of("role", role.name(), "partnerId", partnerId, "label", "test agent of " + partnerId);
        return post("/api/admin/api-keys", ADMIN_KEY, body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("key").toString();
    }

    private String coordinatorKey;

    /** A coordinator's key, issued on first use. */
    public String coordinatorKey() {
        if (coordinatorKey == null) {
            coordinatorKey = key(Role.COORDINATOR, null);
        }
        return coordinatorKey;
    }

    /** A new partner with a unique id offering these categories; answers its id. */
    public String partner(String prefix, ServiceCategory... categories) {
        String partnerId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/partners", coordinatorKey(), Samples.partner(partnerId, categories)).expectStatus().isCreated();
        return partnerId;
    }

    /** A case of the agent's partner with a consent for any partner and category; answers its id. */
    public String caseOf(String agentKey) {
        var body = Map.of("person", Samples.person(), "vulnerabilities", List.of("VICTIM_OF_TRAFFICKING"),
                          "countryOfReturn", "MA",
                          "consent", new ConsentTerms(LegalBasis.CONSENT, List.of(), List.of(), null));
        return post("/api/cases", agentKey, body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("caseId").toString();
    }

    /** A referring partner, a receiving partner offering the category, and an agent key for each. */
    public record Parties(String referrer, String receiver, String referrerKey, String receiverKey) {
    }

    public Parties parties(String prefix, ServiceCategory category) {
        String referrer = partner(prefix + "-ref");
        String receiver = partner(prefix + "-rec", category);
        return new Parties(referrer, receiver, key(Role.PARTNER_AGENT, referrer), key(Role.PARTNER_AGENT, receiver));
    }

    public static Map<String, Object> referralBody(String caseId, String toPartnerId, ServiceCategory category) {
        return Map.of("caseId", caseId, "toPartnerId", toPartnerId, "serviceCategory", category.name(),
                      "urgency", "PRIORITY", "reason", "assessment after return");
    }

    public ReferralResult refer(String key, String caseId, String toPartnerId, ServiceCategory category) {
        return post("/api/referrals", key, referralBody(caseId, toPartnerId, category)).expectStatus().isCreated()
                .expectBody(ReferralResult.class).returnResult().getResponseBody();
    }

    public ReferralResult act(String key, String referralId, String action, Map<String, ?> body) {
        return post("/api/referrals/" + referralId + "/" + action, key, body).expectStatus().isOk()
                .expectBody(ReferralResult.class).returnResult().getResponseBody();
    }

    public static String ifMatch(long version) {
        return "\"" + version + "\"";
    }

    public static final String IF_MATCH = HttpHeaders.IF_MATCH;
}
