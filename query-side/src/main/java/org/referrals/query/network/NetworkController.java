package org.referrals.query.network;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.NetworkMap;
import org.referrals.api.partner.PartnerView;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.Figures;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.partner.PartnerQueryController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code GET /api/network}, assembled from the partners, referrals and agreements read models when asked. */
@RestController
@Tag(name = "Network")
public class NetworkController {

    private static final Set<String> ACTIVE = Set.of(ReferralStatus.REQUESTED.name(), ReferralStatus.ACCEPTED.name(),
                                                     ReferralStatus.ON_HOLD.name(), ReferralStatus.IN_PROGRESS.name());

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
        Mono<List<PartnerView>> partners = Flux.from(mongo.getCollection("partners").find())
                                               .map(PartnerQueryController::view).collectList();
        Mono<List<Document>> referrals = Flux.from(mongo.getCollection("referrals").find()).collectList();
        Mono<List<Document>> agreements = Flux.from(mongo.getCollection(PartnershipProjection.COLLECTION).find()).collectList();
        return Mono.zip(partners, referrals, agreements).map(all -> map(all.getT1(), all.getT2(), all.getT3()));
    }

    static NetworkMap map(List<PartnerView> partners, List<Document> referrals, List<Document> agreements) {
        Map<String, Long> activeLoad = new HashMap<>();
        Map<String, List<Document>> flows = new LinkedHashMap<>();
        for (Document referral : referrals) {
            String to = referral.getString("toPartnerId");
            if (ACTIVE.contains(referral.getString("status"))) {
                activeLoad.merge(to, 1L, Long::sum);
            }
            flows.computeIfAbsent(referral.getString("fromPartnerId") + "|" + to, key -> new ArrayList<>()).add(referral);
        }
        Set<String> agreed = new HashSet<>();
        agreements.forEach(a -> {
            agreed.add(a.getString("partnerA") + "|" + a.getString("partnerB"));
            agreed.add(a.getString("partnerB") + "|" + a.getString("partnerA"));
        });
        List<NetworkMap.Node> nodes = partners.stream()
                .map(p -> new NetworkMap.Node(p.partnerId(), p.name(), p.kind(), p.regions(), p.active(),
                                              activeLoad.getOrDefault(p.partnerId(), 0L), p.capacity()))
                .toList();
        List<NetworkMap.Edge> edges = new ArrayList<>();
        flows.forEach((pair, flow) -> {
            String[] ends = pair.split("\\|", 2);
            long accepted = flow.stream().filter(r -> ReferralStatus.ACCEPTED.name().equals(r.getString("answer"))).count();
            long declined = flow.stream().filter(r -> ReferralStatus.DECLINED.name().equals(r.getString("answer"))).count();
            List<Double> hours = flow.stream().flatMap(r -> Figures.hoursBetween(r, "createdAt", "answeredAt").stream()).toList();
            edges.add(new NetworkMap.Edge(ends[0], ends[1], flow.size(), accepted, declined, Figures.median(hours),
                                          agreed.contains(pair)));
        });
        agreements.forEach(a -> {
            String ab = a.getString("partnerA") + "|" + a.getString("partnerB");
            String ba = a.getString("partnerB") + "|" + a.getString("partnerA");
            if (!flows.containsKey(ab) && !flows.containsKey(ba)) {
                edges.add(new NetworkMap.Edge(a.getString("partnerA"), a.getString("partnerB"), 0, 0, 0, null, true));
            }
        });
        return new NetworkMap(nodes, edges);
    }
}
