package org.referrals.infra.web;

import org.referrals.api.common.Actor;
import org.referrals.command.common.ResourceNotVisibleException;
import org.referrals.command.web.CommandProblems;
import org.referrals.query.caseregistry.CaseVisibility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A command on a case refused because the caller is not its owner: 403 when the caller sees the case (a receiving
 * partner while its referral is open, see {@link CaseVisibility}), else 404 like a case that does not exist. The
 * aggregate knows owners only; who sees a case follows the referrals, which the query side knows. A node that runs
 * the command side alone (profile {@code command}) has no read models to ask, and answers 404.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SeenCaseRefusals {

    private final ObjectProvider<CaseVisibility> visibility;

    public SeenCaseRefusals(ObjectProvider<CaseVisibility> visibility) {
        this.visibility = visibility;
    }

    @ExceptionHandler(ResourceNotVisibleException.class)
    public Mono<ResponseEntity<ProblemDetail>> refused(ResourceNotVisibleException refusal, ServerWebExchange exchange) {
        CaseVisibility cases = visibility.getIfAvailable();
        Mono<Boolean> seen = cases == null || !"case".equals(refusal.resource()) ? Mono.just(false)
                : exchange.getPrincipal().filter(Authentication.class::isInstance)
                          .map(principal -> ((Authentication) principal).getPrincipal())
                          .filter(Actor.class::isInstance)
                          .flatMap(actor -> cases.visibleTo(refusal.id(), (Actor) actor))
                          .defaultIfEmpty(false);
        return seen.map(visible -> visible
                ? ResponseEntity.status(HttpStatus.FORBIDDEN).body(CommandProblems.problem(HttpStatus.FORBIDDEN, "forbidden",
                        "Action not allowed", "only the case's owner or a coordinator may do this"))
                : ResponseEntity.status(HttpStatus.NOT_FOUND).body(CommandProblems.problem(HttpStatus.NOT_FOUND, "not-found",
                        "Not found", "no such resource")));
    }
}
