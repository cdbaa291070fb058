package org.referrals.infra.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.referrals.infra.security.SecurityConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, UI at {@code /swagger-ui.html}): the API-key scheme, the
 * {@code Idempotency-Key} and {@code If-Match} headers, and the problem documents every operation may answer.
 * Each operation's roles are in its description.
 */
@Configuration
public class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String API_KEY = "apiKey";

    @Bean
    public OpenAPI referralNetworkOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Referral network API").version("v1")
                                .description("Partner coordination and referral network for migrant protection and "
                                             + "reintegration. Authenticate with the X-API-Key header. Errors are RFC "
                                             + "9457 problem documents (application/problem+json)."))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                                                        .in(SecurityScheme.In.HEADER)
                                                                        .name(SecurityConfiguration.API_KEY_HEADER))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    @Bean
    public OpenApiCustomizer problemResponses() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                addProblem(operation, "400", "Invalid request: errors lists the fields");
                addProblem(operation, "401", "Missing, unknown or revoked API key");
                addProblem(operation, "403", "The caller's role or partner may not take this action");
                addProblem(operation, "404", "Not found, or not visible to the caller");
                if (method != PathItem.HttpMethod.GET) {
                    addProblem(operation, "409", "Not allowed in the current state (currentStatus), or refused by a "
                                                 + "business rule (type /problems/rule/<rule>)");
                }
                if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
                    operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                            .description("A repeat with the same key and body answers the first answer and writes "
                                         + "nothing; the same key with another body answers 422")
                            .schema(new StringSchema().maxLength(200)));
                    addProblem(operation, "422", "Idempotency-Key already used for a different request");
                }
                if (path.startsWith("/api/referrals/{referralId}/") && method == PathItem.HttpMethod.POST) {
                    operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                            .description("\"<version>\": act only if the referral is still at that version")
                            .schema(new StringSchema()));
                    addProblem(operation, "412", "If-Match: the referral has moved on since that version");
                }
            });
        });
    }

    private static void addProblem(Operation operation, String status, String description) {
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description).content(
                new Content().addMediaType("application/problem+json",
                                           new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> fieldError = Map.of("field", new StringSchema(), "message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem document")
                .addProperty("type", new StringSchema().example("/problems/illegal-transition"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(new ObjectSchema().properties(fieldError)))
                .addProperty("currentStatus", new StringSchema().description("409 illegal transition: the current state"))
                .addProperty("rule", new StringSchema().description("409 business rule: its name"));
    }
}
