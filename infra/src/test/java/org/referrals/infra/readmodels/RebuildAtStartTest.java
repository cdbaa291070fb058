package org.referrals.infra.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.infra.api.ApiClient;
import org.referrals.infra.support.RunningApplication;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.HttpMethod;

/**
 * The embedded read models live in memory: a start rebuilds every one of them from the event store, and the
 * application reports healthy only once that is done. Stopped and started again, every read model holds what it held
 * before, document for document.
 */
class RebuildAtStartTest {

    /** Axon's own bookkeeping, which a start writes anew: not read models. */
    private static final List<String> NOT_READ_MODELS = List.of("trackingtokens", "deadletters", "sagas");

    @TempDir
    Path dataDir;

    @Test
    void aStartRebuildsEveryReadModelAsItWasBefore() {
        Map<String, List<Document>> before;
        try (var first = RunningApplication.start(dataDir, "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY)) {
            ApiClient api = new ApiClient(first.web());
            var parties = api.parties("rebuild", ServiceCategory.LEGAL_AID);
            String referralId = api.refer(parties.referrerKey(), api.caseOf(parties.referrerKey()), parties.receiver(),
                                          ServiceCategory.LEGAL_AID).referralId();
            api.act(parties.receiverKey(), referralId, "accept", Map.of());
            awaitProjectionsIdle(api);
            // the figures follow the referrals: settled once they count the accepted referral
            await().atMost(Duration.ofSeconds(10)).until(() -> api.call(HttpMethod.GET, "/api/partners/" + parties.receiver()
                    + "/caseload", parties.receiverKey(), null).expectBody(String.class).returnResult().getResponseBody()
                    .contains("\"ACCEPTED\":1"));
            before = await().atMost(Duration.ofSeconds(10)).until(() -> readModels(first), same(first));
        }
        assertThat(before.get("referrals")).hasSize(1);

        try (var second = RunningApplication.start(dataDir, "referrals.bootstrap-admin-key=" + ApiClient.ADMIN_KEY)) {
            ReadModelsCaughtUp health = second.bean(ReadModelsCaughtUp.class);
            await().atMost(Duration.ofSeconds(30)).until(health::caughtUp);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Map<String, List<Document>> after = readModels(second);
                assertThat(after.keySet()).isEqualTo(before.keySet());
                before.forEach((name, documents) -> assertThat(after.get(name)).as(name).isEqualTo(documents));
            });
        }
    }

    /** Every collection but Axon's bookkeeping, each document in _id order. */
    private static Map<String, List<Document>> readModels(RunningApplication app) {
        MongoDatabase mongo = app.bean(MongoDatabase.class);
        Map<String, List<Document>> all = new TreeMap<>();
        for (String name : mongo.listCollectionNames()) {
            if (NOT_READ_MODELS.stream().noneMatch(name.toLowerCase(java.util.Locale.ROOT)::contains)) {
                all.put(name, mongo.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>()));
            }
        }
        return all;
    }

    /** Read twice in a row with the same result: nothing in motion. */
    private static java.util.function.Predicate<Map<String, List<Document>>> same(RunningApplication app) {
        return read -> read.equals(readModels(app));
    }

    private static void awaitProjectionsIdle(ApiClient api) {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.call(HttpMethod.GET, "/api/admin/projections", ApiClient.ADMIN_KEY, null)
                .expectStatus().isOk().expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody().stream()
                .allMatch(s -> ((Number) s.get("lag")).longValue() == 0));
    }
}
