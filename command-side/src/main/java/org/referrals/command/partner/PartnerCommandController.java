package org.referrals.command.partner;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.referrals.api.common.Actor;
import org.referrals.api.common.ReasonRequest;
import org.referrals.api.partner.AgreePartnership;
import org.referrals.api.partner.ReactivatePartner;
import org.referrals.api.partner.RegisterPartner;
import org.referrals.api.partner.ServicesRequest;
import org.referrals.api.partner.SuspendPartner;
import org.referrals.api.partner.UpdatePartnerServices;
import org.referrals.command.web.CommandDispatcher;
import org.referrals.command.web.Ids;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partners", description = "Members of the network and their agreements")
public class PartnerCommandController {

    private final CommandDispatcher commands;

    public PartnerCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/partners")
    @ApiResponse(responseCode = "201", description = "Created")
    @Operation(operationId = "registerPartner", summary = "Register a partner", description = "Roles: ADMIN, COORDINATOR. 409 when the id is taken.")
    public Mono<ResponseEntity<Map<String, String>>> register(@Valid @RequestBody RegisterPartner body,
                                                              @AuthenticationPrincipal Actor actor,
                                                              ServerHttpRequest request) {
        return commands.send(body, body, actor, request)
                       .thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(Map.of("partnerId", body.partnerId())));
    }

    @PutMapping("/partners/{partnerId}/services")
    @Operation(operationId = "updatePartnerServices", summary = "Replace a partner's services", description = "Roles: that partner's agents, ADMIN, COORDINATOR.")
    public Mono<Map<String, String>> updateServices(@PathVariable String partnerId, @Valid @RequestBody ServicesRequest body,
                                                    @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        return commands.send(new UpdatePartnerServices(Ids.partnerId("partnerId", partnerId), body.services()), body, actor, request)
                       .thenReturn(Map.of("partnerId", partnerId));
    }

    @PostMapping("/partners/{partnerId}/suspend")
    @Operation(operationId = "suspendPartner", summary = "Suspend a partner: it receives no new referrals", description = "Roles: ADMIN, COORDINATOR.")
    public Mono<Map<String, String>> suspend(@PathVariable String partnerId, @Valid @RequestBody ReasonRequest body,
                                             @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        return commands.send(new SuspendPartner(Ids.partnerId("partnerId", partnerId), body.reason()), body, actor, request)
                       .thenReturn(Map.of("partnerId", partnerId, "status", PartnerStatus.SUSPENDED.name()));
    }

    @PostMapping("/partners/{partnerId}/reactivate")
    @Operation(operationId = "reactivatePartner", summary = "Reactivate a suspended partner", description = "Roles: ADMIN, COORDINATOR.")
    public Mono<Map<String, String>> reactivate(@PathVariable String partnerId, @Valid @RequestBody ReasonRequest body,
                                                @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        return commands.send(new ReactivatePartner(Ids.partnerId("partnerId", partnerId), body.reason()), body, actor, request)
                       .thenReturn(Map.of("partnerId", partnerId, "status", PartnerStatus.ACTIVE.name()));
    }

    @PostMapping("/partnerships")
    @ApiResponse(responseCode = "201", description = "Created")
    @Operation(operationId = "agreePartnership", summary = "Record a partnership agreement (MoU) between two partners", description = "Roles: ADMIN, COORDINATOR.")
    public Mono<ResponseEntity<Map<String, String>>> agree(@Valid @RequestBody AgreePartnership body,
                                                           @AuthenticationPrincipal Actor actor,
                                                           ServerHttpRequest request) {
        return commands.send(body, body, actor, request)
                       .thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                                                 .body(Map.of("partnerA", body.partnerA(), "partnerB", body.partnerB())));
    }
}
