package org.referrals.query.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.NetworkMap;
import org.referrals.query.referral.ReferralProjectionDriver;
import reactor.core.publisher.Mono;

/**
 * The whole network map is built once per snapshot of the figures and answered from its kept JSON while that
 * snapshot is fresh; a map filtered by category or period is built for its request.
 */
class NetworkMapSharingTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Actor coordinator = Actor.coordinator("c");
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private NetworkController controller;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("test");
        controller = new NetworkController(database, ReferralProjectionDriver.snapshots(database), json);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    /** A request without Accept-Encoding: the JSON as it is. */
    private static final org.springframework.http.server.reactive.ServerHttpRequest PLAIN =
            org.springframework.mock.http.server.reactive.MockServerHttpRequest.get("/api/network").build();

    private NetworkMap network(String region, String category) throws IOException {
        byte[] answer = controller.network(coordinator, region, category, null, null, PLAIN).block().getBody();
        return json.readValue(answer, NetworkMap.class);
    }

    private List<String> nodes(NetworkMap map) {
        return map.nodes().stream().map(NetworkMap.Node::id).toList();
    }

    @Test
    void theWholeMapIsKeptWhileItsFiguresAreFresh() throws Exception {
        insert(partner("clinic-a", "Oriental"));
        NetworkMap first = network(null, null);

        insert(partner("shelter-b", "Souss"));
        assertThat(nodes(network(null, null))).as("the kept map, within a second").containsExactly("clinic-a");
        assertThat(nodes(network(null, "HEALTH_CARE"))).as("built for its request").containsExactlyInAnyOrder("clinic-a", "shelter-b");

        await().atMost(Duration.ofSeconds(5)).until(() -> nodes(network(null, null)).size() == 2);
        assertThat(nodes(network("Souss", null))).as("a region of the kept map").containsExactly("shelter-b");
        assertThat(first.nodes()).hasSize(1);
    }

    @Test
    void theKeptJsonIsWhatTheMapSerialisesTo() throws Exception {
        insert(partner("clinic-a", "Oriental"));
        byte[] answer = controller.network(coordinator, null, null, null, null, PLAIN).block().getBody();
        assertThat(answer).isEqualTo(json.writeValueAsBytes(json.readValue(answer, NetworkMap.class)));
        assertThat(new String(answer, java.nio.charset.StandardCharsets.UTF_8)).contains("\"id\":\"clinic-a\"", "\"activeLoad\":0");
    }

    private void insert(Document partner) {
        Mono.from(database.getCollection("partners").insertOne(partner)).block();
    }

    private static Document partner(String id, String region) {
        return new Document("_id", id).append("name", id).append("kind", "NGO").append("regions", List.of(region))
                                      .append("languages", List.of("fr")).append("services", List.of())
                                      .append("active", true);
    }
}
