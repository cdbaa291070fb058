package org.referrals.query.stats;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.reactivestreams.Publisher;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.PartnerView;
import org.referrals.api.referral.Statistics;
import org.referrals.query.common.IdRange;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.common.Reports;
import org.referrals.query.figures.DerivedFigures;
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

    /** Documents per reply of the MongoDB server, which otherwise sends them all in one. */
    private static final int BATCH = 1000;

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
        // only the region needs the partners (their regions); a map of every partner per request cost more than the cells
        Mono<Map<String, PartnerView>> partners = !groupBy.equals("region") ? Mono.just(Map.of())
                : Flux.from(mongo.getCollection("partners").find())
                      .map(PartnerQueryController::view).collectMap(PartnerView::partnerId, Function.identity());
        boolean byPartner = groupBy.equals("region") || groupBy.equals("partner");
        boolean allTime = fromDate == null && toDate == null;
        Mono<List<Document>> monthCells = Flux.concat(cellReads(fromDate, toDate, byPartner ? DerivedFigures.STATS_MONTHS
                                                                                           : DerivedFigures.STATS_NETWORK_MONTHS))
                                              .collectList();
        // no all-time sums yet (a data directory older than them, until the first round after the start): the months
        Mono<List<Document>> cells = allTime && !byPartner && !groupBy.equals("month")
                ? Flux.from(mongo.getCollection(DerivedFigures.STATS_NETWORK_TOTALS).find()).collectList()
                      .flatMap(totals -> totals.isEmpty() ? monthCells : Mono.just(totals))
                : monthCells;
        Mono<Statistics> statistics = Mono.zip(partners, cells)
                .map(both -> new Statistics(groupBy, fromDate, toDate, rows(groupBy, both.getT2(), both.getT1())));
        // per partner, the cells of every partner's month are held until summed (tens of thousands on a large network):
        // those wait their turn among the reports; the network's month sums are a few hundred, its all-time sums one
        // per category, and need not
        return byPartner ? Reports.inTurn(statistics) : statistics;
    }

    /**
     * The cells that cover the days from..to (inclusive, either open), each day once: whole months from the month
     * sums, the days of a month cut by from or to from the day cells. Each is a range of {@code _id}s, which the
     * embedded server reads in order from its index; a year costs a few hundred cells, not every day's.
     */
    private List<Publisher<Document>> cellReads(LocalDate from, LocalDate to, String monthCells) {
        YearMonth firstWhole = from == null ? null
                : from.getDayOfMonth() == 1 ? YearMonth.from(from) : YearMonth.from(from).plusMonths(1);
        YearMonth lastWhole = to == null ? null
                : to.equals(YearMonth.from(to).atEndOfMonth()) ? YearMonth.from(to) : YearMonth.from(to).minusMonths(1);
        if (firstWhole != null && lastWhole != null && firstWhole.isAfter(lastWhole)) {
            return List.of(days(from, to)); // within one month, or across the end of one: days only
        }
        List<Publisher<Document>> reads = new ArrayList<>();
        reads.add(idRange(monthCells, firstWhole == null ? "" : firstWhole + "|", (lastWhole == null ? "9999" : lastWhole.toString()) + "}"));
        if (from != null && from.getDayOfMonth() != 1) {
            reads.add(days(from, YearMonth.from(from).atEndOfMonth()));
        }
        if (to != null && !to.equals(YearMonth.from(to).atEndOfMonth())) {
            reads.add(days(YearMonth.from(to).atDay(1), to));
        }
        return reads;
    }

    private Publisher<Document> days(LocalDate first, LocalDate last) {
        return idRange(DerivedFigures.STATS, first + "|", last + "}");
    }

    private Publisher<Document> idRange(String collection, String from, String before) {
        return mongo.getCollection(collection).find(IdRange.of(from, before)).sort(IdRange.ORDER).limit(IdRange.ALL).batchSize(BATCH);
    }

    /** Sums the cells (of days or months) per group, then suppresses every count below 5. */
    static List<Statistics.Row> rows(String groupBy, List<Document> cells, Map<String, PartnerView> partners) {
        Map<String, long[]> groups = new TreeMap<>();
        for (Document cell : cells) {
            for (String key : keys(groupBy, cell, partners)) {
                long[] sums = groups.computeIfAbsent(key, k -> new long[4]);
                sums[0] += cell.getLong("referrals");
                sums[1] += cell.getLong("accepted");
                sums[2] += cell.getLong("declined");
                sums[3] += cell.getLong("delivered");
            }
        }
        return groups.entrySet().stream()
                     .map(group -> new Statistics.Row(group.getKey(), SmallCellSuppression.cell(group.getValue()[0]),
                                                      SmallCellSuppression.cell(group.getValue()[1]),
                                                      SmallCellSuppression.cell(group.getValue()[2]),
                                                      SmallCellSuppression.cell(group.getValue()[3])))
                     .collect(Collectors.toList());
    }

    private static List<String> keys(String groupBy, Document cell, Map<String, PartnerView> partners) {
        String receiver = cell.getString("partnerId");
        return switch (groupBy) {
            case "month" -> List.of(cell.getString("month"));
            case "category" -> List.of(cell.getString("category"));
            case "dimension" -> List.of(cell.getString("dimension"));
            case "region" -> partners.containsKey(receiver) && !partners.get(receiver).regions().isEmpty()
                    ? partners.get(receiver).regions() : List.of("unknown");
            default -> List.of(receiver);
        };
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
