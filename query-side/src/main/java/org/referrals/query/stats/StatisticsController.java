package org.referrals.query.stats;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.PartnerView;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Statistics;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.partner.PartnerQueryController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * De-identified referral counts for analysts and coordinators, from the referrals and partners read models; no
 * case or person is ever part of the answer, and small cells are suppressed.
 */
@RestController
@Tag(name = "Statistics")
public class StatisticsController {

    private static final List<String> GROUPS = List.of("month", "category", "dimension", "region", "partner");

    private final MongoDatabase mongo;

    public StatisticsController(MongoDatabase reactiveMongoDatabase) {
        this.mongo = reactiveMongoDatabase;
    }

    @GetMapping("/api/stats")
    @Operation(summary = "Referral counts by month, category, dimension, region (of the receiving partner) or partner",
               description = "Roles: ANALYST, COORDINATOR. from and to (dates, inclusive) bound the request date. "
                             + "Every count below 5 is \"<5\".")
    public Mono<Statistics> statistics(@RequestParam String groupBy,
                                       @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @AuthenticationPrincipal Actor actor) {
        if (!(actor.isCoordinator() || actor.hasRole(Role.ANALYST))) {
            return Mono.error(ReadProblems.forbidden("only analysts and coordinators see statistics"));
        }
        if (!GROUPS.contains(groupBy)) {
            return Mono.error(ReadProblems.badRequest("groupBy", "must be one of " + GROUPS));
        }
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        List<Bson> range = new ArrayList<>();
        if (fromDate != null) {
            range.add(Filters.gte("createdAt", Date.from(fromDate.atStartOfDay(ZoneOffset.UTC).toInstant())));
        }
        if (toDate != null) {
            range.add(Filters.lt("createdAt", Date.from(toDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())));
        }
        Bson filter = range.isEmpty() ? Filters.empty() : Filters.and(range);
        Mono<Map<String, PartnerView>> partners = Flux.from(mongo.getCollection("partners").find())
                .map(PartnerQueryController::view).collectMap(PartnerView::partnerId, Function.identity());
        Mono<List<Document>> referrals = Flux.from(mongo.getCollection("referrals").find(filter)).collectList();
        return Mono.zip(partners, referrals)
                   .map(both -> new Statistics(groupBy, fromDate, toDate, rows(groupBy, both.getT2(), both.getT1())));
    }

    static List<Statistics.Row> rows(String groupBy, List<Document> referrals, Map<String, PartnerView> partners) {
        Map<String, List<Document>> groups = new TreeMap<>();
        for (Document referral : referrals) {
            for (String key : keys(groupBy, referral, partners)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(referral);
            }
        }
        return groups.entrySet().stream().map(group -> {
            List<Document> members = group.getValue();
            return new Statistics.Row(group.getKey(),
                                      SmallCellSuppression.cell(members.size()),
                                      SmallCellSuppression.cell(count(members, "answer", ReferralStatus.ACCEPTED)),
                                      SmallCellSuppression.cell(count(members, "answer", ReferralStatus.DECLINED)),
                                      SmallCellSuppression.cell(members.stream().filter(r -> r.get("deliveredAt") != null).count()));
        }).collect(Collectors.toList());
    }

    private static List<String> keys(String groupBy, Document referral, Map<String, PartnerView> partners) {
        ServiceCategory category = ServiceCategory.valueOf(referral.getString("serviceCategory"));
        String receiver = referral.getString("toPartnerId");
        return switch (groupBy) {
            case "month" -> List.of(referral.getDate("createdAt").toInstant().atZone(ZoneOffset.UTC).toLocalDate()
                                            .withDayOfMonth(1).toString().substring(0, 7));
            case "category" -> List.of(category.name());
            case "dimension" -> List.of(category.dimension().name());
            case "region" -> partners.containsKey(receiver) && !partners.get(receiver).regions().isEmpty()
                    ? partners.get(receiver).regions() : List.of("unknown");
            default -> List.of(receiver);
        };
    }

    private static long count(List<Document> referrals, String field, ReferralStatus value) {
        return referrals.stream().filter(r -> value.name().equals(r.getString(field))).count();
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ReadProblems.badRequest(field, "must be a date like 2026-01-31");
        }
    }
}
