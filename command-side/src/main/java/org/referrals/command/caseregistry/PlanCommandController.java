package org.referrals.command.caseregistry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.referrals.api.common.Actor;
import org.referrals.api.common.NoteRequest;
import org.referrals.api.common.ReasonRequest;
import org.referrals.api.plan.AchieveGoal;
import org.referrals.api.plan.AddGoal;
import org.referrals.api.plan.AgreePlan;
import org.referrals.api.plan.AgreePlanRequest;
import org.referrals.api.plan.DropGoal;
import org.referrals.api.plan.GoalTerms;
import org.referrals.api.plan.PlanChange;
import org.referrals.api.plan.ReviseGoal;
import org.referrals.api.plan.ReviseGoalRequest;
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

/** The reintegration plan of a case: agreed once with its goals, then goals added, revised, achieved or dropped. */
@RestController
@RequestMapping(path = "/api/cases/{caseId}/plan", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plans", description = "Reintegration plans: goals across the economic, social and psychosocial dimensions")
public class PlanCommandController {

    private static final String WHO = "Roles: the owning partner's agents, COORDINATOR; an open case whose personal data "
                                      + "is not erased. ";

    private final CommandDispatcher commands;

    public PlanCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created: the goals' ids, in the order given")
    @Operation(operationId = "agreePlan", summary = "Agree the case's reintegration plan with its goals",
               description = WHO + "Once per case (PLAN_ALREADY_AGREED); later goals are added one by one. Each goal: a "
                             + "dimension, a description (sealed under the case's key), a target date not in the past, "
                             + "and the service categories whose referrals can serve it.")
    public Mono<ResponseEntity<PlanChange>> agree(@PathVariable String caseId, @Valid @RequestBody AgreePlanRequest body,
                                                  @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        var command = new AgreePlan(Ids.uuid("caseId", caseId), body.goals().stream()
                .map(terms -> new AgreePlan.NewGoal(UUID.randomUUID().toString(), terms)).toList());
        return commands.send(command, body, actor, request).thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                .body(new PlanChange(caseId, command.goals().stream().map(AgreePlan.NewGoal::goalId).toList())));
    }

    @PostMapping("/goals")
    @ApiResponse(responseCode = "201", description = "Created: the new goal's id")
    @Operation(operationId = "addGoal", summary = "Add a goal to the agreed plan", description = WHO)
    public Mono<ResponseEntity<PlanChange>> add(@PathVariable String caseId, @Valid @RequestBody GoalTerms body,
                                                @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        var command = new AddGoal(Ids.uuid("caseId", caseId), UUID.randomUUID().toString(), body);
        return commands.send(command, body, actor, request).thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                .body(new PlanChange(caseId, List.of(command.goalId()))));
    }

    @PostMapping("/goals/{goalId}/revise")
    @Operation(operationId = "reviseGoal", summary = "Revise an open goal, with the reason", description = WHO)
    public Mono<PlanChange> revise(@PathVariable String caseId, @PathVariable String goalId,
                                   @Valid @RequestBody ReviseGoalRequest body, @AuthenticationPrincipal Actor actor,
                                   ServerHttpRequest request) {
        var command = new ReviseGoal(Ids.uuid("caseId", caseId), Ids.uuid("goalId", goalId), body.goal(), body.reason());
        return commands.send(command, body, actor, request).thenReturn(new PlanChange(caseId, List.of(goalId)));
    }

    @PostMapping("/goals/{goalId}/achieve")
    @Operation(operationId = "achieveGoal", summary = "Record an open goal as achieved", description = WHO + "The note is optional.")
    public Mono<PlanChange> achieve(@PathVariable String caseId, @PathVariable String goalId,
                                    @Valid @RequestBody NoteRequest body, @AuthenticationPrincipal Actor actor,
                                    ServerHttpRequest request) {
        var command = new AchieveGoal(Ids.uuid("caseId", caseId), Ids.uuid("goalId", goalId), body.note());
        return commands.send(command, body, actor, request).thenReturn(new PlanChange(caseId, List.of(goalId)));
    }

    @PostMapping("/goals/{goalId}/drop")
    @Operation(operationId = "dropGoal", summary = "Drop an open goal, with the reason", description = WHO)
    public Mono<PlanChange> drop(@PathVariable String caseId, @PathVariable String goalId,
                                 @Valid @RequestBody ReasonRequest body, @AuthenticationPrincipal Actor actor,
                                 ServerHttpRequest request) {
        var command = new DropGoal(Ids.uuid("caseId", caseId), Ids.uuid("goalId", goalId), body.reason());
        return commands.send(command, body, actor, request).thenReturn(new PlanChange(caseId, List.of(goalId)));
    }
}
