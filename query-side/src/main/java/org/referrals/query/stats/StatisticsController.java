package org.referrals.query.stats;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.PartnerView;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Statistics;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.common.Reports;
import org.referrals.query.partner.PartnerProjection;
import org.referrals.query.partner.PartnerQueryController;
import org.referrals.query.referral.ReferralFacts;
import org.referrals.query.referral.ReferralSnapshots;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * De-identified referral counts for analysts and coordinators, from the referrals' facts ({@link ReferralSnapshots})
 * and the directory; no case or person is ever part of the answer, and small cells are suppressed.
 */
@RestController
@Tag(name = "Statistics")
public class StatisticsController {

    private static final List<String> GROUPS = List.of("month", "category", "dimension", "region", "partner");

    private final MongoDatabase mongo;
    private final ReferralSnapshots referrals;

    public StatisticsController(MongoDatabase reactiveMongoDatabase, ReferralSnapshots referrals) {
        this.mongo = reactiveMongoDatabase;
        this.referrals = referrals;
    }

    @GetMapping("/api/stats")
    @Operation(operationId = "getStatistics", summary = "Referral counts by month, category, dimension, region (of the receiving partner) or partner",
               description = "Roles: ANALYST, COORDINATOR. from and to (dates, inclusive) bound the request date. "
                             + "Every count below 5 is \"<5\". Figures are about a second old (at most 5 s).")
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
        LocalDate fromDate = ReadProblems.day("from", from);
        LocalDate toDate = ReadProblems.day("to", to);
        // only the region needs the partners (their regions)
        Mono<Map<String, PartnerView>> partners = !groupBy.equals("region") ? Mono.just(Map.of())
                : Flux.from(mongo.getCollection(PartnerProjection.COLLECTION).find())
                      .map(PartnerQueryController::view).collectMap(PartnerView::partnerId, Function.identity());
        return Reports.inTurn(Mono.zip(partners, referrals.current())
                .map(both -> new Statistics(groupBy, fromDate, toDate, both.getT2().computed(
                        // the partners' regions too: a snapshot is kept while no referral changes, a partner may
                        List.of("statistics", groupBy, String.valueOf(fromDate), String.valueOf(toDate), regions(both.getT1())),
                        () -> rows(groupBy, made(both.getT2().all(), fromDate, toDate), both.getT1())))));
    }

    private static Map<String, List<String>> regions(Map<String, PartnerView> partners) {
        Map<String, List<String>> regions = new java.util.HashMap<>();
        partners.forEach((id, partner) -> regions.put(id, partner.regions()));
        return regions;
    }

    /** The referrals made from..to (UTC days, inclusive, either open). */
    static List<ReferralFacts> made(List<ReferralFacts> referrals, LocalDate from, LocalDate to) {
        return referrals.stream().filter(referral -> {
            LocalDate day = referral.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }).toList();
    }

    /** Counts the referrals per group, then suppresses every count below 5, and in each column what would tell it. */
    static List<Statistics.Row> rows(String groupBy, List<ReferralFacts> referrals, Map<String, PartnerView> partners) {
        Map<String, long[]> groups = new TreeMap<>();
        for (ReferralFacts referral : referrals) {
            for (String key : keys(groupBy, referral, partners)) {
                long[] sums = groups.computeIfAbsent(key, k -> new long[4]);
                sums[0]++;
                sums[1] += referral.answer() == ReferralStatus.ACCEPTED ? 1 : 0;
                sums[2] += referral.answer() == ReferralStatus.DECLINED ? 1 : 0;
                sums[3] += referral.deliveredAt() != null ? 1 : 0;
            }
        }
        return suppressed(groups);
    }

    /** The rows of these counts per group (referrals, accepted, declined, delivered), each column suppressed. */
    static List<Statistics.Row> suppressed(Map<String, long[]> groups) {
        List<String> keys = new ArrayList<>(groups.keySet());
        Object[][] columns = SmallCellSuppression.columns(keys.stream().map(groups::get).toList(), 4);
        List<Statistics.Row> rows = new ArrayList<>();
        for (int row = 0; row < keys.size(); row++) {
            rows.add(new Statistics.Row(keys.get(row), columns[0][row], columns[1][row], columns[2][row], columns[3][row]));
        }
        return rows;
    }

    private static List<String> keys(String groupBy, ReferralFacts referral, Map<String, PartnerView> partners) {
        String receiver = referral.to();
        ServiceCategory category = referral.category();
        return switch (groupBy) {
            case "month" -> List.of(YearMonth.from(referral.createdAt().atZone(ZoneOffset.UTC)).toString());
            case "category" -> List.of(category.name());
            case "dimension" -> List.of(category.dimension().name());
            case "region" -> partners.containsKey(receiver) && !partners.get(receiver).regions().isEmpty()
                    ? partners.get(receiver).regions() : List.of("unknown");
            default -> List.of(receiver);
        };
    }

}
