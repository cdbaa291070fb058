package org.referrals.command.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import org.referrals.api.common.Actor;
import org.referrals.api.referral.AcceptReferral;
import org.referrals.api.referral.AddReferralNote;
import org.referrals.api.referral.CancelReferral;
import org.referrals.api.referral.CloseReferral;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.DeclineReferral;
import org.referrals.api.referral.DeliverService;
import org.referrals.api.referral.FailService;
import org.referrals.api.referral.FailureReason;
import org.referrals.api.referral.FeedbackRequest;
import org.referrals.api.referral.RecordReturneeFeedback;
import org.referrals.api.referral.MakeReferral;
import org.referrals.api.referral.MakeReferralRequest;
import org.referrals.api.referral.PutReferralOnHold;
import org.referrals.api.referral.RedirectReferral;
import org.referrals.api.referral.RedirectRequest;
import org.referrals.api.referral.ReferralActionRequest;
import org.referrals.api.referral.ReferralResult;
import org.referrals.api.referral.ResumeReferral;
import org.referrals.api.referral.StartService;
import org.referrals.command.common.ResourceNotVisibleException;
import org.referrals.command.web.BadRequestException;
import org.referrals.command.web.CommandDispatcher;
import org.referrals.command.web.Ids;
import org.referrals.command.web.IfMatch;
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
@RequestMapping(path = "/api/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Referrals", description = "Referring a case to a partner and closing the loop")
public class ReferralCommandController {

    private final CommandDispatcher commands;

    public ReferralCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created")
    @Operation(operationId = "makeReferral", summary = "Refer a case to a partner",
               description = "Roles: PARTNER_AGENT of the case's owner, COORDINATOR (who alone may add a "
                             + "consentOverride with a justification). 409 with a rule type when the partner is "
                             + "suspended or does not offer the category, or no valid consent covers it. goalId "
                             + "(optional) names the open goal of the case's plan the referral serves; the goal's "
                             + "categories must include serviceCategory. forHousehold (optional): the service is for the "
                             + "case's whole household (HOUSEHOLD_NONE when it belongs to none).")
    public Mono<ResponseEntity<ReferralResult>> make(@Valid @RequestBody MakeReferralRequest body,
                                                     @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        var command = new MakeReferral(UUID.randomUUID().toString(), body.caseId(), body.toPartnerId(),
                                       body.serviceCategory(), body.urgency(), body.reason(), body.consentOverride(),
                                       body.goalId(), body.forHousehold());
        return commands.<ReferralResult>send(command, body, actor, request).map(ReferralCommandController::created);
    }

    @PostMapping("/{referralId}/redirect")
    @ApiResponse(responseCode = "201", description = "Created")
    @Operation(operationId = "redirectReferral", summary = "Redirect a declined or expired referral to another partner",
               description = "Roles: the referring partner's agents, COORDINATOR. Answers the new referral, linked "
                             + "by redirectedFrom. If-Match applies to the original referral.")
    public Mono<ResponseEntity<ReferralResult>> redirect(@PathVariable String referralId,
                                                         @Valid @RequestBody RedirectRequest body,
                                                         @AuthenticationPrincipal Actor actor,
                                                         ServerHttpRequest request) {
        var command = new RedirectReferral(Ids.uuid("referralId", referralId), IfMatch.expectedVersion(request),
                                           UUID.randomUUID().toString(), body.toPartnerId(), body.note(),
                                           body.consentOverride());
        return commands.<ReferralResult>send(command, body, actor, request).map(ReferralCommandController::created);
    }

    @PostMapping("/{referralId}/{action}")
    @Operation(operationId = "actOnReferral", summary = "Act on a referral",
               description = "accept, decline (reasonCode: a DeclineReason), hold, resume, start, deliver (outcome), "
                             + "fail (reasonCode: a FailureReason): the receiving partner's agents. cancel (note = "
                             + "reason): either partner or COORDINATOR. close (closureReason; optional quality: "
                             + "receivedAsPlanned, the returnee's satisfaction 1-5 and comment): the referring partner "
                             + "or COORDINATOR. notes (note): either partner or COORDINATOR. If-Match: \"<version>\" "
                             + "makes it conditional (412 when the referral moved on); 409 names the current status.")
    public Mono<ReferralResult> act(@PathVariable String referralId,
                                    @Parameter(description = "what to do", schema = @Schema(allowableValues = {"accept", "decline",
                                            "hold", "resume", "start", "deliver", "fail", "cancel", "close", "notes"}))
                                    @PathVariable String action,
                                    @Valid @RequestBody(required = false) ReferralActionRequest body,
                                    @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        ReferralActionRequest given = body == null ? new ReferralActionRequest(null, null, null, null) : body;
        String id = Ids.uuid("referralId", referralId);
        Long version = IfMatch.expectedVersion(request);
        Object command = switch (action) {
            case "accept" -> new AcceptReferral(id, version, given.note());
            case "decline" -> new DeclineReferral(id, version, code("reasonCode", DeclineReason.class, given.reasonCode()), given.note());
            case "hold" -> new PutReferralOnHold(id, version, given.note());
            case "resume" -> new ResumeReferral(id, version, given.note());
            case "start" -> new StartService(id, version, given.note());
            case "deliver" -> new DeliverService(id, version, required("outcome", given.outcome()), given.note());
            case "fail" -> new FailService(id, version, code("reasonCode", FailureReason.class, given.reasonCode()), given.note());
            case "cancel" -> new CancelReferral(id, version, requiredText("note", given.note()));
            case "close" -> new CloseReferral(id, version, required("closureReason", given.closureReason()), given.note(),
                                              given.receivedAsPlanned(), given.satisfaction(), given.comment());
            case "notes" -> new AddReferralNote(id, version, requiredText("note", given.note()));
            default -> throw new ResourceNotVisibleException("action", action);
        };
        return commands.send(command, given, actor, request);
    }

    @PostMapping("/{referralId}/feedback")
    @Operation(operationId = "recordReturneeFeedback", summary = "Record the returnee's feedback on the service",
               description = "Roles: either partner, COORDINATOR; once the referral was accepted, also after it is "
                             + "closed. satisfaction 1 (very dissatisfied) to 5 (very satisfied); the comment is sealed "
                             + "under the case's key. Figures show satisfaction only from 5 answers on.")
    public Mono<ReferralResult> feedback(@PathVariable String referralId, @Valid @RequestBody FeedbackRequest body,
                                         @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        var command = new RecordReturneeFeedback(Ids.uuid("referralId", referralId), IfMatch.expectedVersion(request),
                                                 body.satisfaction(), body.comment());
        return commands.send(command, body, actor, request);
    }

    private static ResponseEntity<ReferralResult> created(ReferralResult result) {
        return ResponseEntity.created(URI.create("/api/referrals/" + result.referralId())).body(result);
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new BadRequestException(field, "is required for this action");
        }
        return value;
    }

    private static String requiredText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field, "is required for this action");
        }
        return value;
    }

    private static <E extends Enum<E>> E code(String field, Class<E> type, String value) {
        required(field, value);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw new BadRequestException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
