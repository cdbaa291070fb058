package org.referrals.query.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.referrals.api.common.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/me}: who the presented API key or token is, so that a client (the dashboard) adapts to the role. */
@RestController
@Tag(name = "Session")
public class SessionController {

    /** The caller as the API sees it. */
    public record Me(String userId, String role, String partnerId) {
    }

    @GetMapping("/api/me")
    @Operation(operationId = "getSession", summary = "The caller: user id, role and (for a partner agent) partner", description = "Any authenticated caller.")
    public Mono<Me> me(@AuthenticationPrincipal Actor actor) {
        return Mono.just(new Me(actor.userId(), actor.role().name(), actor.partnerId()));
    }
}
