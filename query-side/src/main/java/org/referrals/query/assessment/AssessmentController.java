package org.referrals.query.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.referrals.api.assessment.AssessmentResult;
import org.referrals.api.assessment.AssessmentScores;
import org.referrals.api.assessment.CaseAssessments;
import org.referrals.api.assessment.Instrument;
import org.referrals.api.assessment.Instruments;
import org.referrals.api.caseregistry.AssessmentRecorded;
import org.referrals.api.common.Actor;
import org.referrals.query.caseregistry.CaseVisibility;
import org.referrals.query.caseregistry.PersonalDataReader;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A case's assessments over time, opened from its events for those who read the case whole (its owner and
 * coordinators); and the instruments, for a client to build its forms from.
 */
@RestController
@Tag(name = "Assessments", description = "Reintegration assessments (RSS) of a case over time")
public class AssessmentController {

    private final CaseVisibility cases;
    private final EventStore events;
    private final PersonalDataReader personalData;

    public AssessmentController(CaseVisibility cases, EventStore eventStore, PersonalDataReader personalData) {
        this.cases = cases;
        this.events = eventStore;
        this.personalData = personalData;
    }

    @GetMapping("/api/instruments")
    @Operation(operationId = "listInstruments", summary = "The assessment instruments: indicators by dimension, their scales and weights",
               description = "Any authenticated caller.")
    public List<Instrument> instruments() {
        return Instruments.all();
    }

    @GetMapping("/api/cases/{caseId}/assessments")
    @Operation(operationId = "getCaseAssessments", summary = "A case's assessments over time, with their scores and changes",
               description = "The owning partner's agents, COORDINATOR; else 404. Answers and scores are null once the case's "
                             + "personal data is erased.")
    public Mono<CaseAssessments> assessments(@PathVariable String caseId, @AuthenticationPrincipal Actor actor) {
        return cases.readWhole(caseId, actor)
                    .flatMap(c -> Mono.fromCallable(() -> read(caseId)).subscribeOn(Schedulers.boundedElastic()));
    }

    private CaseAssessments read(String caseId) {
        List<CaseAssessments.Assessment> assessments = new ArrayList<>();
        Map<String, AssessmentScores> previous = new HashMap<>(); // by instrument
        for (DomainEventMessage<?> message : events.readEvents(caseId, 0).asStream().toList()) {
            if (message.getPayload() instanceof AssessmentRecorded recorded) {
                AssessmentResult result = SealedResults.open(personalData, caseId, recorded.result()).orElse(null);
                AssessmentScores scores = result == null ? null : result.scores();
                assessments.add(new CaseAssessments.Assessment(recorded.assessmentId(), recorded.instrumentId(),
                        recorded.instrumentVersion(), recorded.takenOn(), recorded.recordedAt(),
                        result == null ? null : result.answers(), scores, change(previous.get(recorded.instrumentId()), scores)));
                if (scores != null) {
                    previous.put(recorded.instrumentId(), scores);
                }
            }
        }
        return new CaseAssessments(caseId, assessments);
    }

    /** Each score's change since the previous assessment ({@code composite} and each dimension), where both have one. */
    static Map<String, Double> change(AssessmentScores before, AssessmentScores now) {
        Map<String, Double> change = new LinkedHashMap<>();
        if (before == null || now == null) {
            return change;
        }
        now.dimensions().forEach((dimension, score) -> {
            Double earlier = before.dimensions().get(dimension);
            if (score != null && earlier != null) {
                change.put(dimension.name(), Math.round((score - earlier) * 1000) / 1000.0);
            }
        });
        if (now.composite() != null && before.composite() != null) {
            change.put("composite", Math.round((now.composite() - before.composite()) * 1000) / 1000.0);
        }
        return change;
    }
}
