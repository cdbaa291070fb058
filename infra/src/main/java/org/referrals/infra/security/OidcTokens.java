package org.referrals.infra.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.referrals.api.common.Actor;
import org.referrals.api.common.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * JWT bearer tokens of an OIDC provider: checked for signature (the provider's JWK set), expiry (30 s of clock skew),
 * issuer and, when configured, audience; then turned into the same {@link Actor} an API key gives, with role and
 * partner from configurable claims. A token naming no role of this system, or a partner agent without a partner,
 * is refused like a bad signature (401).
 */
final class OidcTokens {

    private final OidcProperties properties;

    OidcTokens(OidcProperties properties) {
        this.properties = properties;
    }

    ReactiveJwtDecoder decoder() {
        NimbusReactiveJwtDecoder decoder = OidcProperties.present(properties.jwkSetUri())
                ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
                : NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(Duration.ofSeconds(30)));
        if (OidcProperties.present(properties.issuerUri())) {
            validators.add(new JwtIssuerValidator(properties.issuerUri()));
        }
        if (OidcProperties.present(properties.audience())) {
            validators.add(new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        Optional<Role> role = roleOf(jwt.getClaim(properties.roleClaim()));
        if (role.isEmpty()) {
            return Mono.error(new BadJwtException("the token names no role of this system in claim " + properties.roleClaim()));
        }
        String partnerId = jwt.getClaimAsString(properties.partnerClaim());
        if (role.get() == Role.PARTNER_AGENT && (partnerId == null || partnerId.isBlank())) {
            return Mono.error(new BadJwtException("a partner agent's token needs claim " + properties.partnerClaim()));
        }
        var actor = new Actor("oidc:" + jwt.getClaimAsString(properties.userClaim()),
                              role.get() == Role.PARTNER_AGENT ? partnerId : null, role.get());
        return Mono.just(new UsernamePasswordAuthenticationToken(
                actor, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.get().name()))));
    }

    /** The first value of the claim that names a role people may hold (never SYSTEM). */
    static Optional<Role> roleOf(Object claim) {
        Collection<?> values = claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
        return values.stream().map(value -> value.toString().trim().toUpperCase(Locale.ROOT))
                     .flatMap(name -> List.of(Role.values()).stream().filter(r -> r != Role.SYSTEM && r.name().equals(name)))
                     .findFirst();
    }
}
