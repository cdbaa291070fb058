package org.referrals.query.partner;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Flux;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.PartnerView;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.partner.ServiceOffer;
import org.referrals.query.common.Projections;
import org.referrals.query.common.ReadProblems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/partners")
@Tag(name = "Partners")
public class PartnerQueryController {

    private final MongoDatabase mongo;

    public PartnerQueryController(MongoDatabase reactiveMongoDatabase) {
        this.mongo = reactiveMongoDatabase;
    }

    @GetMapping
    @Operation(operationId = "listPartners", summary = "The partner directory", description = "Any authenticated caller. Filters: category (a "
                                                                + "service offered), region (served), kind.")
    public Mono<List<PartnerView>> directory(@RequestParam(required = false) String category,
                                             @RequestParam(required = false) String region,
                                             @RequestParam(required = false) String kind) {
        List<Bson> filters = new java.util.ArrayList<>();
        if (category != null) {
            filters.add(Filters.eq("services.category", ReadProblems.parse("category", ServiceCategory.class, category).name()));
        }
        if (region != null) {
            filters.add(Filters.eq("regions", region));
        }
        if (kind != null) {
            filters.add(Filters.eq("kind", ReadProblems.parse("kind", PartnerKind.class, kind).name()));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : Filters.and(filters);
        return Flux.from(mongo.getCollection(PartnerProjection.COLLECTION).find(filter).sort(Sorts.ascending("name", "_id")))
                   .map(PartnerQueryController::view).collectList();
    }

    @GetMapping("/{partnerId}")
    @Operation(operationId = "getPartner", summary = "A partner of the directory", description = "Any authenticated caller.")
    public Mono<PartnerView> partner(@PathVariable String partnerId) {
        return Mono.from(mongo.getCollection(PartnerProjection.COLLECTION).find(Filters.eq("_id", partnerId)).first())
                   .map(PartnerQueryController::view)
                   .switchIfEmpty(Mono.error(ReadProblems::notFound));
    }

    public static PartnerView view(Document d) {
        List<ServiceOffer> services = d.getList("services", Document.class).stream()
                .map(s -> new ServiceOffer(ServiceCategory.valueOf(s.getString("category")), s.getInteger("capacity"),
                                           s.getString("eligibility")))
                .toList();
        Integer capacity = services.stream().anyMatch(s -> s.capacity() != null)
                ? services.stream().map(ServiceOffer::capacity).filter(c -> c != null).mapToInt(Integer::intValue).sum()
                : null;
        return new PartnerView(d.getString("_id"), d.getString("name"), PartnerKind.valueOf(d.getString("kind")),
                               d.getString("country"), d.getList("regions", String.class),
                               d.getList("languages", String.class), d.getString("contactEmail"), services,
                               d.getBoolean("active"), capacity, Projections.instant(d, Projections.UPDATED_AT));
    }
}
