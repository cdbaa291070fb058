package org.referrals.query.network;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.NetworkMap;
import org.referrals.api.partner.PartnerKind;
import org.referrals.query.common.ReadProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code GET /api/network}, from {@code network_nodes} and {@code network_edges} (flows and agreements). */
@RestController
@Tag(name = "Network")
public class NetworkController {

    private final MongoDatabase mongo;

    public NetworkController(MongoDatabase reactiveMongoDatabase) {
        this.mongo = reactiveMongoDatabase;
    }

    @GetMapping("/api/network")
    @Operation(summary = "The network map: partners and the referral flows and agreements between them",
               description = "Roles: COORDINATOR, ANALYST.")
    public Mono<NetworkMap> network(@AuthenticationPrincipal Actor actor) {
        if (!(actor.isCoordinator() || actor.hasRole(Role.ANALYST))) {
            return Mono.error(ReadProblems.forbidden("only coordinators and analysts see the network map"));
        }
        Mono<List<Document>> nodes = Flux.from(mongo.getCollection("network_nodes").find()).collectList();
        Mono<List<Document>> edges = Flux.from(mongo.getCollection("network_edges").find()).collectList();
        return Mono.zip(nodes, edges).map(both -> map(both.getT1(), both.getT2()));
    }

    static NetworkMap map(List<Document> nodeDocuments, List<Document> edgeDocuments) {
        List<NetworkMap.Node> nodes = nodeDocuments.stream()
                .map(n -> new NetworkMap.Node(n.getString("_id"), n.getString("name"), PartnerKind.valueOf(n.getString("kind")),
                                              n.getList("regions", String.class), n.getBoolean("active", true),
                                              ((Number) n.getOrDefault("activeLoad", 0L)).longValue(), n.getInteger("capacity")))
                .toList();
        Set<String> agreed = new HashSet<>();
        Set<String> flowing = new HashSet<>();
        List<Document> flows = new ArrayList<>();
        List<Document> agreements = new ArrayList<>();
        for (Document edge : edgeDocuments) {
            if ("agreement".equals(edge.getString("kind"))) {
                agreements.add(edge);
                agreed.add(edge.getString("partnerA") + "|" + edge.getString("partnerB"));
                agreed.add(edge.getString("partnerB") + "|" + edge.getString("partnerA"));
            } else {
                flows.add(edge);
                flowing.add(edge.getString("from") + "|" + edge.getString("to"));
            }
        }
        List<NetworkMap.Edge> edges = new ArrayList<>();
        for (Document flow : flows) {
            String pair = flow.getString("from") + "|" + flow.getString("to");
            edges.add(new NetworkMap.Edge(flow.getString("from"), flow.getString("to"), flow.getLong("referrals"),
                                          flow.getLong("accepted"), flow.getLong("declined"),
                                          flow.getDouble("medianHoursToRespond"), agreed.contains(pair)));
        }
        for (Document agreement : agreements) {
            String a = agreement.getString("partnerA");
            String b = agreement.getString("partnerB");
            if (!flowing.contains(a + "|" + b) && !flowing.contains(b + "|" + a)) {
                edges.add(new NetworkMap.Edge(a, b, 0, 0, 0, null, true));
            }
        }
        return new NetworkMap(nodes, edges);
    }
}
