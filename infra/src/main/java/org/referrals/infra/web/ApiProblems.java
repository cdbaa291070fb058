package org.referrals.infra.web;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.referrals.api.common.FieldError;
import org.referrals.command.web.CommandProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Problem documents for bad input, for every endpoint of both sides: 400 with {@code errors: [{field, message}]}
 * for malformed JSON, unknown enum values, missing fields, failed constraints and what {@link StrictJsonBodies}
 * refuses; never a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          ServerWebExchange exchange) {
        List<FieldError> errors = ex.getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return badRequest("the request has invalid fields", errors);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         ServerWebExchange exchange) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                return badRequest("the request body could not be read", List.of(new FieldError(field, describe(mapping))));
            }
            if (cause instanceof StreamReadException syntax) {
                // the parser's own words (a duplicate key, an unexpected character) name the text, never our classes
                return badRequest("the request body is not valid JSON", List.of(new FieldError("body", syntax.getOriginalMessage())));
            }
        }
        String message = ex.getReason() == null ? "malformed request" : ex.getReason();
        return badRequest("the request could not be read", List.of(new FieldError("body", message)));
    }

    @ExceptionHandler(JSR303ViolationException.class)
    public Mono<ResponseEntity<Object>> commandViolation(JSR303ViolationException ex) {
        List<FieldError> errors = ex.getViolations().stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
        return badRequest("the request has invalid fields", errors);
    }

    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<Object>> unexpected(Exception ex) {
        if (DependencyOutage.causedBy(ex)) {
            log.warn("a dependency is unreachable: {}", DependencyOutage.describe(ex));
            ProblemDetail problem = CommandProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                    "a database this request needs is unreachable; nothing was changed, try again later");
            return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem));
        }
        log.error("unexpected error answering a request", ex);
        ProblemDetail problem = CommandProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                                                        "the request could not be completed");
        return Mono.just(ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem));
    }

    private static String describe(JsonMappingException mapping) {
        if (mapping instanceof StrictJsonBodies.Refused refused) {
            return refused.getOriginalMessage();
        }
        if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "must be a valid " + invalid.getTargetType().getSimpleName();
        }
        return "has the wrong type or format";
    }

    private static Mono<ResponseEntity<Object>> badRequest(String detail, List<FieldError> errors) {
        ProblemDetail problem = CommandProblems.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return Mono.just(ResponseEntity.badRequest().body(problem));
    }
}
