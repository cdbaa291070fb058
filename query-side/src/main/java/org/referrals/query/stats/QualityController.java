package org.referrals.query.stats;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.referrals.api.assessment.AssessmentScores;
import org.referrals.api.assessment.Instruments;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.api.partner.ReintegrationDimension;
import org.referrals.api.plan.GoalStatus;
import org.referrals.api.referral.QualityFigures;
import org.referrals.query.assessment.SealedResults;
import org.referrals.query.caseregistry.CaseFields;
import org.referrals.query.caseregistry.CaseProjection;
import org.referrals.query.caseregistry.PersonalDataReader;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.referral.ReferralFacts;
import org.referrals.query.referral.ReferralSnapshots;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/stats/quality}: referral quality, plans and assessments over the whole network, de-identified
 * ({@link QualityCalculation}). Assessment scores are opened here, one case at a time, only to be averaged; an erased
 * case's are unreadable and so not counted.
 */
@RestController
@Tag(name = "Statistics")
public class QualityController {

    private final MongoDatabase mongo;
    private final ReferralSnapshots referrals;
    private final PersonalDataReader personalData;

    public QualityController(MongoDatabase reactiveMongoDatabase, ReferralSnapshots referrals, PersonalDataReader personalData) {
        this.mongo = reactiveMongoDatabase;
        this.referrals = referrals;
        this.personalData = personalData;
    }

    @GetMapping("/api/stats/quality")
    @Operation(operationId = "getQualityFigures", summary = "Referral quality, plans and assessments, de-identified",
               description = "Roles: ANALYST, COORDINATOR. from and to (dates, inclusive) bound the referrals' request date, "
                             + "the plans' agreement and the assessments' day. Counts below 5 are \"<5\"; shares, means "
                             + "and medians made of fewer than 5 are null.")
    public Mono<QualityFigures> quality(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                        @AuthenticationPrincipal Actor actor) {
        if (!(actor.isCoordinator() || actor.hasRole(Role.ANALYST))) {
            return Mono.error(ReadProblems.forbidden("only analysts and coordinators see statistics"));
        }
        LocalDate fromDate = ReadProblems.day("from", from);
        LocalDate toDate = ReadProblems.day("to", to);
        Mono<List<Document>> cases = Flux.from(mongo.getCollection(CaseProjection.COLLECTION)
                        .find(Filters.or(Filters.exists(CaseFields.PLAN_AGREED_AT), Filters.exists(CaseFields.ASSESSMENTS)))
                        .projection(Projections.include(CaseFields.PLAN_AGREED_AT, CaseFields.GOALS, CaseFields.ASSESSMENTS)))
                .collectList();
        return Mono.zip(cases, referrals.current()).publishOn(Schedulers.boundedElastic()).map(both -> {
            List<QualityCalculation.PlannedCase> plans = both.getT1().stream()
                    .filter(c -> c.getDate(CaseFields.PLAN_AGREED_AT) != null
                                 && within(day(c.getDate(CaseFields.PLAN_AGREED_AT).toInstant()), fromDate, toDate))
                    .map(QualityController::planned).toList();
            Set<String> planned = plans.stream().map(QualityCalculation.PlannedCase::caseId).collect(Collectors.toSet());
            List<ReferralFacts> all = both.getT2().all();
            List<ReferralFacts> ofPlanned = all.stream().filter(r -> planned.contains(r.caseId())).toList();
            List<QualityCalculation.AssessedCase> assessed = both.getT1().stream()
                    .map(c -> assessed(c, fromDate, toDate)).filter(a -> !a.scores().isEmpty()).toList();
            return QualityCalculation.figures(fromDate, toDate, StatisticsController.made(all, fromDate, toDate), ofPlanned,
                                              plans, assessed);
        });
    }

    private static QualityCalculation.PlannedCase planned(Document c) {
        List<QualityCalculation.Goal> goals = c.getList(CaseFields.GOALS, Document.class, List.of()).stream()
                .map(g -> new QualityCalculation.Goal(ReintegrationDimension.valueOf(g.getString(CaseFields.DIMENSION)),
                                                      GoalStatus.valueOf(g.getString(CaseFields.GOAL_STATUS)))).toList();
        return new QualityCalculation.PlannedCase(c.getString("_id"), c.getDate(CaseFields.PLAN_AGREED_AT).toInstant(), goals);
    }

    /** The case's readable RSS assessments taken in the period, in the order taken. */
    private QualityCalculation.AssessedCase assessed(Document c, LocalDate from, LocalDate to) {
        String caseId = c.getString("_id");
        String rss = Instruments.RSS_1.id();
        List<AssessmentScores> scores = new ArrayList<>();
        c.getList(CaseFields.ASSESSMENTS, Document.class, List.of()).stream()
         .filter(a -> rss.equals(a.getString(CaseFields.INSTRUMENT)))
         .filter(a -> within(LocalDate.parse(a.getString(CaseFields.TAKEN_ON)), from, to))
         .sorted(java.util.Comparator.comparing(a -> a.getString(CaseFields.TAKEN_ON)))
         .forEach(a -> SealedResults.open(personalData, caseId, org.referrals.query.common.Projections.sealedText(a, CaseFields.RESULT))
                                    .ifPresent(result -> scores.add(result.scores())));
        return new QualityCalculation.AssessedCase(scores);
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
}
