package org.referrals.command.web;

import java.net.URI;
import java.util.Locale;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.referrals.command.common.ActionNotAllowedException;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.IllegalTransitionException;
import org.referrals.command.common.ResourceNotVisibleException;
import org.referrals.command.idempotency.IdempotencyKeyReusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem documents for refused commands. Messages are the domain's own, written for the caller; no
 * stack trace or internal detail is ever included.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after infra's SeenCaseRefusals, which turns some of its 404s into 403s
public class CommandProblems {

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        problem.setProperty("code", type); // stable, for a client to translate (the title and detail are English)
        return problem;
    }

    @ExceptionHandler(BadRequestException.class)
    public ProblemDetail badRequest(BadRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", e.getMessage());
        problem.setProperty("errors", e.errors());
        return problem;
    }

    /** IncompatibleAggregateException: the id is another kind of aggregate's (a partner's id where a key's is expected). */
    @ExceptionHandler({ResourceNotVisibleException.class, AggregateNotFoundException.class, IncompatibleAggregateException.class})
    public ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such resource");
    }

    @ExceptionHandler(ActionNotAllowedException.class)
    public ProblemDetail forbidden(ActionNotAllowedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Action not allowed", e.getMessage());
    }

    @ExceptionHandler(IllegalTransitionException.class)
    public ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in the current state",
                                        e.getMessage());
        problem.setProperty("currentStatus", e.currentState());
        return problem;
    }

    @ExceptionHandler(BusinessRuleViolationException.class)
    public ProblemDetail ruleViolated(BusinessRuleViolationException e) {
        String rule = e.rule().name().toLowerCase(Locale.ROOT).replace('_', '-');
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "rule/" + rule, "Refused by rule " + e.rule().name(),
                                        e.getMessage());
        problem.setProperty("rule", e.rule().name());
        return problem;
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ProblemDetail versionMismatch(ConflictingAggregateVersionException e) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Version mismatch",
                                        "the resource has changed since that version");
        problem.setProperty("expectedVersion", e.getExpectedVersion());
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    public ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "already-exists", "Already exists", "a resource with this id already exists");
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ProblemDetail concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed concurrently",
                       "another request changed the resource at the same time; read it again and retry");
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    public ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused",
                       e.getMessage());
    }
}
