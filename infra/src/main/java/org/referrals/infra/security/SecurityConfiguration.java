package org.referrals.infra.security;

import java.time.Duration;
import java.util.List;
import org.referrals.infra.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * Stateless API-key authentication ({@code X-API-Key}) with Spring Security for WebFlux, and OIDC JWT bearer
 * tokens beside it when an issuer is configured ({@link OidcTokens}). Missing or wrong keys
 * answer 401, a role that may not use an endpoint 403, both as problem documents. Finer rules (which partner may
 * act on which resource) are the domain's, checked by the aggregates.
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfiguration {

    public static final String API_KEY_HEADER = "X-API-Key";
    /** Own scripts, styles and images only (Swagger UI and the dashboard need inline styles); never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The firewall's refusals (encoded slashes, "..", odd methods) as problem documents, not empty 400s. */
    @Bean
    public ServerExchangeRejectedHandler rejectedExchanges(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "request-rejected", "Request rejected",
                                                      "the request's path or method is not accepted");
    }

    @Bean
    public SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
                                                         ApiKeyAuthenticationManager authenticationManager,
                                                         ProblemWriter problems, OidcProperties oidc,
                                                         HttpHardeningProperties hardening) {
        // not beans: a WebFilter bean would also run outside this chain
        var throttle = new FailedAuthenticationThrottle(hardening, problems);
        var bodySizeLimit = new BodySizeLimit(hardening, problems);
        AuthenticationWebFilter apiKeys = new AuthenticationWebFilter(authenticationManager);
        apiKeys.setServerAuthenticationConverter(exchange -> Mono
                .justOrEmpty(exchange.getRequest().getHeaders().getFirst(API_KEY_HEADER))
                .map(key -> UsernamePasswordAuthenticationToken.unauthenticated("api-key", key)));
        apiKeys.setAuthenticationFailureHandler((filterExchange, failure) -> throttle.refused(filterExchange.getExchange(),
                filterExchange.getExchange().getRequest().getHeaders().getFirst(API_KEY_HEADER), "the API key is unknown or revoked"));
        apiKeys.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        if (oidc.enabled()) {
            OidcTokens tokens = new OidcTokens(oidc);
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint((exchange, failure) -> throttle.refused(exchange, null,
                            "the bearer token is not accepted: " + failure.getMessage()))
                    .jwt(jwt -> jwt.jwtDecoder(tokens.decoder()).jwtAuthenticationConverter(tokens::authentication)));
        }
        String howToAuthenticate = "send an API key in the " + API_KEY_HEADER + " header"
                + (oidc.enabled() ? " or an OIDC token as Authorization: Bearer" : "");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY)))
                .cors(cors -> {
                    if (hardening.corsAllowedOrigins() == null || hardening.corsAllowedOrigins().isEmpty()) {
                        cors.disable();
                    } else {
                        cors.configurationSource(corsConfiguration(hardening.corsAllowedOrigins()));
                    }
                })
                // after the header writer, so that 413 answers carry the security headers too
                .addFilterAfter(bodySizeLimit, SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .addFilterAt(apiKeys, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                      "/webjars/**").permitAll()
                        .pathMatchers("/actuator/**", "/api/admin/**").hasRole("ADMIN")
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, denied) -> problems.write(
                                exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                                howToAuthenticate))
                        .accessDeniedHandler((exchange, denied) -> problems.write(
                                exchange, HttpStatus.FORBIDDEN, "forbidden", "Action not allowed",
                                "this role may not use this endpoint")))
                .build();
    }

    private static CorsConfigurationSource corsConfiguration(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        cors.setAllowedHeaders(List.of(API_KEY_HEADER, "Authorization", "Content-Type", "Idempotency-Key", "If-Match",
                                       "X-Correlation-Id"));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
