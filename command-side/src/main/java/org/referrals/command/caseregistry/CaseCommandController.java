package org.referrals.command.caseregistry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.referrals.api.assessment.AssessmentRequest;
import org.referrals.api.assessment.AssessmentScores;
import org.referrals.api.assessment.AssessmentTaken;
import org.referrals.api.assessment.Instrument;
import org.referrals.api.assessment.Instruments;
import org.referrals.api.caseregistry.CaseRegistrationResult;
import org.referrals.api.caseregistry.CloseCase;
import org.referrals.api.caseregistry.CloseCaseRequest;
import org.referrals.api.caseregistry.ConsentTerms;
import org.referrals.api.caseregistry.ErasePersonalData;
import org.referrals.api.caseregistry.ErasureRequest;
import org.referrals.api.caseregistry.RecordAssessment;
import org.referrals.api.caseregistry.RecordConsent;
import org.referrals.api.caseregistry.RegisterCase;
import org.referrals.api.caseregistry.RegisterCaseRequest;
import org.referrals.api.caseregistry.WithdrawConsent;
import org.referrals.api.common.Actor;
import org.referrals.api.common.NoteRequest;
import org.referrals.command.web.BadRequestException;
import org.referrals.command.web.CommandDispatcher;
import org.referrals.command.web.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "Migrants registered by a partner, with their consents")
public class CaseCommandController {

    private final CommandDispatcher commands;

    public CaseCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created")
    @Operation(operationId = "registerCase", summary = "Register a case with a first consent or other legal basis",
               description = "Role: PARTNER_AGENT (the case belongs to the agent's partner). Personal data is "
                             + "encrypted under a key of this case before it is stored. possibleDuplicates lists "
                             + "earlier cases with the same names (ignoring case, accents, punctuation and order) "
                             + "and date of birth, found through a keyed blind index; erased cases are never listed.")
    public Mono<ResponseEntity<CaseRegistrationResult>> register(@Valid @RequestBody RegisterCaseRequest body,
                                                                 @AuthenticationPrincipal Actor actor,
                                                                 ServerHttpRequest request) {
        var command = new RegisterCase(UUID.randomUUID().toString(), body.person(), body.vulnerabilities(),
                                       body.countryOfReturn(), UUID.randomUUID().toString(), body.consent());
        return commands.<CaseRegistrationResult>send(command, body, actor, request)
                       .map(result -> ResponseEntity.status(HttpStatus.CREATED).body(result));
    }

    @PostMapping("/{caseId}/consents")
    @ApiResponse(responseCode = "201", description = "Created")
    @Operation(operationId = "recordConsent", summary = "Record another consent or legal basis", description = "Roles: the owning partner's agents, COORDINATOR.")
    public Mono<ResponseEntity<Map<String, String>>> recordConsent(@PathVariable String caseId,
                                                                   @Valid @RequestBody ConsentTerms body,
                                                                   @AuthenticationPrincipal Actor actor,
                                                                   ServerHttpRequest request) {
        var command = new RecordConsent(Ids.uuid("caseId", caseId), UUID.randomUUID().toString(), body);
        return commands.<String>send(command, body, actor, request)
                       .thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(Map.of("consentId", command.consentId())));
    }

    @PostMapping("/{caseId}/consents/{consentId}/withdraw")
    @Operation(operationId = "withdrawConsent", summary = "Withdraw a consent: no new referral may rely on it", description = "Roles: the owning partner's agents, COORDINATOR.")
    public Mono<Map<String, String>> withdrawConsent(@PathVariable String caseId, @PathVariable String consentId,
                                                     @Valid @RequestBody NoteRequest body,
                                                     @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        var command = new WithdrawConsent(Ids.uuid("caseId", caseId), Ids.uuid("consentId", consentId), body.note());
        return commands.send(command, body, actor, request)
                       .thenReturn(Map.of("caseId", caseId, "consentId", consentId));
    }

    @PostMapping("/{caseId}/erasure")
    @Operation(operationId = "erasePersonalData", summary = "Erase a case's personal data (crypto-shredding)",
               description = "Role: ADMIN, with a justification. The case's data key is destroyed in the same "
                             + "transaction as the CasePersonalDataErased event: afterwards its personal data is "
                             + "unreadable everywhere, while referral history (which holds none) stays.")
    public Mono<Map<String, Object>> erase(@PathVariable String caseId, @Valid @RequestBody ErasureRequest body,
                                           @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        var command = new ErasePersonalData(Ids.uuid("caseId", caseId), body.justification());
        return commands.send(command, body, actor, request).thenReturn(Map.of("caseId", caseId, "erased", true));
    }

    @PostMapping("/{caseId}/assessments")
    @ApiResponse(responseCode = "201", description = "Created: the assessment's scores")
    @Operation(operationId = "recordAssessment", summary = "Record an assessment (RSS: 15 indicators in three dimensions)",
               description = "Roles: the owning partner's agents, COORDINATOR. Answers by indicator id, each one of its "
                             + "scale's codes (GET /api/instruments); an indicator left out is a missing answer, left out of "
                             + "the scores. Scores per dimension and composite, 0 to 1. Answers and scores are sealed "
                             + "under the case's key.")
    public Mono<ResponseEntity<AssessmentTaken>> recordAssessment(@PathVariable String caseId,
                                                                  @Valid @RequestBody AssessmentRequest body,
                                                                  @AuthenticationPrincipal Actor actor,
                                                                  ServerHttpRequest request) {
        String id = Ids.uuid("caseId", caseId);
        Instrument instrument = (body.version() == null ? Instruments.latest(body.instrument())
                : Instruments.find(body.instrument(), body.version()))
                .orElseThrow(() -> new BadRequestException("instrument", "no such instrument (or version)"));
        AssessmentScores scores;
        try {
            scores = instrument.score(body.answers()); // refused before any command is sent
        } catch (Instrument.InvalidAnswer e) {
            throw new BadRequestException("answers." + e.indicator(), e.getMessage());
        }
        var command = new RecordAssessment(id, UUID.randomUUID().toString(), instrument.id(), instrument.version(),
                                           body.answers(), body.takenOn() == null ? LocalDate.now(java.time.ZoneOffset.UTC) : body.takenOn());
        return commands.send(command, body, actor, request)
                       .thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                                                 .body(new AssessmentTaken(id, command.assessmentId(), instrument.id(), instrument.version(), scores)));
    }

    @PostMapping("/{caseId}/close")
    @Operation(operationId = "closeCase", summary = "Close a case", description = "Roles: the owning partner's agents, COORDINATOR.")
    public Mono<Map<String, String>> close(@PathVariable String caseId, @Valid @RequestBody CloseCaseRequest body,
                                           @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        var command = new CloseCase(Ids.uuid("caseId", caseId), body.reason(), body.note());
        return commands.send(command, body, actor, request).thenReturn(Map.of("caseId", caseId, "status", "CLOSED"));
    }
}
