package org.referrals.query.matching;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.bson.Document;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.common.Actor;
import org.referrals.api.matching.Suggestions;
import org.referrals.api.partner.Caseload;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.Urgency;
import org.referrals.query.caseregistry.CaseFields;
import org.referrals.query.caseregistry.CaseProjection;
import org.referrals.query.caseregistry.PersonalDataReader;
import org.referrals.query.common.Projections;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.figures.CaseloadFigures;
import org.referrals.query.partner.PartnerProjection;
import org.referrals.query.partner.PartnerQueryController;
import org.referrals.query.referral.ReferralSnapshots;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/referrals/suggestions}: who could take this case for that service, ranked by {@link PartnerRanking}
 * from the directory, the partners' caseloads and the case's consents; the person's languages are decrypted for the ranking
 * only and never returned.
 */
@RestController
@Tag(name = "Referrals")
public class SuggestionController {

    private final MongoDatabase mongo;
    private final PersonalDataReader personalData;
    private final ReferralSnapshots referrals;
    private final Clock clock;

    public SuggestionController(MongoDatabase reactiveMongoDatabase, PersonalDataReader personalData, ReferralSnapshots referrals,
                                Clock clock) {
        this.mongo = reactiveMongoDatabase;
        this.personalData = personalData;
        this.referrals = referrals;
        this.clock = clock;
    }

    @GetMapping("/api/referrals/suggestions")
    @Operation(operationId = "suggestPartners", summary = "Partners that could take the case for a service category, best first, each score explained",
               description = "The case's owning partner and COORDINATOR (404 for anyone else). Suspended partners, "
                       + "partners at capacity and partners outside the case's consent scope are listed last, marked. "
                       + "A partner agent's explanations tell other partners' capacity, acceptance and response time "
                       + "in words, without figures, and the score in tens; coordinators see the figures.")
    public Mono<Suggestions> suggestions(@AuthenticationPrincipal Actor actor, @RequestParam String caseId,
                                         @RequestParam String category, @RequestParam(required = false) String region,
                                         @RequestParam(defaultValue = "ROUTINE") String urgency) {
        ServiceCategory serviceCategory = ReadProblems.parse("category", ServiceCategory.class, category);
        Urgency asked = ReadProblems.parse("urgency", Urgency.class, urgency);
        return Mono.from(mongo.getCollection(CaseProjection.COLLECTION).find(Filters.eq("_id", caseId)).first())
                   .filter(c -> actor.isCoordinator() || actor.actsFor(c.getString(CaseFields.OWNING_PARTNER)))
                   .switchIfEmpty(Mono.error(ReadProblems::notFound))
                   .flatMap(theCase -> Mono.zip(candidates(), languages(theCase))
                           .map(both -> new Suggestions(caseId, serviceCategory, region, asked, PartnerRanking.rank(
                                   both.getT1(), both.getT2(), consents(theCase), serviceCategory, region, asked,
                                   clock.instant(), actor.isCoordinator()))));
    }

    private Mono<List<PartnerRanking.Candidate>> candidates() {
        return Mono.zip(Flux.from(mongo.getCollection(PartnerProjection.COLLECTION).find()).collectList(),
                        // every partner's caseload from every referral's facts: off the event loop
                        referrals.current().publishOn(Schedulers.boundedElastic()))
                   .map(both -> both.getT1().stream().map(partner -> candidate(partner, both.getT2())).toList());
    }

    private PartnerRanking.Candidate candidate(Document partner, ReferralSnapshots.Snapshot referrals) {
        String partnerId = partner.getString("_id");
        Caseload caseload = CaseloadFigures.of(partnerId, null, referrals.inboundOf(partnerId), clock.instant());
        return new PartnerRanking.Candidate(PartnerQueryController.view(partner), caseload.active(), caseload.acceptanceRate(),
                                            caseload.medianHoursToRespond());
    }

    /** The person's languages, decrypted here for the language criterion; none when erased. */
    private Mono<List<String>> languages(Document theCase) {
        return Mono.fromCallable(() -> CaseProjection.sealedData(theCase).flatMap(personalData::open)
                                                     .map(PersonalDetails::languages).orElse(null))
                   .map(languages -> languages == null ? List.<String>of() : languages)
                   .defaultIfEmpty(List.of())
                   .subscribeOn(Schedulers.boundedElastic());
    }

    private static List<PartnerRanking.Consent> consents(Document theCase) {
        return theCase.getList(CaseFields.CONSENTS, Document.class, List.of()).stream()
                      .map(c -> new PartnerRanking.Consent(c.getList(CaseFields.SERVICE_CATEGORIES, String.class),
                                                           c.getList(CaseFields.PARTNER_IDS, String.class),
                                                           Projections.instant(c, CaseFields.EXPIRES_AT), c.getBoolean(CaseFields.WITHDRAWN, false)))
                      .toList();
    }
}
