package org.referrals.query.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.Actor;
import org.referrals.api.partner.NetworkMap;
import reactor.core.publisher.Mono;

/** The whole network map is built once per half second and shared; a filtered one is built for its request. */
class NetworkMapSharingTest {

    @Test
    void requestsWithinHalfASecondShareOneMapAndALaterOneSeesTheChange() throws InterruptedException {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase database = client.getDatabase("test");
            Mono.from(database.getCollection("network_nodes").insertOne(node("clinic-a"))).block();
            NetworkController controller = new NetworkController(database);
            Actor coordinator = Actor.coordinator("c");

            NetworkMap first = controller.network(coordinator, null, null, null, null).block();
            Mono.from(database.getCollection("network_nodes").insertOne(node("shelter-b"))).block();
            NetworkMap shared = controller.network(coordinator, null, null, null, null).block();
            List<String> filtered = controller.network(coordinator, null, "HEALTH_CARE", null, null).block()
                                              .nodes().stream().map(NetworkMap.Node::id).toList();

            assertThat(shared.nodes()).isEqualTo(first.nodes()).hasSize(1);
            assertThat(filtered).as("built for its request").containsExactlyInAnyOrder("clinic-a", "shelter-b");
            Thread.sleep(600);
            assertThat(controller.network(coordinator, null, null, null, null).block().nodes()).hasSize(2);
        } finally {
            server.shutdown();
        }
    }

    private static Document node(String id) {
        return new Document("_id", id).append("name", id).append("kind", "NGO").append("regions", List.of("Oriental"))
                                      .append("active", true).append("activeLoad", 0L).append("capacity", null);
    }
}
