package org.referrals.query.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.NetworkMap;
import org.referrals.query.figures.NetworkVersion;
import reactor.core.publisher.Mono;

/**
 * The whole network map is built once and answered from its kept JSON until the network's version moves; a map
 * filtered by category or period is built for its request.
 */
class NetworkMapSharingTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Actor coordinator = Actor.coordinator("c");
    private MongoServer server;
    private MongoClient client;
    private com.mongodb.client.MongoClient syncClient;
    private MongoDatabase database;
    private NetworkController controller;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        String address = server.bindAndGetConnectionString();
        client = MongoClients.create(address);
        syncClient = com.mongodb.client.MongoClients.create(address);
        database = client.getDatabase("test");
        controller = new NetworkController(database, json);
    }

    @AfterEach
    void stop() {
        client.close();
        syncClient.close();
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
    void theWholeMapIsKeptUntilTheVersionMoves() throws Exception {
        insert(node("clinic-a", "Oriental"));
        NetworkMap first = network(null, null);

        insert(node("shelter-b", "Souss"));
        Thread.sleep(600);
        assertThat(nodes(network(null, null))).as("the version has not moved").containsExactly("clinic-a");
        assertThat(nodes(network(null, "HEALTH_CARE"))).as("built for its request").containsExactlyInAnyOrder("clinic-a", "shelter-b");

        NetworkVersion.move(syncClient.getDatabase("test"));
        assertThat(nodes(network(null, null))).containsExactlyInAnyOrder("clinic-a", "shelter-b");
        assertThat(nodes(network("Souss", null))).as("a region of the kept map").containsExactly("shelter-b");
        assertThat(first.nodes()).hasSize(1);
    }

    @Test
    void theKeptJsonIsWhatTheMapSerialisesTo() throws Exception {
        insert(node("clinic-a", "Oriental"));
        byte[] answer = controller.network(coordinator, null, null, null, null, PLAIN).block().getBody();
        assertThat(answer).isEqualTo(json.writeValueAsBytes(json.readValue(answer, NetworkMap.class)));
        assertThat(new String(answer, java.nio.charset.StandardCharsets.UTF_8)).contains("\"id\":\"clinic-a\"", "\"activeLoad\":0");
    }

    private void insert(Document node) {
        Mono.from(database.getCollection("network_nodes").insertOne(node)).block();
    }

    private static Document node(String id, String region) {
        return new Document("_id", id).append("name", id).append("kind", "NGO").append("regions", List.of(region))
                                      .append("active", true).append("activeLoad", 0L).append("capacity", null);
    }
}
