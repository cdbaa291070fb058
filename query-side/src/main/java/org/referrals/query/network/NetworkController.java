package org.referrals.query.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.NetworkMap;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.Figures;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.common.Reports;
import org.referrals.query.partner.PartnerProjection;
import org.referrals.query.partner.PartnerQueryController;
import org.referrals.query.referral.ReferralFacts;
import org.referrals.query.referral.ReferralSnapshots;
import org.referrals.query.stats.AnalystFigures;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/network}: the directory's partners, their agreements, and the referral flows between them. */
@RestController
@Tag(name = "Network")
public class NetworkController {

    /** Documents per reply of the MongoDB server, which otherwise sends them all in one. */
    private static final int BATCH = 1000;

    private final MongoDatabase mongo;
    private final ReferralSnapshots referrals;
    private final ObjectMapper json;
    /** The whole map with its JSON, kept while the referrals' snapshot stays the same (a second at most). */
    private final WholeMap whole;

    public NetworkController(MongoDatabase reactiveMongoDatabase, ReferralSnapshots referrals, ObjectMapper json) {
        this.mongo = reactiveMongoDatabase;
        this.referrals = referrals;
        this.json = json;
        this.whole = new WholeMap(Mono.defer(referrals::current).map(ReferralSnapshots.Snapshot::version),
                                  () -> Reports.inTurn(map(null).map(map -> new WholeMap.Built(map, json(map)))));
    }

    @GetMapping("/api/network")
    @Operation(operationId = "getNetworkMap", summary = "The network map: partners and the referral flows and agreements between them",
               description = "Roles: COORDINATOR, ANALYST (whose counts are de-identified like the statistics: below 5 "
                       + "\"<5\", a count hidden to protect one \"x\", medians over fewer than 5 referrals null). "
                       + "`region` keeps the partners serving it and the edges between "
                       + "them; `category`, `from` and `to` (dates, `to` exclusive) count only the referrals of that "
                       + "category made in that period. Figures are about a second old (at most 5 s); the whole map is built once per "
                       + "snapshot of them and shared, gzipped for clients that send Accept-Encoding: gzip.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                                                          schema = @Schema(implementation = NetworkMap.class)))
    public Mono<ResponseEntity<byte[]>> network(@AuthenticationPrincipal Actor actor,
                                                @RequestParam(required = false) String region,
                                                @RequestParam(required = false) String category,
                                                @RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to,
                                                ServerHttpRequest request) {
        if (!(actor.isCoordinator() || actor.hasRole(Role.ANALYST))) {
            return Mono.error(ReadProblems.forbidden("only coordinators and analysts see the network map"));
        }
        if (!actor.isCoordinator()) {
            // an analyst's map is de-identified, per request from the shared or the counted map: off the event loop
            Mono<NetworkMap> map = category == null && from == null && to == null
                    ? whole.get().map(WholeMap.Built::map) : Reports.inTurn(map(counted(category, from, to)));
            return map.publishOn(Schedulers.boundedElastic())
                      .map(counted -> answer(json(AnalystFigures.network(inRegion(counted, region), json))));
        }
        if (category == null && from == null && to == null) {
            if (region == null || region.isBlank()) {
                boolean gzip = acceptsGzip(request.getHeaders().get(HttpHeaders.ACCEPT_ENCODING));
                return whole.get().map(built -> gzip ? gzipped(built.gzipped()) : answer(built.json()));
            }
            // cut and written per request: off the event loop (tens of thousands of edges on a large network)
            return whole.get().publishOn(Schedulers.boundedElastic())
                        .map(built -> answer(json(inRegion(built.map(), region))));
        }
        return Reports.inTurn(map(counted(category, from, to)).map(map -> json(inRegion(map, region))))
                      .map(NetworkController::answer);
    }

    private static ResponseEntity<byte[]> answer(byte[] map) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).varyBy(HttpHeaders.ACCEPT_ENCODING).body(map);
    }

    private static ResponseEntity<byte[]> gzipped(byte[] map) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).varyBy(HttpHeaders.ACCEPT_ENCODING)
                             .header(HttpHeaders.CONTENT_ENCODING, "gzip").body(map);
    }

    /**
     * Whether {@code Accept-Encoding} accepts gzip (RFC 9110 §12.5.3): named without {@code q=0}, or not named and
     * {@code *} without {@code q=0}.
     */
    static boolean acceptsGzip(List<String> acceptEncoding) {
        Boolean gzip = null;
        boolean any = false;
        for (String header : acceptEncoding == null ? List.<String>of() : acceptEncoding) {
            for (String coding : header.split(",")) {
                String[] parts = coding.trim().split(";");
                String name = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
                boolean refused = java.util.Arrays.stream(parts).skip(1).map(p -> p.replace(" ", "").toLowerCase(java.util.Locale.ROOT))
                                                  .anyMatch(p -> p.matches("q=0(\\.0{0,3})?"));
                if (name.equals("gzip") || name.equals("x-gzip")) {
                    gzip = !refused;
                } else if (name.equals("*")) {
                    any = !refused;
                }
            }
        }
        return gzip != null ? gzip : any;
    }

    private byte[] json(Object map) {
        try {
            return json.writeValueAsBytes(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the network map could not be written as JSON", e);
        }
    }

    /**
     * The partners, their agreements, and the flows of the referrals counted (null: all). The partners' open work and
     * all the flows are computed once per snapshot (the whole map is built again each second for its partners and
     * agreements: the flows over every referral were most of its cost).
     */
    private Mono<NetworkMap> map(Predicate<ReferralFacts> counted) {
        return Mono.zip(Flux.from(mongo.getCollection(PartnerProjection.COLLECTION).find().batchSize(BATCH)).collectList(),
                        Flux.from(mongo.getCollection(PartnershipProjection.COLLECTION).find().batchSize(BATCH)).collectList(),
                        referrals.current())
                   .map(all -> {
                       ReferralSnapshots.Snapshot now = all.getT3();
                       Map<String, Long> activeLoads = now.computed(List.of("network", "active loads"), () -> activeLoads(now));
                       List<NetworkMap.Node> nodes = all.getT1().stream().map(PartnerQueryController::view)
                               .map(p -> new NetworkMap.Node(p.partnerId(), p.name(), p.kind(), p.regions(), p.active(),
                                                             activeLoads.getOrDefault(p.partnerId(), 0L), p.capacity()))
                               .toList();
                       List<NetworkMap.Edge> flows = counted == null ? now.computed(List.of("network", "flows"), () -> flows(now.all()))
                               : flows(now.all().stream().filter(counted).toList());
                       return map(nodes, all.getT2(), flows);
                   });
    }

    /** Each receiving partner's referrals still in work. */
    private static Map<String, Long> activeLoads(ReferralSnapshots.Snapshot snapshot) {
        Map<String, Long> loads = new HashMap<>();
        snapshot.inbound().forEach((partner, inbound) -> loads.put(partner, inbound.stream().filter(ReferralFacts::active).count()));
        return loads;
    }

    /** The referrals of one category and period (from inclusive, to exclusive; either may be open). */
    private static Predicate<ReferralFacts> counted(String category, String from, String to) {
        ServiceCategory only = category == null ? null : ReadProblems.parse("category", ServiceCategory.class, category);
        Instant after = from == null ? null : ReadProblems.day("from", from).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant before = to == null ? null : ReadProblems.day("to", to).atStartOfDay(ZoneOffset.UTC).toInstant();
        return referral -> (only == null || only == referral.category())
                           && (after == null || !referral.createdAt().isBefore(after))
                           && (before == null || referral.createdAt().isBefore(before));
    }

    /** A flow edge per pair of partners with referrals between them: how many, their answers, the median response. */
    static List<NetworkMap.Edge> flows(List<ReferralFacts> referrals) {
        Map<String, List<ReferralFacts>> pairs = new LinkedHashMap<>();
        referrals.forEach(r -> pairs.computeIfAbsent(r.from() + "|" + r.to(), pair -> new ArrayList<>()).add(r));
        return pairs.values().stream().map(flow -> new NetworkMap.Edge(
                flow.get(0).from(), flow.get(0).to(), flow.size(),
                flow.stream().filter(r -> r.answer() == ReferralStatus.ACCEPTED).count(),
                flow.stream().filter(r -> r.answer() == ReferralStatus.DECLINED).count(),
                Figures.median(flow.stream().flatMap(r -> Figures.hoursBetween(r.createdAt(), r.answeredAt()).stream()).toList()),
                false, flow.stream().filter(Figures::closedByReferrer).count(), flow.stream().filter(Figures::needMet).count())).toList();
    }


    /** The partners serving a region (all without one), and only the edges between them. */
    static NetworkMap inRegion(NetworkMap map, String region) {
        if (region == null || region.isBlank()) {
            return map;
        }
        List<NetworkMap.Node> nodes = map.nodes().stream()
                .filter(n -> n.regions().stream().anyMatch(r -> r.equalsIgnoreCase(region.trim()))).toList();
        Set<String> kept = new HashSet<>(nodes.stream().map(NetworkMap.Node::id).toList());
        return new NetworkMap(nodes, map.edges().stream().filter(e -> kept.contains(e.from()) && kept.contains(e.to())).toList());
    }

    /** The map: each flow marked where its partners agreed to work together, and each agreement without flows. */
    static NetworkMap map(List<NetworkMap.Node> nodes, List<Document> agreements, List<NetworkMap.Edge> flows) {
        Set<String> agreed = new HashSet<>();
        Set<String> flowing = new HashSet<>();
        for (Document agreement : agreements) {
            agreed.add(agreement.getString("partnerA") + "|" + agreement.getString("partnerB"));
            agreed.add(agreement.getString("partnerB") + "|" + agreement.getString("partnerA"));
        }
        List<NetworkMap.Edge> edges = new ArrayList<>();
        for (NetworkMap.Edge flow : flows) {
            String pair = flow.from() + "|" + flow.to();
            flowing.add(pair);
            edges.add(new NetworkMap.Edge(flow.from(), flow.to(), flow.referrals(), flow.accepted(), flow.declined(),
                                          flow.medianHoursToRespond(), agreed.contains(pair), flow.closed(), flow.needMet()));
        }
        for (Document agreement : agreements) {
            String a = agreement.getString("partnerA");
            String b = agreement.getString("partnerB");
            if (!flowing.contains(a + "|" + b) && !flowing.contains(b + "|" + a)) {
                edges.add(new NetworkMap.Edge(a, b, 0, 0, 0, null, true, 0, 0));
            }
        }
        return new NetworkMap(nodes, edges);
    }
}
