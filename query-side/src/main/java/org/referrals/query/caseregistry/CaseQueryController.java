package org.referrals.query.caseregistry;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.referrals.api.caseregistry.CaseView;
import org.referrals.api.caseregistry.LegalBasis;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.query.common.Projections;
import org.referrals.query.common.ReadProblems;
import org.referrals.query.referral.CaseReferrals;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/cases/{id}}: decrypted for the owner and coordinators, minimised for receiving partners. */
@RestController
@Tag(name = "Cases")
public class CaseQueryController {

    private final MongoDatabase mongo;
    private final PersonalDataReader personalData;

    public CaseQueryController(MongoDatabase reactiveMongoDatabase, PersonalDataReader personalData) {
        this.mongo = reactiveMongoDatabase;
        this.personalData = personalData;
    }

    @GetMapping("/api/cases/{caseId}")
    @Operation(summary = "A case", description = "The owning partner's agents and COORDINATOR see it whole; the agents "
                                                 + "of a partner that received a referral for it see it minimised (no "
                                                 + "date of birth, sex or nationality); anyone else gets 404.")
    public Mono<CaseView> caseView(@PathVariable String caseId, @AuthenticationPrincipal Actor actor) {
        return CaseAccess.find(mongo, caseId, actor)
                         .flatMap(access -> Mono.fromCallable(() -> view(access.document(), access.minimised()))
                                                .subscribeOn(Schedulers.boundedElastic()));
    }

    private CaseView view(Document d, boolean minimised) {
        CaseView.Person person = CaseProjection.sealedData(d).flatMap(personalData::open)
                                               .map(p -> person(p, minimised)).orElse(null);
        Set<Vulnerability> vulnerabilities = d.getList(CaseFields.VULNERABILITIES, String.class).stream()
                                              .map(Vulnerability::valueOf).collect(Collectors.toSet());
        List<CaseView.Consent> consents = minimised ? List.of() : d.getList(CaseFields.CONSENTS, Document.class).stream()
                .map(c -> new CaseView.Consent(c.getString(CaseFields.CONSENT_ID), LegalBasis.valueOf(c.getString(CaseFields.LEGAL_BASIS)),
                                               c.getList(CaseFields.SERVICE_CATEGORIES, String.class), c.getList(CaseFields.PARTNER_IDS, String.class),
                                               Projections.instant(c, CaseFields.RECORDED_AT), Projections.instant(c, CaseFields.EXPIRES_AT),
                                               c.getBoolean(CaseFields.WITHDRAWN, false)))
                .toList();
        return new CaseView(d.getString("_id"), d.getString(CaseFields.OWNING_PARTNER), d.getString(CaseFields.STATUS), person,
                            d.getBoolean(CaseFields.ERASED, false), minimised, vulnerabilities,
                            minimised ? null : d.getString(CaseFields.COUNTRY_OF_RETURN), consents,
                            Projections.instant(d, CaseFields.REGISTERED_AT));
    }

    private static CaseView.Person person(PersonalDetails p, boolean minimised) {
        return minimised
                ? new CaseView.Person(p.givenName(), p.familyName(), null, null, null, p.phone(), p.languages())
                : new CaseView.Person(p.givenName(), p.familyName(), p.dateOfBirth(), p.sex(), p.nationality(), p.phone(),
                                      p.languages());
    }

    /** Who may see a case, and how much of it. */
    record CaseAccess(Document document, boolean minimised) {

        static Mono<CaseAccess> find(MongoDatabase mongo, String caseId, Actor actor) {
            if (!(actor.hasRole(Role.PARTNER_AGENT) || actor.isCoordinator())) {
                return Mono.error(ReadProblems.notFound()); // analysts and admins see no case
            }
            return Mono.from(mongo.getCollection(CaseProjection.COLLECTION).find(Filters.eq("_id", caseId)).first())
                       .flatMap(d -> {
                           if (actor.isCoordinator() || actor.actsFor(d.getString(CaseFields.OWNING_PARTNER))) {
                               return Mono.just(new CaseAccess(d, false));
                           }
                           return CaseReferrals.of(mongo, caseId)
                                               .filter(referrals -> referrals.containsValue(actor.partnerId()))
                                               .map(referrals -> new CaseAccess(d, true));
                       })
                       .switchIfEmpty(Mono.error(ReadProblems::notFound));
        }
    }
}
