package org.referrals.query.caseregistry;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.referrals.api.caseregistry.CaseView;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.household.HouseholdRole;
import org.referrals.api.caseregistry.PossibleDuplicates;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.common.Actor;
import org.referrals.api.common.PageOf;
import org.referrals.api.common.Role;
import org.referrals.query.common.Projections;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.referral.CaseReferrals;
import org.referrals.query.referral.ReferralProjection;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/cases/{id}}: decrypted for the owner and coordinators, minimised for receiving partners. */
@RestController
@Tag(name = "Cases")
public class CaseQueryController {

    private final MongoDatabase mongo;
    private final PersonalDataReader personalData;
    private final Clock clock;

    public CaseQueryController(MongoDatabase reactiveMongoDatabase, PersonalDataReader personalData, Clock clock) {
        this.mongo = reactiveMongoDatabase;
        this.personalData = personalData;
        this.clock = clock;
    }

    @GetMapping("/api/cases/{caseId}")
    @Operation(operationId = "getCase", summary = "A case", description = "The owning partner's agents and COORDINATOR see it whole. The agents "
                                                 + "of a partner that received a referral for it see it minimised: age "
                                                 + "band, sex and languages while the referral waits for their answer, "
                                                 + "also name and phone while it is accepted and not closed, and the "
                                                 + "vulnerabilities relevant to its category; 404 once their referrals "
                                                 + "ended, the case is closed or the consent is gone, and for anyone "
                                                 + "else. Only coordinators see possibleDuplicates: matching cases of "
                                                 + "any partner.")
    public Mono<CaseView> caseView(@PathVariable String caseId, @AuthenticationPrincipal Actor actor) {
        Instant now = clock.instant();
        return CaseAccess.find(mongo, caseId, actor, now)
                         .flatMap(access -> Mono.fromCallable(() -> view(access, actor.isCoordinator(), now))
                                                .subscribeOn(Schedulers.boundedElastic()));
    }

    @GetMapping("/api/cases/possible-duplicates")
    @Operation(operationId = "listPossibleDuplicates", summary = "Cases that may be the same person, for a coordinator to review",
               description = "COORDINATOR only. Groups of cases whose names and date of birth match (by blind index), "
                             + "the most recently joined group first; crossPartner when more than one partner registered "
                             + "them (the partners are not told).")
    public Mono<PageOf<PossibleDuplicates>> possibleDuplicates(@AuthenticationPrincipal Actor actor,
                                                               @RequestParam(defaultValue = "0") int page,
                                                               @RequestParam(defaultValue = "50") int size) {
        if (!actor.isCoordinator()) {
            return Mono.error(ReadProblems.forbidden("only coordinators review possible duplicates"));
        }
        var badPage = ReadProblems.pageProblem(page, size, 100);
        if (badPage != null) {
            return Mono.error(badPage);
        }
        return Mono.fromCallable(() -> personalData.duplicateGroups(page * size, size))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMap(groups -> Flux.from(mongo.getCollection(CaseProjection.COLLECTION)
                                                     .find(Filters.in("_id", groups.stream().flatMap(List::stream).toList())))
                           .collectMap(d -> d.getString("_id"))
                           .map(cases -> groups.stream().map(group -> duplicates(group, cases)).toList()))
                   .zipWith(Mono.fromCallable(personalData::duplicateGroupCount).subscribeOn(Schedulers.boundedElastic()))
                   .map(both -> new PageOf<>(both.getT1(), page, size, both.getT2()));
    }

    private static PossibleDuplicates duplicates(List<String> group, Map<String, Document> cases) {
        List<PossibleDuplicates.Member> members = group.stream().filter(cases::containsKey).map(cases::get)
                .map(d -> new PossibleDuplicates.Member(d.getString("_id"), d.getString(CaseFields.OWNING_PARTNER),
                                                        Projections.instant(d, CaseFields.REGISTERED_AT)))
                .toList();
        return new PossibleDuplicates(members, members.stream().map(PossibleDuplicates.Member::owningPartnerId).distinct().count() > 1);
    }

    private CaseView view(CaseAccess access, boolean coordinator, Instant now) {
        Document d = access.document();
        ReceivingPartnerSight sight = access.sight();
        boolean minimised = sight != null;
        CaseView.Person person = CaseProjection.sealedData(d).flatMap(personalData::open)
                                               .map(p -> person(p, sight, now)).orElse(null);
        Set<Vulnerability> vulnerabilities = d.getList(CaseFields.VULNERABILITIES, String.class).stream()
                                              .map(Vulnerability::valueOf).collect(Collectors.toSet());
        List<CaseView.Consent> consents = minimised ? List.of() : d.getList(CaseFields.CONSENTS, Document.class).stream()
                .map(c -> new CaseView.Consent(c.getString(CaseFields.CONSENT_ID), LegalBasis.valueOf(c.getString(CaseFields.LEGAL_BASIS)),
                                               c.getList(CaseFields.SERVICE_CATEGORIES, String.class), c.getList(CaseFields.PARTNER_IDS, String.class),
                                               Projections.instant(c, CaseFields.RECORDED_AT), Projections.instant(c, CaseFields.EXPIRES_AT),
                                               c.getBoolean(CaseFields.WITHDRAWN, false)))
                .toList();
        return new CaseView(d.getString("_id"), d.getString(CaseFields.OWNING_PARTNER), d.getString(CaseFields.STATUS), person,
                            d.getBoolean(CaseFields.ERASED, false), minimised,
                            minimised ? sight.relevant(vulnerabilities) : vulnerabilities,
                            minimised ? null : d.getString(CaseFields.COUNTRY_OF_RETURN), consents,
                            Projections.instant(d, CaseFields.REGISTERED_AT),
                            coordinator ? personalData.possibleDuplicatesOf(d.getString("_id")) : null,
                            d.getString(CaseFields.HOUSEHOLD), d.getString(CaseFields.HOUSEHOLD_ROLE) == null ? null
                                    : HouseholdRole.valueOf(d.getString(CaseFields.HOUSEHOLD_ROLE)));
    }

    private static CaseView.Person person(PersonalDetails p, ReceivingPartnerSight sight, Instant now) {
        String ageBand = ReceivingPartnerSight.ageBand(p.dateOfBirth(), now);
        if (sight == null) {
            return new CaseView.Person(p.givenName(), p.familyName(), p.dateOfBirth(), p.sex(), p.nationality(), p.phone(),
                                       p.languages(), ageBand);
        }
        return sight.level() == ReceivingPartnerSight.Level.WHILE_SERVING
                ? new CaseView.Person(p.givenName(), p.familyName(), null, p.sex(), null, p.phone(), p.languages(), ageBand)
                : new CaseView.Person(null, null, null, p.sex(), null, null, p.languages(), ageBand);
    }

    /** Who may see a case: whole ({@code sight} null), or as a receiving partner sees it. */
    record CaseAccess(Document document, ReceivingPartnerSight sight) {

        static Mono<CaseAccess> find(MongoDatabase mongo, String caseId, Actor actor, Instant now) {
            if (!(actor.hasRole(Role.PARTNER_AGENT) || actor.isCoordinator())) {
                return Mono.error(ReadProblems.notFound()); // analysts and admins see no case
            }
            return Mono.from(mongo.getCollection(CaseProjection.COLLECTION).find(Filters.eq("_id", caseId)).first())
                       .flatMap(d -> {
                           if (actor.isCoordinator() || actor.actsFor(d.getString(CaseFields.OWNING_PARTNER))) {
                               return Mono.just(new CaseAccess(d, null));
                           }
                           return CaseReferrals.of(mongo, caseId)
                                   .map(referrals -> referrals.entrySet().stream().filter(r -> actor.actsFor(r.getValue()))
                                                              .map(Map.Entry::getKey).toList())
                                   .filter(received -> !received.isEmpty())
                                   .flatMap(received -> Flux.from(mongo.getCollection(ReferralProjection.COLLECTION)
                                                                       .find(Filters.in("_id", received))).collectList())
                                   .map(referrals -> ReceivingPartnerSight.of(d, referrals, now))
                                   .filter(sight -> sight.level() != ReceivingPartnerSight.Level.NONE)
                                   .map(sight -> new CaseAccess(d, sight));
                       })
                       .switchIfEmpty(Mono.error(ReadProblems::notFound));
        }
    }
}
