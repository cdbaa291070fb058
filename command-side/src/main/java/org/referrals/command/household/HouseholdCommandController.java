package org.referrals.command.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.referrals.api.common.Actor;
import org.referrals.api.household.AddHouseholdMember;
import org.referrals.api.household.FormHousehold;
import org.referrals.api.household.FormHouseholdRequest;
import org.referrals.api.household.HouseholdMemberRequest;
import org.referrals.api.household.RemoveHouseholdMember;
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
@RequestMapping(path = "/api/households", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Households", description = "Cases linked as one family, each member with its own case and key")
public class HouseholdCommandController {

    private final CommandDispatcher commands;

    public HouseholdCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created")
    @Operation(operationId = "formHousehold", summary = "Form a household around its head's case",
               description = "Roles: the head case's owning partner's agents, COORDINATOR. The household belongs to that "
                             + "partner. A case belongs to one household at most (HOUSEHOLD_ALREADY_JOINED).")
    public Mono<ResponseEntity<Map<String, String>>> form(@Valid @RequestBody FormHouseholdRequest body,
                                                          @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        var command = new FormHousehold(UUID.randomUUID().toString(), body.headCaseId());
        return commands.send(command, body, actor, request).thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("householdId", command.householdId())));
    }

    @PostMapping("/{householdId}/members")
    @Operation(operationId = "addHouseholdMember", summary = "Add a case to a household as spouse, child or other relative",
               description = "Roles: the household's partner's agents (who must also own the member's case), COORDINATOR.")
    public Mono<Map<String, String>> add(@PathVariable String householdId, @Valid @RequestBody HouseholdMemberRequest body,
                                         @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        var command = new AddHouseholdMember(Ids.uuid("householdId", householdId), body.caseId(), body.role());
        return commands.send(command, body, actor, request).thenReturn(Map.of("householdId", householdId, "caseId", body.caseId()));
    }

    @PostMapping("/{householdId}/members/{caseId}/remove")
    @Operation(operationId = "removeHouseholdMember", summary = "Remove a member (not the head) from a household",
               description = "Roles: the household's partner's agents, COORDINATOR.")
    public Mono<Map<String, String>> remove(@PathVariable String householdId, @PathVariable String caseId,
                                            @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        var command = new RemoveHouseholdMember(Ids.uuid("householdId", householdId), Ids.uuid("caseId", caseId));
        return commands.send(command, Map.of(), actor, request).thenReturn(Map.of("householdId", householdId, "caseId", caseId));
    }
}
