package org.referrals.query.caseregistry;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.referrals.api.caseregistry.CaseSearchHit;
import org.referrals.api.caseregistry.CaseSearchRequest;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.referrals.query.common.Projections;
import org.referrals.query.common.ReadProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Finding a person's case by names and date of birth, through the keyed blind index the duplicate check keeps (no
 * name is searchable in clear anywhere). A partner's agents find their own partner's cases only, coordinators any.
 */
@RestController
@Tag(name = "Cases")
public class CaseSearchController {

    private final MongoDatabase mongo;
    private final PersonalDataReader personalData;

    public CaseSearchController(MongoDatabase reactiveMongoDatabase, PersonalDataReader personalData) {
        this.mongo = reactiveMongoDatabase;
        this.personalData = personalData;
    }

    @PostMapping("/api/cases/search")
    @Operation(operationId = "searchCases", summary = "Find cases by the person's names and date of birth",
               description = "Roles: PARTNER_AGENT (its own partner's cases only), COORDINATOR (any partner's). Matched "
                             + "through the keyed blind index: names ignoring case, accents, punctuation and order, and the "
                             + "exact date of birth; at most 20, oldest first; erased cases are never found. Reads only: "
                             + "nothing is written.")
    public Mono<List<CaseSearchHit>> search(@Valid @RequestBody CaseSearchRequest body, @AuthenticationPrincipal Actor actor) {
        if (!(actor.hasRole(Role.PARTNER_AGENT) || actor.isCoordinator())) {
            return Mono.error(ReadProblems.forbidden("only partner agents and coordinators look cases up"));
        }
        return Mono.fromCallable(() -> personalData.casesNamed(body.givenName(), body.familyName(), body.dateOfBirth()))
                   .subscribeOn(Schedulers.boundedElastic())
                   .flatMapMany(ids -> Flux.from(mongo.getCollection(CaseProjection.COLLECTION).find(Filters.in("_id", ids))))
                   .filter(c -> actor.isCoordinator() || actor.actsFor(c.getString(CaseFields.OWNING_PARTNER)))
                   .map(c -> new CaseSearchHit(c.getString("_id"), c.getString(CaseFields.OWNING_PARTNER),
                                               c.getString(CaseFields.STATUS), Projections.instant(c, CaseFields.REGISTERED_AT)))
                   .sort(java.util.Comparator.comparing(CaseSearchHit::registeredAt))
                   .collectList();
    }
}
