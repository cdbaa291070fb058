package org.referrals.infra.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.api.referral.Urgency;
import org.referrals.api.referral.FailureReason;
import org.referrals.infra.security.SecurityConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}, UI at {@code /swagger-ui.html}) as a contract that generates working
 * clients (README, "The OpenAPI document"): the API-key and bearer schemes, the {@code Idempotency-Key} and
 * {@code If-Match} headers, the problem documents every operation may answer (one schema, one response each,
 * referenced), JSON success answers, and the codes a client must send as enumerations. Each operation's roles are in
 * its description. {@code docs/openapi.json} is the served document, checked by {@code OpenApiContractTest}.
 */
@Configuration
public class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String FIELD_ERROR = "FieldError";
    private static final String API_KEY = "apiKey";
    private static final String BEARER = "bearer";
    /** The problem answers, described once: status, component name, description. */
    private static final Map<String, String[]> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", new String[] {"BadRequest", "Invalid request: errors lists the fields"});
        PROBLEMS.put("401", new String[] {"Unauthorized", "Missing, unknown or revoked API key or token"});
        PROBLEMS.put("403", new String[] {"Forbidden", "The caller's role or partner may not take this action"});
        PROBLEMS.put("404", new String[] {"NotFound", "Not found, or not visible to the caller"});
        PROBLEMS.put("409", new String[] {"Conflict", "Not allowed in the current state (currentStatus), or refused by a "
                                                      + "business rule (type /problems/rule/<rule>)"});
        PROBLEMS.put("412", new String[] {"PreconditionFailed", "If-Match: the referral has moved on since that version"});
        PROBLEMS.put("422", new String[] {"IdempotencyKeyReused", "Idempotency-Key already used for a different request"});
    }

    private static final Map<String, Class<? extends Enum<?>>> QUERY_ENUMS = Map.of(
            "category", ServiceCategory.class, "urgency", Urgency.class, "kind", PartnerKind.class, "status", ReferralStatus.class);

    static {
        // every enumeration a named schema of its own, referenced where used (swagger-core's documented switch), so
        // that a generated client has one ReferralStatus rather than one copy per model that carries a status
        ModelResolver.enumsAsRef = true;
    }

    @Bean
    public OpenAPI referralNetworkOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Referral network API").version("v1")
                                .description("Partner coordination and referral network for migrant protection and "
                                             + "reintegration. Authenticate with the X-API-Key header (or an OIDC "
                                             + "token as Authorization: Bearer, where configured). Errors are RFC "
                                             + "9457 problem documents (application/problem+json) with a stable code."))
                .servers(List.of(new Server().url("/").description("this server")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    public OpenApiCustomizer contract() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                                                                      .name(SecurityConfiguration.API_KEY_HEADER))
                      .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                                                     .bearerFormat("JWT")
                                                                     .description("an OIDC access token, where configured"))
                      .addSchemas(FIELD_ERROR, new ObjectSchema().description("one refused field of a request")
                              .addProperty("field", new StringSchema()).addProperty("message", new StringSchema()))
                      .addSchemas(PROBLEM, problemSchema());
            PROBLEMS.forEach((status, named) -> components.addResponses(named[0], new ApiResponse().description(named[1])
                    .content(new Content().addMediaType("application/problem+json",
                                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
            enumerateReasonCodes(components);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                jsonSuccess(operation);
                typedQueryParameters(operation);
                if (path.startsWith("/api/")) {
                    problems(path, method, operation);
                }
            }));
        };
    }

    /** Success answers as what they are: JSON (springdoc writes {@code *}{@code /*} where a mapping names no type). */
    private static void jsonSuccess(Operation operation) {
        operation.getResponses().forEach((status, response) -> {
            Content content = response.getContent();
            if (content != null && content.containsKey("*/*")) {
                MediaType json = content.remove("*/*");
                content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, json);
            }
        });
    }

    private static void problems(String path, PathItem.HttpMethod method, Operation operation) {
        List<String> statuses = new ArrayList<>(List.of("400", "401", "403", "404"));
        if (method != PathItem.HttpMethod.GET) {
            statuses.add("409");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                    .description("A repeat with the same key and body answers the first answer and writes "
                                 + "nothing; the same key with another body answers 422")
                    .schema(new StringSchema().maxLength(200)));
            statuses.add("422");
        }
        if (path.startsWith("/api/referrals/{referralId}/") && method == PathItem.HttpMethod.POST) {
            operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                    .description("\"<version>\": act only if the referral is still at that version")
                    .schema(new StringSchema()));
            statuses.add("412");
        }
        statuses.forEach(status -> operation.getResponses().addApiResponse(status,
                new ApiResponse().$ref("#/components/responses/" + PROBLEMS.get(status)[0])));
    }

    /**
     * Query parameters read as text and checked against a domain enumeration (or as a date) by their controllers:
     * typed here by name, from the enumerations themselves, so that a generated client offers the values.
     */
    @SuppressWarnings("rawtypes")
    private static void typedQueryParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream().filter(parameter -> "query".equals(parameter.getIn())).forEach(parameter -> {
            Class<? extends Enum<?>> codes = QUERY_ENUMS.get(parameter.getName());
            Schema given = parameter.getSchema();
            // a new schema each time: springdoc may share one instance among parameters of the same type
            if (codes != null) {
                Schema named = new Schema<>().$ref("#/components/schemas/" + codes.getSimpleName());
                parameter.setSchema(given instanceof ArraySchema ? new ArraySchema().items(named) : named);
            } else if ("from".equals(parameter.getName()) || "to".equals(parameter.getName())) {
                parameter.setSchema(new StringSchema().format("date"));
            }
        });
    }

    /** An action's {@code reasonCode}: a {@link DeclineReason} to decline, a {@link FailureReason} to fail. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void enumerateReasonCodes(Components components) {
        Schema request = components.getSchemas() == null ? null : components.getSchemas().get("ReferralActionRequest");
        if (request != null && request.getProperties() != null && request.getProperties().get("reasonCode") instanceof Schema code) {
            List<String> codes = new ArrayList<>();
            Arrays.stream(DeclineReason.values()).map(Enum::name).forEach(codes::add);
            Arrays.stream(FailureReason.values()).map(Enum::name).filter(name -> !codes.contains(name)).forEach(codes::add);
            code.setEnum(codes);
            code.setDescription("decline: a DeclineReason; fail: a FailureReason");
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem document")
                .addProperty("type", new StringSchema().example("/problems/illegal-transition"))
                .addProperty("code", new StringSchema().example("illegal-transition")
                                                      .description("stable code of the problem, for a client to translate"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR)))
                .addProperty("currentStatus", new StringSchema().description("409 illegal transition: the current state"))
                .addProperty("rule", new StringSchema().description("409 business rule: its name"));
    }
}
