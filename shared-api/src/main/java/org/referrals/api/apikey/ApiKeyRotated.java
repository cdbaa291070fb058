package org.referrals.api.apikey;

import org.axonframework.serialization.Revision;

/** The bootstrap admin key was given a new secret (REFERRALS_BOOTSTRAP_ADMIN_KEY changed). */
@Revision("1")
public record ApiKeyRotated(String keyId, String salt, String hash) {
}
