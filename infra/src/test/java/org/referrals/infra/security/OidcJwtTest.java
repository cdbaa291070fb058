package org.referrals.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.Samples;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * OIDC bearer tokens beside API keys: signed by a key generated here, whose JWK set this test serves over HTTP.
 * Accepted with the role and partner of their claims; refused when expired, signed by another key, from another
 * issuer, or naming no role.
 */
class OidcJwtTest {

    private static final String ISSUER = "https://idp.example.org/realms/referrals";
    private static final String ADMIN_KEY = "oidc-test-admin-key-Zq7Vw2Lx9Tb4Nc8Rk3Hm6Jp";

    @TempDir
    static Path dataDir;
    private static HttpServer jwks;
    private static RunningApplication app;
    private static RSAKey signingKey;
    private static WebTestClient web;

    @BeforeAll
    static void start() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        byte[] keySet = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        jwks.start();
        app = RunningApplication.start(dataDir, "referrals.oidc.issuer-uri=" + ISSUER,
                                       "referrals.oidc.jwk-set-uri=http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks",
                                       "referrals.bootstrap-admin-key=" + ADMIN_KEY);
        web = app.web();
        app.send(Samples.partner("ngo-oidc", ServiceCategory.LEGAL_AID), Samples.COORDINATOR);
        // the caseload endpoint answers once the partner read model has it
        String coordinator = valid(Map.of("roles", "COORDINATOR"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                get("/api/partners/ngo-oidc/caseload", coordinator).expectStatus().isOk());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (jwks != null) {
            jwks.stop(0);
        }
    }

    private static String token(RSAKey key, String issuer, Instant expiresAt, Map<String, Object> claims) throws Exception {
        var builder = new JWTClaimsSet.Builder().issuer(issuer).subject("user-1234").issueTime(new Date())
                                                .expirationTime(Date.from(expiresAt));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), builder.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String valid(Map<String, Object> claims) throws Exception {
        return token(signingKey, ISSUER, Instant.now().plusSeconds(300), claims);
    }

    private static WebTestClient.ResponseSpec get(String path, String bearer) {
        return web.get().uri(path).header("Authorization", "Bearer " + bearer).exchange();
    }

    @Test
    void aCoordinatorTokenActsAsCoordinator() throws Exception {
        String coordinator = valid(Map.of("roles", List.of("offline_access", "coordinator")));
        get("/api/network", coordinator).expectStatus().isOk();
        get("/api/partners/ngo-oidc/caseload", coordinator).expectStatus().isOk();
        get("/api/admin/projections", coordinator).expectStatus().isForbidden();
    }

    @Test
    void aPartnerAgentTokenActsForItsPartnerOnly() throws Exception {
        String agent = valid(Map.of("roles", "PARTNER_AGENT", "partner_id", "ngo-oidc"));
        get("/api/partners/ngo-oidc/caseload", agent).expectStatus().isOk();
        get("/api/partners/other-partner/caseload", agent).expectStatus().isNotFound();
        get("/api/network", agent).expectStatus().isForbidden();
        // a partner agent without a partner claim
        get("/api/partners/ngo-oidc/caseload", valid(Map.of("roles", "PARTNER_AGENT"))).expectStatus().isUnauthorized();
    }

    @Test
    void expiredWronglySignedForeignOrRolelessTokensAreRefused() throws Exception {
        Map<String, Object> coordinator = Map.of("roles", List.of("COORDINATOR"));
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        List<String> refused = List.of(
                token(signingKey, ISSUER, Instant.now().minusSeconds(120), coordinator),
                token(otherKey, ISSUER, Instant.now().plusSeconds(300), coordinator),
                token(signingKey, "https://evil.example.org/realms/referrals", Instant.now().plusSeconds(300), coordinator),
                valid(Map.of("roles", List.of("SYSTEM", "superuser"))),
                "not-a-jwt");
        for (String bearer : refused) {
            get("/api/network", bearer).expectStatus().isUnauthorized()
                                     .expectHeader().contentType("application/problem+json")
                                     .expectBody().jsonPath("$.detail").value(detail ->
                                             assertThat(detail.toString()).startsWith("the bearer token is not accepted"));
        }
    }

    @Test
    void apiKeysStillWorkBesideTokens() {
        web.get().uri("/api/admin/projections").header("X-API-Key", ADMIN_KEY).exchange().expectStatus().isOk();
        web.get().uri("/api/network").exchange().expectStatus().isUnauthorized()
           .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("Bearer"));
    }
}
