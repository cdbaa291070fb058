package org.referrals.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.support.RunningApplication;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Random and mutated requests against every endpoint of the OpenAPI document: ids, bodies (wrong types, huge strings,
 * deep nesting, garbage, duplicate keys, enum ordinals, numbers and booleans for text, dates at the calendar's edges),
 * content types and headers (Accept among them). Never a 5xx, never a stack trace, and a refused request writes
 * no event.
 */
class HostileInputProperties {

    private static final String ADMIN_KEY = ApiClient.ADMIN_KEY;
    /** Field names the API's bodies use, so mutated bodies reach validation and not only the JSON parser. */
    private static final List<String> FIELDS = List.of("caseId", "toPartnerId", "serviceCategory", "urgency", "reason",
            "partnerId", "name", "kind", "country", "regions", "languages", "contactEmail", "services", "category",
            "capacity", "role", "label", "person", "givenName", "familyName", "dateOfBirth", "countryOfReturn", "consent",
            "legalBasis", "outcome", "closureReason", "declineReason", "note", "action", "projection", "eventId",
            "partnerA", "partnerB", "text", "reasonCode", "consentId", "overrideReason");

    private static RunningApplication app;
    private static WebTestClient web;
    private static JdbcTemplate jdbc;
    /** Every {method, path template} of the OpenAPI document but the endless live stream. */
    private static List<Map.Entry<HttpMethod, String>> endpoints;
    /** Ids that exist, so that some requests get past the lookup. */
    private static List<String> realIds;
    private static List<String> keys;

    @BeforeContainer
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("referrals-hostile-");
        app = RunningApplication.start(dir.resolve("data"), "referrals.bootstrap-admin-key=" + ADMIN_KEY,
                                       "referrals.http.failed-auth-limit=10000000", "referrals.backup-dir=" + dir.resolve("backups"));
        web = app.web().mutate().responseTimeout(Duration.ofSeconds(30)).build();
        jdbc = app.bean(JdbcTemplate.class);
        ApiClient api = new ApiClient(web);
        var parties = api.parties("hx", ServiceCategory.HEALTH_CARE);
        String caseId = api.caseOf(parties.referrerKey());
        String referralId = api.refer(parties.referrerKey(), caseId, parties.receiver(), ServiceCategory.HEALTH_CARE).referralId();
        realIds = List.of(parties.referrer(), parties.receiver(), caseId, referralId);
        keys = List.of(ADMIN_KEY, api.coordinatorKey(), parties.referrerKey(), parties.receiverKey(),
                       api.key(Role.ANALYST, null), "rk_not-a-key", "");
        JsonNode paths = new ObjectMapper().readTree(web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                                                        .expectBody(String.class).returnResult().getResponseBody()).get("paths");
        endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            var path = it.next();
            if (path.getKey().equals("/api/stream")) {
                continue;
            }
            path.getValue().fieldNames().forEachRemaining(method -> endpoints.add(Map.entry(HttpMethod.valueOf(method.toUpperCase()), path.getKey())));
        }
        assertThat(endpoints).hasSizeGreaterThan(30);
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    /** One hostile request. */
    record Request(HttpMethod method, String template, List<String> pathValues, String key, String contentType, byte[] body,
                   Map<String, String> headers) {
        @Override
        public String toString() {
            String shown = body == null ? "no body" : new String(body, StandardCharsets.UTF_8);
            return method + " " + template + " " + pathValues + " key=" + key + " type=" + contentType + " headers=" + headers
                   + " body=" + (shown.length() > 300 ? shown.substring(0, 300) + "… (" + body.length + " bytes)" : shown);
        }
    }

    @Property(tries = 400)
    void noRequestBreaksTheApplicationOrWritesWhenRefused(@ForAll("requests") Request request) {
        long before = eventCount();
        EntityExchangeResult<byte[]> result = send(request);
        int status = result.getStatus().value();
        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);

        Statistics.label("answers").collect(status / 100 + "xx");
        // checked after all tries: some requests got through, or only the authentication was tested
        Statistics.label("answers").coverage(coverage -> {
            coverage.check("2xx").count(count -> count > 0);
            coverage.check("4xx").count(count -> count > 0);
        });
        assertThat(status).as("%s answered %s", request, body).isLessThan(500);
        assertThat(body).as("no stack trace").doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.");
        if (status >= 400) {
            assertThat(eventCount()).as("a refused request wrote no event: %s", request).isEqualTo(before);
        }
    }

    private static EntityExchangeResult<byte[]> send(Request request) {
        var spec = web.method(request.method()).uri(request.template(), request.pathValues().toArray());
        if (!request.key().isEmpty()) {
            spec.header("X-API-Key", request.key());
        }
        request.headers().forEach(spec::header);
        if (request.contentType() != null) {
            spec.header("Content-Type", request.contentType());
        }
        var exchange = request.body() == null ? spec.exchange() : spec.bodyValue(request.body()).exchange();
        return exchange.expectBody(byte[].class).returnResult();
    }

    private static long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<Map.Entry<HttpMethod, String>> endpoint = Arbitraries.of(endpoints);
        // a path over Netty's 4 KiB request line is refused by the server before any of our code (414) and left out
        Arbitrary<List<String>> pathValues = Arbitraries.oneOf(Arbitraries.of(realIds), hostileStrings().filter(value -> value.length() < 300))
                                                        .list().ofSize(3);
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json", "application/json",
                "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1",
                "application/x-www-form-urlencoded", "application/vnd.nonsense", "text/json").injectNull(0.1);
        Arbitrary<byte[]> body = Arbitraries.oneOf(json().map(text -> text.getBytes(StandardCharsets.UTF_8)),
                deepJson().map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200)).injectNull(0.15);
        Arbitrary<Map<String, String>> headers = Arbitraries.maps(Arbitraries.of("If-Match", "Idempotency-Key", "X-Correlation-Id", "Accept"),
                                                                  hostileStrings().filter(HostileInputProperties::isHeaderSafe)).ofMaxSize(3);
        return Combinators.combine(endpoint, pathValues, Arbitraries.of(keys), contentType, body, headers)
                          .as((e, values, key, type, content, extra) -> new Request(e.getKey(), e.getValue(),
                                  values.subList(0, placeholders(e.getValue())), key, type, content, extra));
    }

    private static int placeholders(String template) {
        return (int) template.chars().filter(c -> c == '{').count();
    }

    /** Header values must be visible ASCII without surrounding blanks for the HTTP client itself to send them. */
    private static boolean isHeaderSafe(String value) {
        return !value.isEmpty() && value.equals(value.strip()) && value.length() < 8000
               && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static Arbitrary<String> hostileStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().alpha().numeric().withChars("-_.").ofMinLength(1).ofMaxLength(60),
                Arbitraries.of("", " ", "../../etc/passwd", "%00", "null", "-1", "0", "9999999999999999999999", "1e400",
                               "<script>alert(1)</script>", "' OR '1'='1", "{\"$gt\":\"\"}", "$where", "\u0000", "é👍",
                               "HEALTH_CARE", "health_care", "ACCEPTED", "PT1H", "2026-13-45", "true",
                               "+999999999-12-31", "-999999999-01-01", "0000-01-01", "NGO ", " CONSENT",
                               "application/xml", "text/html"),
                Arbitraries.strings().ofMinLength(5_000).ofMaxLength(20_000));
    }

    /** JSON objects with the API's field names and values of every type, sometimes huge, sometimes nested. */
    private static Arbitrary<String> json() {
        Arbitrary<String> value = Arbitraries.oneOf(
                hostileStrings().map(HostileInputProperties::quoted),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "[]", "{}", "1.5e308", "-0", "[1,\"a\",null]", "0", "3", "2.5", "\"\\ud800x\"", "\"\\u0000\"",
                               "{\"category\":\"HEALTH_CARE\",\"capacity\":-5}", "{\"legalBasis\":\"CONSENT\"}",
                               "{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"2000-01-01\"}",
                               "[{\"category\":\"NOT_A_CATEGORY\"}]"),
                Arbitraries.strings().ofMinLength(100_000).ofMaxLength(300_000).map(HostileInputProperties::quoted));
        // a list of fields, not a map: a name may come twice (a duplicate key); sometimes garbage follows the object
        Arbitrary<Map.Entry<String, String>> field = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(10)), value).as(Map::entry);
        Arbitrary<String> after = Arbitraries.of("", "", "", "", " x", "{}", "]");
        return Combinators.combine(field.list().ofMaxSize(8), after)
                          .as((fields, tail) -> {
                              StringBuilder out = new StringBuilder("{");
                              fields.forEach(f -> out.append(out.length() > 1 ? "," : "").append(quoted(f.getKey())).append(':').append(f.getValue()));
                              return out.append('}').append(tail).toString();
                          });
    }

    private static Arbitrary<String> deepJson() {
        return Arbitraries.integers().between(500, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth));
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
