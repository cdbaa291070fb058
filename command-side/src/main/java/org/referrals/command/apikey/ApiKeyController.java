package org.referrals.command.apikey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.referrals.api.apikey.IssueApiKey;
import org.referrals.api.apikey.IssueApiKeyRequest;
import org.referrals.api.apikey.IssuedApiKey;
import org.referrals.api.apikey.RevokeApiKey;
import org.referrals.api.common.Actor;
import org.referrals.command.web.CommandDispatcher;
import org.referrals.command.web.CommandProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/admin/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API keys", description = "Issuing and revoking API keys")
public class ApiKeyController {

    private final CommandDispatcher commands;

    public ApiKeyController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created: the key, shown this once",
                 content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedApiKey.class)))
    @Operation(operationId = "issueApiKey", summary = "Issue an API key (shown once)",
               description = "Role: ADMIN. partnerId is required for PARTNER_AGENT keys. Only a salted hash is "
                             + "stored, so a repeat under the same Idempotency-Key cannot show the key again: it "
                             + "answers 409 (problem type idempotent-secret).")
    public Mono<ResponseEntity<Object>> issue(@Valid @RequestBody IssueApiKeyRequest body,
                                              @AuthenticationPrincipal Actor actor, ServerHttpRequest request) {
        String keyId = ApiKeySecrets.newKeyId();
        String secret = ApiKeySecrets.newSecret();
        String salt = ApiKeySecrets.newSalt();
        var command = new IssueApiKey(keyId, body.role(), body.partnerId(), body.label(), salt,
                                      ApiKeySecrets.hash(salt, secret));
        return commands.<String>send(command, body, actor, request).map(issuedId -> issuedId.equals(keyId)
                ? ResponseEntity.status(HttpStatus.CREATED).body(new IssuedApiKey(keyId, ApiKeySecrets.format(keyId, secret)))
                : ResponseEntity.status(HttpStatus.CONFLICT).body(CommandProblems.problem(
                        HttpStatus.CONFLICT, "idempotent-secret", "Key already issued",
                        "key %s was issued for this Idempotency-Key; its secret was shown once and is not stored".formatted(issuedId))));
    }

    @DeleteMapping("/{keyId}")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key, with immediate effect", description = "Role: ADMIN.")
    public Mono<ResponseEntity<Void>> revoke(@PathVariable String keyId, @AuthenticationPrincipal Actor actor,
                                             ServerHttpRequest request) {
        return commands.send(new RevokeApiKey(keyId), null, actor, request)
                       .thenReturn(ResponseEntity.noContent().build());
    }
}
