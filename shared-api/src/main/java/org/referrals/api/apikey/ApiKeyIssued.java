package org.referrals.api.apikey;

import org.axonframework.serialization.Revision;
import org.referrals.api.common.Role;

/** {@code hash} is SHA-256 over salt and secret; the secret itself is stored nowhere. */
@Revision("1")
public record ApiKeyIssued(String keyId, Role role, String partnerId, String label, String salt, String hash) {
}
