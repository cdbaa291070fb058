package org.referrals.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OIDC bearer tokens (all empty: API keys only). With {@code jwkSetUri} the keys come from there and
 * {@code issuerUri} is only checked against the {@code iss} claim; with {@code issuerUri} alone the keys are found
 * through the issuer's discovery document on the first token.
 *
 * @param roleClaim    claim holding the role (a string or a list; the first value naming a role, ignoring case, counts)
 * @param partnerClaim claim holding the partner id of a PARTNER_AGENT
 * @param userClaim    claim identifying the user in events and logs
 * @param audience     when set, the {@code aud} claim must contain it
 */
@ConfigurationProperties("referrals.oidc")
public record OidcProperties(String issuerUri, String jwkSetUri, String roleClaim, String partnerClaim,
                             String userClaim, String audience) {

    public boolean enabled() {
        return present(issuerUri) || present(jwkSetUri);
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
