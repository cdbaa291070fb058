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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.NetworkMap;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.common.Reports;
import org.referrals.query.figures.DerivedFigures;
import org.referrals.query.figures.NetworkVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/network}, from {@code network_nodes} and {@code network_edges} (flows and agreements). */
@RestController
@Tag(name = "Network")
public class NetworkController {

    /** Documents per reply of the MongoDB server, which otherwise sends them all in one. */
    private static final int BATCH = 1000;

    private final MongoDatabase mongo;
    private final ObjectMapper json;
    /** The whole map with its JSON, kept until the network changes. */
    private final WholeMap whole;

    public NetworkController(MongoDatabase reactiveMongoDatabase, ObjectMapper json) {
        this.mongo = reactiveMongoDatabase;
        this.json = json;
        this.whole = new WholeMap(NetworkVersion.read(mongo), this::buildWholeMap);
    }

    @GetMapping("/api/network")
    @Operation(summary = "The network map: partners and the referral flows and agreements between them",
               description = "Roles: COORDINATOR, ANALYST. `region` keeps the partners serving it and the edges between "
                       + "them; `category`, `from` and `to` (dates, `to` exclusive) count only the referrals of that "
                       + "category made in that period (computed when asked; without them the kept figures answer, the whole map "
                       + "built once and shared until the network changes, at most every half second while it does; "
                       + "gzipped for clients that send Accept-Encoding: gzip).")
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
        if (category == null && from == null && to == null) {
            if (region == null || region.isBlank()) {
                boolean gzip = acceptsGzip(request.getHeaders().get(HttpHeaders.ACCEPT_ENCODING));
                return whole.get().map(built -> gzip ? gzipped(built.gzipped()) : answer(built.json()));
            }
            // cut and written per request: off the event loop (tens of thousands of edges on a large network)
            return whole.get().publishOn(Schedulers.boundedElastic())
                        .map(built -> answer(json(inRegion(built.map(), region))));
        }
        Mono<List<Document>> edges = Mono.zip(Flux.from(mongo.getCollection("network_edges").find(Filters.eq("kind", "agreement"))).collectList(),
                                              filteredFlows(category, from, to))
                                         .map(both -> { both.getT1().addAll(both.getT2()); return both.getT1(); });
        return Reports.inTurn(Mono.zip(nodes(), edges).map(both -> json(inRegion(map(both.getT1(), both.getT2()), region))))
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

    private byte[] json(NetworkMap map) {
        try {
            return json.writeValueAsBytes(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the network map could not be written as JSON", e);
        }
    }

    private Mono<List<Document>> nodes() {
        return Flux.from(mongo.getCollection("network_nodes").find().batchSize(BATCH)).collectList();
    }

    /** The whole map from the kept figures and its JSON, built in turn with the other reports (see {@link WholeMap}). */
    private Mono<WholeMap.Built> buildWholeMap() {
        return Reports.inTurn(Mono.zip(nodes(), Flux.from(mongo.getCollection("network_edges").find().batchSize(BATCH)).collectList())
                .map(both -> map(both.getT1(), both.getT2()))
                .map(map -> new WholeMap.Built(map, json(map))));
    }

    /** Flows counted from the referrals of one category and period, grouped by pair. */
    private Mono<List<Document>> filteredFlows(String category, String from, String to) {
        List<Bson> filters = new ArrayList<>();
        if (category != null) {
            filters.add(Filters.eq("serviceCategory", ReadProblems.parse("category", ServiceCategory.class, category).name()));
        }
        if (from != null) {
            filters.add(Filters.gte("createdAt", Date.from(day("from", from).atStartOfDay(ZoneOffset.UTC).toInstant())));
        }
        if (to != null) {
            filters.add(Filters.lt("createdAt", Date.from(day("to", to).atStartOfDay(ZoneOffset.UTC).toInstant())));
        }
        return Flux.from(mongo.getCollection("referrals").find(filters.isEmpty() ? new Document() : Filters.and(filters)))
                   .collectMultimap(r -> r.getString("fromPartnerId") + "|" + r.getString("toPartnerId"))
                   .map(pairs -> pairs.values().stream().map(ArrayList::new)
                                      .map(flow -> DerivedFigures.flowDocument(flow.get(0).getString("fromPartnerId"),
                                                                               flow.get(0).getString("toPartnerId"),
                                                                               new ArrayList<Document>(flow)))
                                      .toList());
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ReadProblems.badRequest(field, "a date like 2026-01-31");
        }
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
