package org.referrals.query.household;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.referrals.api.caseregistry.PersonalDetails;
import org.referrals.api.caseregistry.Vulnerability;
import org.referrals.api.common.Actor;
import org.referrals.api.household.HouseholdRole;
import org.referrals.api.household.HouseholdView;
import org.referrals.query.caseregistry.CaseFields;
import org.referrals.query.caseregistry.CaseProjection;
import org.referrals.query.caseregistry.CaseVisibility;
import org.referrals.query.caseregistry.PersonalDataReader;
import org.referrals.query.caseregistry.ReceivingPartnerSight;
import org.referrals.query.common.ReadProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/households/{id}}: for whoever sees one of its cases. Each member as the caller may see that
 * member's case: whole, or only its role, age band and the children's vulnerabilities (so that a provider serving the
 * family knows a child is unaccompanied or separated without learning who the others are).
 */
@RestController
@Tag(name = "Households")
public class HouseholdController {

    /** What a caller who does not read a member's case whole still sees of it. */
    private static final Set<Vulnerability> CHILDHOOD = EnumSet.of(Vulnerability.UNACCOMPANIED_CHILD, Vulnerability.SEPARATED_CHILD);

    private final MongoDatabase mongo;
    private final CaseVisibility cases;
    private final PersonalDataReader personalData;
    private final Clock clock;

    public HouseholdController(MongoDatabase reactiveMongoDatabase, CaseVisibility cases, PersonalDataReader personalData, Clock clock) {
        this.mongo = reactiveMongoDatabase;
        this.cases = cases;
        this.personalData = personalData;
        this.clock = clock;
    }

    @GetMapping("/api/households/{householdId}")
    @Operation(operationId = "getHousehold", summary = "A household: its members and their roles",
               description = "Whoever sees one of its cases (owning partners, COORDINATOR, partners receiving a referral of "
                             + "one). Each member whole where the caller reads that case whole (names, date of birth, sex, "
                             + "vulnerabilities, status); else its role, age band and the children's vulnerabilities only. "
                             + "An erased member's names are null. Everyone else: 404.")
    public Mono<HouseholdView> household(@PathVariable String householdId, @AuthenticationPrincipal Actor actor) {
        return Mono.from(mongo.getCollection(HouseholdProjection.COLLECTION).find(Filters.eq("_id", householdId)).first())
                   .flatMap(household -> {
                       List<Document> members = household.getList(HouseholdProjection.MEMBERS, Document.class);
                       List<String> ids = members.stream().map(m -> m.getString(HouseholdProjection.CASE)).toList();
                       Mono<Map<String, Boolean>> whole = Flux.fromIterable(ids)
                               .flatMap(id -> cases.reader(id, actor).map(reader -> Map.entry(id, reader.whole()))
                                                   .onErrorResume(e -> Mono.empty()))
                               .collectMap(Map.Entry::getKey, Map.Entry::getValue);
                       Mono<Map<String, Document>> documents = Flux.from(mongo.getCollection(CaseProjection.COLLECTION)
                               .find(Filters.in("_id", ids))).collectMap(d -> d.getString("_id"));
                       return Mono.zip(whole, documents)
                                  .filter(both -> !both.getT1().isEmpty()) // sees none of its cases
                                  .publishOn(Schedulers.boundedElastic())
                                  .map(both -> new HouseholdView(householdId, household.getString(HouseholdProjection.OWNER),
                                          members.stream().filter(m -> both.getT2().containsKey(m.getString(HouseholdProjection.CASE)))
                                                 .map(m -> member(m, both.getT2().get(m.getString(HouseholdProjection.CASE)),
                                                                  Boolean.TRUE.equals(both.getT1().get(m.getString(HouseholdProjection.CASE))),
                                                                  clock.instant()))
                                                 .toList()));
                   })
                   .switchIfEmpty(Mono.error(ReadProblems::notFound));
    }

    private HouseholdView.Member member(Document link, Document c, boolean whole, Instant now) {
        HouseholdRole role = HouseholdRole.valueOf(link.getString(HouseholdProjection.ROLE));
        PersonalDetails person = CaseProjection.sealedData(c).flatMap(personalData::open).orElse(null);
        Set<Vulnerability> vulnerabilities = c.getList(CaseFields.VULNERABILITIES, String.class).stream()
                                              .map(Vulnerability::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Vulnerability.class)));
        String ageBand = person == null || person.dateOfBirth() == null ? null : ReceivingPartnerSight.ageBand(person.dateOfBirth(), now);
        boolean erased = c.getBoolean(CaseFields.ERASED, false);
        if (!whole) {
            vulnerabilities.retainAll(CHILDHOOD);
            return new HouseholdView.Member(c.getString("_id"), role, false, null, null, erased, null, null, null, null,
                                            ageBand, vulnerabilities);
        }
        return new HouseholdView.Member(c.getString("_id"), role, true, c.getString(CaseFields.OWNING_PARTNER),
                                        c.getString(CaseFields.STATUS), erased, person == null ? null : person.givenName(),
                                        person == null ? null : person.familyName(), person == null ? null : person.dateOfBirth(),
                                        person == null ? null : person.sex(), ageBand, vulnerabilities);
    }
}
